/**
 * A program's stdout and stderr in the order it wrote them. The two streams are kept apart (a
 * pipe reads stdout only, `2>/dev/null` drops stderr), and beside them the runs that say which
 * stream wrote what, in turn: what a terminal shows, and what `docker logs` keeps (recorded on
 * Docker 28.5, both stores: conformance/lessons/<store>/logs-order.txt prints out1, err1, out2,
 * err2 as the container wrote them).
 */

export type OutputStream = 'stdout' | 'stderr';

/** `length` characters that one stream wrote before the other wrote again. */
export interface OutputRun {
  stream: OutputStream;
  length: number;
}

export interface OrderedOutput {
  stdout: string;
  stderr: string;
  /** Absent: nothing says the order (stdout, then stderr). */
  order?: readonly OutputRun[] | undefined;
}

/**
 * Adds `length` characters written to `stream`, joined to the last run when it is the same stream.
 * @example const runs: OutputRun[] = []; noteRun(runs, 'stdout', 5); noteRun(runs, 'stdout', 2); // [{ stream: 'stdout', length: 7 }]
 */
export function noteRun(runs: OutputRun[], stream: OutputStream, length: number): void {
  if (length === 0) return;
  const last = runs.at(-1);
  if (last?.stream === stream) last.length += length;
  else runs.push({ stream, length });
}

/**
 * The output cut into the pieces the streams wrote, in order. Text the runs do not cover (added
 * after them) follows, stdout first.
 * @example outputPieces({ stdout: 'a\nb\n', stderr: 'e\n', order: [{ stream: 'stdout', length: 2 }, { stream: 'stderr', length: 2 }, { stream: 'stdout', length: 2 }] })
 * // [{ stream: 'stdout', text: 'a\n' }, { stream: 'stderr', text: 'e\n' }, { stream: 'stdout', text: 'b\n' }]
 */
export function outputPieces(out: OrderedOutput): { stream: OutputStream; text: string }[] {
  const at = { stdout: 0, stderr: 0 };
  const pieces: { stream: OutputStream; text: string }[] = [];
  const take = (stream: OutputStream, length: number) => {
    const text = out[stream].slice(at[stream], at[stream] + length);
    at[stream] += text.length;
    if (text) pieces.push({ stream, text });
  };
  for (const run of out.order ?? []) take(run.stream, run.length);
  take('stdout', Infinity);
  take('stderr', Infinity);
  return pieces;
}
