/**
 * A terminal line of several commands (`&&`, `||`, `;`) or with `$(docker ...)`: each command
 * runs as its own line (and is recorded as one), outputs in order, the status of the last one run.
 */
import { runFilter } from './filters.ts';
import { splitHostLine, splitPipeline, substitute } from './hostLine.ts';
import { outputPieces, type OrderedOutput } from '../common/output-order.ts';
import type { BuildView, CommandView, EngineView } from './types.ts';

/** What one line gives the terminal, with the context files the commands wrote. */
export type LineResult = CommandView & { written: { path: string; data: Uint8Array }[] };

export interface LineRunner {
  /** Any line (a `$(...)` inside may be compound again). */
  command(line: string): LineResult;
  /** One docker command line. */
  simple(line: string): LineResult;
  view(): EngineView;
}

export function runCompound(line: string, run: LineRunner): LineResult {
  const parsed = splitHostLine(line);
  if ('error' in parsed) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `${parsed.error}\n`,
      build: undefined,
      engine: run.view(),
      written: [],
    };
  }
  let stdout = '';
  let stderr = '';
  let status = 0;
  let build: BuildView | undefined;
  const written: { path: string; data: Uint8Array }[] = [];
  const chunks: { text: string; error: boolean }[] = [];
  for (const { text, after } of parsed.commands) {
    if ((after === '&&' && status !== 0) || (after === '||' && status === 0)) continue;
    const expanded = substitute(text, (inner) => {
      const r = run.command(inner);
      stderr += r.stderr;
      if (r.stderr) chunks.push({ text: r.stderr, error: r.exitCode !== 0 });
      return r.stdout;
    });
    const [first = '', ...filters] = splitPipeline(expanded);
    if (filters.some((f) => f === '') || first === '') {
      const said = "syntax error near unexpected token `|'\n";
      chunks.push({ text: said, error: true });
      stderr += said;
      status = 2;
      continue;
    }
    const r = run.simple(first);
    // Piped: the filters read the docker command's stdout; its stderr goes to the terminal.
    for (const f of filters) {
      const out = runFilter(f, r.stdout);
      r.stdout = out.stdout;
      r.stderr += out.stderr;
      r.exitCode = out.exitCode;
    }
    stdout += r.stdout;
    stderr += r.stderr;
    // In the order the program wrote (docker run, docker logs) while nothing filtered it; else
    // progress (stderr) comes before a command's result (stdout), as a terminal shows them.
    if (r.chunks && filters.length === 0) chunks.push(...r.chunks);
    else {
      if (r.stderr) chunks.push({ text: r.stderr, error: r.exitCode !== 0 });
      if (r.stdout) chunks.push({ text: r.stdout, error: false });
    }
    status = r.exitCode;
    build = r.build ?? build;
    written.push(...r.written);
  }
  return { exitCode: status, stdout, stderr, build, engine: run.view(), written, chunks };
}

/**
 * The terminal's pieces of a command whose output says which stream wrote what, in turn: a
 * failed command's stderr marked as an error (red), as the terminal shows it otherwise.
 */
export function orderedChunks(
  r: OrderedOutput & { exitCode: number },
): NonNullable<CommandView['chunks']> {
  return outputPieces(r).map((p) => ({
    text: p.text,
    error: p.stream === 'stderr' && r.exitCode !== 0,
  }));
}
