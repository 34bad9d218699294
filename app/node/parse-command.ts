/** `layerlab parse [--dump] FILE`: diagnostics (exit 1 on errors), or BuildKit's dump. */
import { readFileSync } from 'node:fs';
import { dumpAst } from '../engine/dockerfile/dump.ts';
import { parseDockerfile } from '../engine/dockerfile/parse.ts';
import { formatDiagnostic } from '../engine/dockerfile/report.ts';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function parseCommand(args: string[], io: Io): number {
  const dump = args.includes('--dump');
  const files = args.filter((a) => a !== '--dump');
  const unknown = files.find((a) => a.startsWith('-') && a !== '-');
  if (unknown || files.length !== 1) {
    io.err(
      unknown
        ? `layerlab parse: unknown option ${unknown}\n`
        : 'layerlab parse: give one Dockerfile, e.g. layerlab parse Dockerfile\n',
    );
    return 2;
  }
  const file = files[0]!;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    io.err(`layerlab parse: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? e}\n`);
    return 1;
  }
  const result = parseDockerfile(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (dump) {
    io.out(dumpAst(result.instructions.map((i) => i.node)));
    for (const d of errors) io.err(formatDiagnostic(file, text, d) + '\n');
    return errors.length ? 1 : 0;
  }
  for (const i of result.instructions) {
    const stage = i.stage < 0 ? 'global' : `stage ${i.stage}`;
    io.out(`${i.range.start.line}\t${stage}\t${i.node.original}\n`);
  }
  for (const d of result.diagnostics) io.err(formatDiagnostic(file, text, d) + '\n');
  return errors.length ? 1 : 0;
}
