/**
 * A `docker build` log for the terminal: printed in the terminal's normal colours (a build's
 * progress is not an error, though BuildKit writes it to stderr), with only a failed build's
 * error lines in red: BuildKit's `#5 ERROR: ...` and `ERROR: failed to solve: ...`, the legacy
 * builder's last line (`The command ... returned a non-zero code: 100`). Pure.
 */
import type { BuilderKind } from '../../engine/build/events.ts';

export interface Piece {
  text: string;
  error: boolean;
}

const BUILDKIT_ERROR = /^(#\d+ )?ERROR\b/;

/**
 * The log cut into pieces, each in the error colour or not.
 *
 * @example
 * buildLogPieces('#5 RUN x\n#5 ERROR: exit code: 1\n', true, 'buildkit');
 * // [{ text: '#5 RUN x\n', error: false }, { text: '#5 ERROR: exit code: 1\n', error: true }]
 */
export function buildLogPieces(text: string, failed: boolean, builder: BuilderKind): Piece[] {
  if (!failed) return text ? [{ text, error: false }] : [];
  const lines = text.split(/(?<=\n)/);
  let lastLine = -1;
  for (let i = lines.length - 1; i >= 0; i--)
    if (lines[i]!.trim() !== '') {
      lastLine = i;
      break;
    }
  const pieces: Piece[] = [];
  lines.forEach((line, i) => {
    const error = builder === 'classic' ? i === lastLine : BUILDKIT_ERROR.test(line);
    const last = pieces.at(-1);
    if (last && last.error === error) last.text += line;
    else pieces.push({ text: line, error });
  });
  return pieces;
}
