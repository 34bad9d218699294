/**
 * BuildKit's eager cache keys. BuildKit computes every step's cache key before it has finished
 * running the steps, and a COPY's key is the checksum of its files in the build context. So a
 * source the context lacks fails the whole solve at once: the step that was running is
 * canceled, those after it never start, and nothing they made stays in the build cache; the
 * next build runs them again (recorded on Docker 28.5: conformance/scenarios/21-err-copy-missing
 * and 40-cache-key-error). The legacy builder runs step by step and keeps what it finished.
 */
import { EngineError } from '../common/diagnostics.ts';
import { sha256Hex } from '../fs/hash.ts';
import type { BuildRequest } from './builder.ts';
import type { BuildCache } from './cache.ts';
import { selectFromContext } from './copy.ts';
import type { BuildEvent } from './events.ts';
import { executeStep } from './execute.ts';
import { startStage } from './stage-start.ts';
import type { StageState, StepHooks } from './stage.ts';
import { variables } from './stage.ts';

export interface EagerFailure {
  /** The COPY or ADD step whose key could not be computed. */
  step: number;
  error: EngineError;
}

const NO_HOOKS: StepHooks = {
  lookup: () => undefined,
  store: () => undefined,
  output: () => undefined,
};

/** BuildKit names the context it could not checksum by two of its random IDs (here: from the context). */
function contextRef(req: BuildRequest): string {
  const base32 = (hex: string) =>
    BigInt(`0x${hex}`)
      .toString(32)
      .padStart(25, '0')
      .slice(-25)
      .replace(/[^a-z0-9]/g, '0');
  const seed = sha256Hex([...req.context.files.keys()].join('\n'));
  return `${base32(seed.slice(0, 32))}::${base32(seed.slice(32))}`;
}

/**
 * The first COPY/ADD from the build context whose source is missing, found as BuildKit finds
 * it: before any step runs (ARG and ENV values are followed; the other steps are not run).
 * Undefined when every context source is there, or when the build fails for another reason
 * first (the builder reports that one).
 * @example eagerCopyFailure(req, new Set([0])) // { step: 3, error: EngineError('copy-not-found') }
 */
export function eagerCopyFailure(
  req: BuildRequest,
  needed: ReadonlySet<number>,
): EagerFailure | undefined {
  const states = new Map<number, StageState>();
  let index = 0;
  for (const stage of req.plan.stages) {
    const first = index;
    index += stage.steps.length + 1;
    if (!needed.has(stage.index)) continue;
    let state: StageState;
    try {
      state = startStage(req, stage, states, () => undefined);
      for (const [i, step] of stage.steps.entries()) {
        if (step.keyword === 'ARG' || step.keyword === 'ENV') {
          state = executeStep(req, step, state, states, NO_HOOKS).state;
          continue;
        }
        if (step.keyword !== 'COPY' && step.keyword !== 'ADD') continue;
        if (step.copy.from !== undefined || step.copy.heredocs.length) continue;
        const vars = variables(state);
        const local = step.copy.sources
          .map((s) => req.expand(s, vars).value)
          .filter((s) => step.keyword !== 'ADD' || !/^https?:\/\//.test(s));
        if (!local.length) continue;
        try {
          selectFromContext(req.context, local, step.range);
        } catch (e) {
          if (!(e instanceof EngineError) || e.code !== 'copy-not-found') return undefined;
          const detail = e.message.replace(/^failed to compute cache key: /, '');
          const error = new EngineError(
            'copy-not-found',
            `failed to compute cache key: failed to calculate checksum of ref ${contextRef(req)}: ${detail}`,
            e.range,
            {
              ...e.data,
              hint: `${e.data.hint ?? ''} BuildKit checks every COPY before it finishes any step, so the steps above were stopped too and run again next time.`.trim(),
            },
          );
          return { step: first + 1 + i, error };
        }
      }
    } catch {
      return undefined;
    }
    states.set(stage.index, state);
  }
  return undefined;
}

/**
 * The events of a build the eager failure stopped: every step it ran is canceled instead
 * (its output and layer dropped, its cache entry forgotten).
 */
export function cancelRun(events: BuildEvent[], cache: BuildCache): BuildEvent[] {
  const canceled = new Set<number>();
  for (const e of events)
    if (e.type === 'step-done' && (e.outcome === 'built' || e.outcome === 'canceled'))
      canceled.add(e.step);
  for (const e of events)
    if (e.type === 'cache-miss' && canceled.has(e.step)) cache.delete(e.key.key);
  // A step waits for the one above it: after the first canceled step of a stage, none started.
  const start = events.find((e) => e.type === 'build-start');
  const stageOf = (n: number) => (start?.type === 'build-start' ? start.steps[n]?.stage : n);
  const neverStarted = (n: number) => canceled.has(n - 1) && stageOf(n - 1) === stageOf(n);
  return events
    .filter(
      (e) =>
        !(
          ((e.type === 'output' || e.type === 'layer') && canceled.has(e.step)) ||
          (e.type === 'step-start' && canceled.has(e.step) && neverStarted(e.step))
        ),
    )
    .map((e) =>
      e.type === 'step-done' && canceled.has(e.step)
        ? { ...e, outcome: 'canceled' as const, imageId: undefined }
        : e,
    );
}
