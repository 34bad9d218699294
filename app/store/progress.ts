/**
 * Where a build's playback stands: the state of every step after the first `cursor` events.
 * Pure: the layer stack, the cache panel, the timeline and the live region all read this.
 */
import type {
  BuildEvent,
  CacheKeyParts,
  LayerSummary,
  MissReason,
  StepInfo,
  StepOutcome,
} from '../engine/build/events.ts';
import type { BuildView } from '../engine/session/types.ts';

export type StepPhase = 'pending' | 'running' | StepOutcome;

export interface StepProgress {
  info: StepInfo;
  phase: StepPhase;
  /** Set once the cache was consulted. */
  cache:
    | { hit: true; key: CacheKeyParts }
    | { hit: false; key: CacheKeyParts; reason: MissReason }
    | undefined;
  layer: LayerSummary | undefined;
  output: string;
  skippedBecause: string | undefined;
  error: Extract<BuildEvent, { type: 'error' }> | undefined;
  /** Index of the layer this step made in the image's layer list, once known. */
  layerIndex: number | undefined;
}

export interface BuildProgress {
  steps: StepProgress[];
  /** The step the last event was about. */
  current: number | undefined;
  done: boolean;
  ok: boolean | undefined;
  /** Events played so far / in all. */
  cursor: number;
  total: number;
  /** A build-level error not tied to a step (e.g. a Dockerfile that does not parse). */
  error: Extract<BuildEvent, { type: 'error' }> | undefined;
}

/**
 * The state of each step after `cursor` events of `view`.
 *
 * @example
 * buildProgress(view, view.events.length).steps.map((s) => s.phase); // ['base', 'cached', 'built']
 */
export function buildProgress(view: BuildView, cursor: number): BuildProgress {
  const start = view.events.find((e) => e.type === 'build-start');
  const steps: StepProgress[] = (start?.type === 'build-start' ? start.steps : []).map((info) => ({
    info,
    phase: 'pending',
    cache: undefined,
    layer: undefined,
    output: '',
    skippedBecause: undefined,
    error: undefined,
    layerIndex: undefined,
  }));
  const layerOf = layerIndexes(view);
  let current: number | undefined;
  let done = false;
  let ok: boolean | undefined;
  let buildError: BuildProgress['error'];
  const played = Math.max(0, Math.min(cursor, view.events.length));
  for (let i = 0; i < played; i++) {
    const e = view.events[i]!;
    if (e.type === 'build-start') continue;
    if (e.type === 'build-done') {
      done = true;
      ok = true;
      continue;
    }
    if (e.type === 'error' && e.step === undefined) {
      // Refused while reading the Dockerfile (BuildKit's `EXPOSE eighty`): no step ran, but
      // the instruction it names carries the reason, on its card.
      const at = e.range && steps.find((s) => s.info.range.start.line === e.range!.start.line);
      if (at) {
        at.phase = 'failed';
        at.error = e;
        current = at.info.index;
      } else buildError = e;
      done = true;
      ok = false;
      continue;
    }
    const s = steps[e.step!];
    if (!s) continue;
    current = e.step;
    switch (e.type) {
      case 'step-start':
        s.phase = 'running';
        break;
      case 'cache-hit':
        s.cache = { hit: true, key: e.key };
        break;
      case 'cache-miss':
        s.cache = { hit: false, key: e.key, reason: e.reason };
        break;
      case 'output':
        s.output += e.text;
        break;
      case 'layer':
        s.layer = e.layer;
        s.layerIndex = layerOf.get(e.step);
        break;
      case 'step-done':
        s.phase = e.outcome;
        if (s.layerIndex === undefined) s.layerIndex = layerOf.get(e.step);
        break;
      case 'step-skipped':
        s.phase = 'skipped';
        s.skippedBecause = e.reason;
        break;
      case 'error':
        s.phase = 'failed';
        s.error = e;
        done = true;
        ok = false;
        break;
    }
  }
  if (played >= view.events.length && ok === undefined) {
    done = true;
    ok = view.ok;
  }
  return { steps, current, done, ok, cursor: played, total: view.events.length, error: buildError };
}

/**
 * Which image layer each step made: FROM provides the base layers, each later step with a
 * layer event adds the next one, in the order of the final image (the target stage).
 */
function layerIndexes(view: BuildView): Map<number, number> {
  const out = new Map<number, number>();
  const image = view.image;
  if (!image) return out;
  const start = view.events.find((e) => e.type === 'build-start');
  if (start?.type !== 'build-start') return out;
  const finalStage = start.steps[start.steps.length - 1]?.stage;
  const made = view.events.filter(
    (e): e is Extract<BuildEvent, { type: 'layer' }> =>
      e.type === 'layer' && e.layer !== undefined && start.steps[e.step]?.stage === finalStage,
  );
  const own = image.layers.filter((l) => !l.fromBase);
  // Match by diffID, in order (two steps can make identical layers).
  let from = 0;
  for (const e of made) {
    const at = own.findIndex((l, i) => i >= from && l.diffId === e.layer!.diffId);
    if (at >= 0) {
      out.set(e.step, own[at]!.index);
      from = at + 1;
    }
  }
  const base = start.steps.find((s) => s.stage === finalStage && s.kind === 'base');
  const firstBase = image.layers.find((l) => l.fromBase);
  if (base && firstBase) out.set(base.index, firstBase.index);
  return out;
}

/**
 * Where the view rests once a build has played: the step worth looking at, never a trailing
 * CMD. A failed build rests on its failure; a rebuild on the first step that was rebuilt (the
 * one that broke the cache, with its reason); a first build, or one all from the cache, on the
 * last step that made a layer (the top of the image). Undefined until the build is over.
 *
 * @example
 * restingStep(buildProgress(view, view.events.length)); // 4: "COPY app.py ." after an edit
 */
export function restingStep(p: BuildProgress): number | undefined {
  if (!p.done) return undefined;
  const failed = p.steps.find((s) => s.phase === 'failed');
  if (failed) return failed.info.index;
  const rebuilt = p.steps.find(
    (s) => s.phase === 'built' && s.cache && !s.cache.hit && s.cache.reason.kind !== 'first-build',
  );
  if (rebuilt) return rebuilt.info.index;
  const finalStage = p.steps.at(-1)?.info.stage;
  const layered = p.steps.filter(
    (s) =>
      s.info.stage === finalStage &&
      (s.phase === 'built' || s.phase === 'cached') &&
      s.info.kind === 'filesystem',
  );
  return layered.at(-1)?.info.index;
}

/**
 * The step the panels look at: the one chosen, else, right after a build has played to its end
 * (`resting`, until the learner moves the playback), where it rests; else the one playing.
 */
export function viewedStep(
  p: BuildProgress,
  view: { selected: number | undefined; resting: boolean },
): number | undefined {
  if (view.selected !== undefined) return view.selected;
  return view.resting && p.done ? (restingStep(p) ?? p.current) : p.current;
}

/**
 * The sentence a screen reader hears for a step, e.g. "Step 3 of 8: COPY requirements.txt . -
 * cached".
 */
export function stepAnnouncement(p: BuildProgress): string {
  if (p.error && p.current === undefined) return `Build failed: ${p.error.message}`;
  if (p.current === undefined) return p.total > 0 ? 'Build ready to play.' : '';
  const s = p.steps[p.current];
  if (!s) return '';
  const words: Record<StepPhase, string> = {
    pending: 'waiting',
    running: 'running',
    base: 'base image',
    cached: 'cached',
    built: 'built',
    metadata: 'metadata only',
    skipped: 'skipped',
    failed: 'failed',
    canceled: 'canceled',
  };
  const text = `Step ${s.info.index + 1} of ${p.steps.length}: ${s.info.text} - ${words[s.phase]}`;
  const tail = p.done ? (p.ok ? '. Build finished.' : '. Build failed.') : '';
  return text + tail;
}

/**
 * The layer index the filesystem shows while a build plays: the newest layer a played step
 * made (or took from the cache), the base's top layer before that; the top once it is done.
 */
export function playedLayer(
  progress: BuildProgress,
  layers: readonly { fromBase: boolean }[],
): number | undefined {
  if (progress.cursor === 0) return undefined;
  if (progress.done) return layers.length - 1;
  let at = layers.filter((l) => l.fromBase).length - 1;
  for (const step of progress.steps)
    if ((step.phase === 'built' || step.phase === 'cached') && step.layerIndex !== undefined)
      at = Math.max(at, step.layerIndex);
  return at < 0 ? undefined : at;
}
