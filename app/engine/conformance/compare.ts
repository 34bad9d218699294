/**
 * Compare a replay on Layerlab with a recording from real Docker, step by step, and sort the
 * mismatches into known (listed in known-differences.ts with a reason) and unexplained.
 */
import type { BuildStep, ImageRecord, SaveRecord, StepResult } from './normalise.ts';
import type { Builder, Store } from './steps.ts';

export interface Mismatch {
  /** Index of the step in the scenario's results. */
  step: number;
  line: string;
  /** What differs: `steps[2].cached`, `error`, `stdout`, `history[3].size`, `layers[0]`, … */
  field: string;
  /** A one-line description: `expected … got …`, or `- entry` / `+ entry` for layer entries. */
  detail: string;
}

const show = (v: unknown) => JSON.stringify(v);

function push(
  out: Mismatch[],
  step: number,
  line: string,
  field: string,
  want: unknown,
  got: unknown,
) {
  if (show(want) !== show(got))
    out.push({ step, line, field, detail: `expected ${show(want)} got ${show(got)}` });
}

function compareSteps(
  out: Mismatch[],
  i: number,
  line: string,
  want: BuildStep[],
  got: BuildStep[],
) {
  push(out, i, line, 'steps.length', want.length, got.length);
  want.forEach((w, n) => {
    const g = got[n];
    push(out, i, line, `steps[${n}].step`, w.step, g?.step);
    push(out, i, line, `steps[${n}].cached`, w.cached, g?.cached);
  });
}

function compareImage(
  out: Mismatch[],
  i: number,
  line: string,
  want: ImageRecord,
  got: ImageRecord,
) {
  const keys = new Set([...Object.keys(want.config), ...Object.keys(got.config)]);
  for (const k of [...keys].sort())
    push(out, i, line, `config.${k}`, want.config[k], got.config[k]);
  push(out, i, line, 'history.length', want.history.length, got.history.length);
  want.history.forEach((w, n) => {
    const g = got.history[n];
    push(out, i, line, `history[${n}].created_by`, w.created_by, g?.created_by);
    push(out, i, line, `history[${n}].empty_layer`, w.empty_layer, g?.empty_layer);
    push(out, i, line, `history[${n}].size`, w.size, g?.size);
  });
  push(out, i, line, 'layers.length', want.layers.length, got.layers.length);
  want.layers.forEach((w, n) => {
    const g = new Set(got.layers[n] ?? []);
    const ws = new Set(w);
    for (const e of w)
      if (!g.has(e)) out.push({ step: i, line, field: `layers[${n}]`, detail: `- ${e}` });
    for (const e of g)
      if (!ws.has(e)) out.push({ step: i, line, field: `layers[${n}]`, detail: `+ ${e}` });
  });
}

function compareSave(out: Mismatch[], i: number, line: string, want: SaveRecord, got: SaveRecord) {
  compareLines(out, i, line, 'save.files', want.files, got.files);
  for (const k of ['ociLayout', 'index', 'manifest', 'repositories'] as const)
    push(out, i, line, `save.${k}`, want[k], got[k]);
}

/**
 * A build's output as a line diff (longest common subsequence): one mismatch per line that only
 * one side printed, `- line` (Docker's) or `+ line` (Layerlab's), so one difference reads as
 * one entry, not as every line after it shifted.
 */
function compareLog(
  out: Mismatch[],
  i: number,
  line: string,
  field: string,
  want: string[],
  got: string[],
) {
  const n = want.length;
  const m = got.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let a = n - 1; a >= 0; a--)
    for (let b = m - 1; b >= 0; b--)
      lcs[a]![b] =
        want[a] === got[b] ? lcs[a + 1]![b + 1]! + 1 : Math.max(lcs[a + 1]![b]!, lcs[a]![b + 1]!);
  let a = 0;
  let b = 0;
  while (a < n || b < m) {
    if (a < n && b < m && want[a] === got[b]) {
      a++;
      b++;
    } else if (b < m && (a === n || lcs[a]![b + 1]! >= lcs[a + 1]![b]!)) {
      out.push({ step: i, line, field, detail: `+ ${got[b++]}` });
    } else {
      out.push({ step: i, line, field, detail: `- ${want[a++]}` });
    }
  }
}

function compareLines(
  out: Mismatch[],
  i: number,
  line: string,
  field: string,
  want: string[],
  got: string[],
) {
  for (let n = 0; n < Math.max(want.length, got.length); n++)
    push(out, i, line, `${field}[${n}]`, want[n], got[n]);
}

/** Every difference between a recording and a replay of the same scenario and builder. */
export function compareResults(want: StepResult[], got: StepResult[]): Mismatch[] {
  const out: Mismatch[] = [];
  want.forEach((w, i) => {
    const g = got[i];
    if (!g || g.line !== w.line || g.kind !== w.kind) {
      out.push({
        step: i,
        line: w.line,
        field: 'kind',
        detail: `expected ${w.kind} got ${g?.kind}`,
      });
      return;
    }
    if (w.kind === 'build' && g.kind === 'build') {
      push(out, i, w.line, 'exitCode', w.exitCode, g.exitCode);
      compareSteps(out, i, w.line, w.steps, g.steps);
      push(out, i, w.line, 'error', w.error, g.error);
      push(out, i, w.line, 'builtId', w.builtId, g.builtId);
      compareLog(out, i, w.line, 'log.stdout', w.stdout, g.stdout);
      compareLog(out, i, w.line, 'log.stderr', w.stderr, g.stderr);
    } else if (w.kind === 'command' && g.kind === 'command') {
      push(out, i, w.line, 'exitCode', w.exitCode, g.exitCode);
      compareLines(out, i, w.line, 'stdout', w.stdout, g.stdout);
      compareLines(out, i, w.line, 'stderr', w.stderr, g.stderr);
    } else if (w.kind === 'cat' && g.kind === 'cat') {
      push(out, i, w.line, 'content', w.content, g.content);
    } else if (w.kind === 'save' && g.kind === 'save') {
      push(out, i, w.line, 'error', w.error, g.error);
      if (w.save && g.save) compareSave(out, i, w.line, w.save, g.save);
    } else if (w.kind === 'image' && g.kind === 'image') {
      push(out, i, w.line, 'error', w.error, g.error);
      if (w.image && g.image) compareImage(out, i, w.line, w.image, g.image);
    }
  });
  if (got.length > want.length)
    push(out, want.length, '', 'results.length', want.length, got.length);
  return out;
}

export interface KnownDifference {
  /** Short name, also a heading in conformance/KNOWN-DIFFERENCES.md. */
  id: string;
  /** Scenario folder name, several, or '*' for every scenario. */
  scenario: string | readonly string[];
  builder?: Builder;
  /** Only for replays on this image store. */
  store?: Store;
  /** Matches Mismatch.field (anchored at the start). */
  field: RegExp;
  /** Matches Mismatch.detail when given. */
  detail?: RegExp;
  /** Matches the step's line when given. */
  line?: RegExp;
  /**
   * Only while the replay runs on the builder tests' small fixture base, because the catalog's
   * debian:bookworm-slim is not there yet.
   */
  fixtureBase?: true;
  reason: string;
}

/** Whether a known difference is about this scenario. */
export function coversScenario(k: KnownDifference, scenario: string): boolean {
  if (typeof k.scenario === 'string') return k.scenario === '*' || k.scenario === scenario;
  return k.scenario.includes(scenario);
}

/** What the replay ran on: the catalog's debian:bookworm-slim or the test fixture. */
export type ReplayBase = 'catalog' | 'test fixture';

/** Which replay a mismatch came from. */
export interface ReplayOf {
  scenario: string;
  builder: Builder;
  store: Store;
}

export function isKnown(
  k: KnownDifference,
  of: ReplayOf,
  m: Mismatch,
  base: ReplayBase = 'catalog',
) {
  return (
    (k.fixtureBase === undefined || base === 'test fixture') &&
    coversScenario(k, of.scenario) &&
    (k.builder === undefined || k.builder === of.builder) &&
    (k.store === undefined || k.store === of.store) &&
    new RegExp(`^(?:${k.field.source})`).test(m.field) &&
    (k.detail === undefined || k.detail.test(m.detail)) &&
    (k.line === undefined || k.line.test(m.line))
  );
}
