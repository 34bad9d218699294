/**
 * A `docker build` run as a comparable record: its steps and cache outcomes, the error, and the
 * whole output with what varies between two runs of the same build taken out (durations, the
 * size BuildKit says it transferred, progress lines printed again when they finish).
 */
import { outputLines, scrub, type BuildStep, type StepResult } from './normalise.ts';
import type { Builder } from './steps.ts';

/** The last meaningful line of a failed build: docker's error sentence. */
function errorLine(text: string): string | undefined {
  const lines = scrub(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines[lines.length - 1];
}

const BK_VERTEX = /^#(\d+) \[([^\]]+)\] (.*)$/;
const BK_CACHED = /^#(\d+) CACHED\s*$/;

/** Steps of a BuildKit `--progress=plain` log, ordered by stage then step number. */
function buildkitSteps(log: string): BuildStep[] {
  const names = new Map<string, { stage: string; n: number; step: string }>();
  const cached = new Set<string>();
  for (const line of log.split('\n')) {
    const v = BK_VERTEX.exec(line);
    if (v) {
      const [, id, label, text] = v as unknown as [string, string, string, string];
      const m = /^(?:(\S+) )?(\d+)\/(\d+)$/.exec(label);
      if (!m || names.has(id)) continue;
      names.set(id, { stage: m[1] ?? '', n: Number(m[2]), step: `[${label}] ${text.trim()}` });
      continue;
    }
    const c = BK_CACHED.exec(line);
    if (c) cached.add(c[1]!);
  }
  return [...names.entries()]
    .sort(([, a], [, b]) => (a.stage === b.stage ? a.n - b.n : a.stage < b.stage ? -1 : 1))
    .map(([id, s]) => ({
      step: scrub(s.step),
      cached: / FROM /.test(` ${s.step.replace(/^\[[^\]]+\]/, '')}`) ? null : cached.has(id),
    }));
}

/** Steps of the classic builder's output (`Step n/N : ...`, ` ---> Using cache`). */
function classicSteps(log: string): BuildStep[] {
  const out: BuildStep[] = [];
  for (const line of log.split('\n')) {
    const m = /^Step (\d+\/\d+) : (.*)$/.exec(line);
    if (m) {
      const text = m[2]!.trim();
      out.push({
        step: scrub(`Step ${m[1]} : ${text}`),
        cached: /^FROM /i.test(text) ? null : false,
      });
    } else if (/^ ---> Using cache\s*$/.test(line) && out.length)
      out[out.length - 1]!.cached = true;
  }
  return out;
}

/**
 * BuildKit's plain progress without what differs between two runs: durations (`DONE 0.4s`,
 * `0.484 before`, `exporting layers 0.0s done`), the bytes of the context transfer, and a
 * status line printed once while running and again when done.
 * @example buildkitLog('#5 DONE 0.3s') // ['#5 DONE <t>']
 */
export function buildkitLog(text: string): string[] {
  const lines = outputLines(text).map((l) =>
    l
      .replace(/^(#\d+) DONE \d+\.\d+s$/, '$1 DONE <t>')
      .replace(/^(#\d+ )?\d+\.\d{3} /, '$1<t> ')
      .replace(/ \d+\.\d+s done$/, ' done')
      .replace(/transferring (context|dockerfile): \S+ done$/, 'transferring $1: <size> done'),
  );
  const finished = new Set(lines.filter((l) => l.endsWith(' done')));
  // `#3 transferring context: 29B 0.1s` is printed while the transfer runs, on a slow day only.
  return lines.filter(
    (l) =>
      !finished.has(`${l} done`) && !/^#\d+ transferring \w+:(?: \S+)?(?: \d+\.\d+s)?$/.test(l),
  );
}

/** A `docker build` run as a comparable record. BuildKit logs to stderr, classic to stdout. */
export function buildResult(
  line: string,
  builder: Builder,
  r: { exitCode: number; stdout: string; stderr: string },
): StepResult {
  const steps =
    builder === 'buildkit' ? buildkitSteps(r.stderr) : classicSteps(`${r.stdout}\n${r.stderr}`);
  const result: StepResult = {
    line,
    kind: 'build',
    exitCode: r.exitCode,
    steps,
    stdout: outputLines(r.stdout),
    stderr: builder === 'buildkit' ? buildkitLog(r.stderr) : outputLines(r.stderr),
  };
  if (r.exitCode !== 0) {
    const error = errorLine(r.stderr);
    if (error !== undefined) result.error = error;
  }
  return result;
}
