/**
 * The builder: walks a build plan stage by stage and step by step, asks the cache first, runs
 * what misses, and reports every step as events. BuildKit and classic differ in what a cache
 * key is made of, which steps make images, and what history says (docker-facts.md).
 */
import { EngineError } from '../common/diagnostics.ts';
import {
  FIXED_CREATED,
  diffId,
  imageConfigJson,
  imageId,
  snapshotUsage,
  type HistoryEntry,
  type Layer,
  type RunConfig,
} from '../fs/index.ts';
import type { PackageCatalog } from '../shell/index.ts';
import { explainMiss, type BuildCache, type CacheEntry } from './cache.ts';
import type { BuildContext } from './context.ts';
import type { BuildEvent, BuilderKind, CacheKeyParts, StepInfo } from './events.ts';
import { dispatchProblem } from './dispatch-check.ts';
import { planStepInfos, neededStages } from './order.ts';
import { stageVertices, vertexName } from './vertex.ts';
import { startStage } from './stage-start.ts';
import { withTriggers } from './onbuild.ts';
import { cancelRun, eagerCopyFailure, type EagerFailure } from './eager-keys.ts';
import { executeStep, type StageState } from './execute.ts';
import type { BuildPlan, StageSpec } from './steps.ts';

/** An image the build can start FROM or COPY --from. */
export interface BaseImage {
  ref: string;
  id: string;
  layers: readonly Layer[];
  config: RunConfig;
  history: readonly HistoryEntry[];
  /** The config JSON whose sha256 is `id`, when known. */
  configJson?: string;
  /** One line the build prints under its FROM: which version a moving tag (`latest`) gave here. */
  note?: string;
}

/** Expands `$VAR` and `${VAR:-x}` in an instruction's words; reports which names it read. */
export type Expander = (
  text: string,
  vars: ReadonlyMap<string, string>,
) => { value: string; used: string[] };

/** Instructions one build may run: far above any real Dockerfile, low enough to stay fast. */
export const DEFAULT_INSTRUCTION_LIMIT = 10_000;

export interface BuildRequest {
  plan: BuildPlan;
  /** The Dockerfile text (for error excerpts) and its name. */
  source: string;
  dockerfileName: string;
  context: BuildContext;
  builder: BuilderKind;
  tags: string[];
  buildArgs: Readonly<Record<string, string>>;
  noCache: boolean;
  target: string | undefined;
  resolveImage: (ref: string) => BaseImage | undefined;
  /** Why an image FROM names is missing, in Docker's words and the lab's (see catalog/answers.ts). */
  explainMissing?: (ref: string) => EngineError | undefined;
  catalog: PackageCatalog;
  cache: BuildCache;
  expand: Expander;
  /**
   * steps: shell commands and loop iterations per RUN; maxBytes: bytes one step may write;
   * instructions: Dockerfile instructions one build runs (DEFAULT_INSTRUCTION_LIMIT).
   */
  limits?: { steps?: number; maxBytes?: number; instructions?: number };
  /** The simulator's clock for files RUN writes; fixed so layers are reproducible. */
  now?: number;
  /**
   * Why BuildKit's frontend refuses this build after reading it, before any step runs: a build
   * check with `# check=error=true`, or a `# check=` value it cannot read.
   */
  checkError?: string | undefined;
}

export interface BuiltImage {
  id: string;
  configJson: string;
  layers: Layer[];
  config: RunConfig;
  history: HistoryEntry[];
  /** Classic: the previous step's image. */
  parent: string | undefined;
}

export interface BuildResult {
  ok: boolean;
  events: BuildEvent[];
  image: BuiltImage | undefined;
  /** Classic builder: the image of every step, kept as intermediate images. */
  intermediates: BuiltImage[];
}

/** Config JSON and ID of a state's image (BuildKit flavour or classic with its parent). */
export function finishImage(
  state: StageState,
  builder: BuilderKind,
  parent: string | undefined,
): BuiltImage {
  const configJson = imageConfigJson({
    config: state.config,
    diffIds: state.layers.map((l) => diffId(l)),
    history: state.history,
    created: FIXED_CREATED,
    flavor: builder,
    ...(builder === 'classic' && parent ? { extra: { parent } } : {}),
  });
  return {
    id: imageId(configJson),
    configJson,
    layers: [...state.layers],
    config: state.config,
    history: [...state.history],
    parent: builder === 'classic' ? parent : undefined, // BuildKit links no parent (moby)
  };
}

/**
 * Build an image. Never throws for user input: failures end the event list with an `error`.
 * @example
 * const result = build({ plan, source, dockerfileName: 'Dockerfile', context, builder: 'buildkit',
 *   tags: ['app:latest'], buildArgs: {}, noCache: false, target: undefined, resolveImage, catalog,
 *   cache: new BuildCache(), expand });
 * result.events.filter((e) => e.type === 'cache-hit').length;
 */
export function build(request: BuildRequest): BuildResult {
  let req = request;
  const events: BuildEvent[] = [];
  const intermediates: BuiltImage[] = [];
  const emit = (e: BuildEvent) => events.push(e);
  let infos: StepInfo[] = [];
  let current: number | undefined;
  let eager: EagerFailure | undefined;
  const setCurrent = (n: number) => (current = n);
  try {
    const target = targetStage(req.plan, req.target);
    const needed = neededStages(req.plan, target, req.builder, req.expand, req.buildArgs);
    req = { ...req, plan: withTriggers(req, needed) }; // the bases' ONBUILD triggers, as steps
    infos = planStepInfos(req.plan, needed, req.builder);
    const maxInstructions = req.limits?.instructions ?? DEFAULT_INSTRUCTION_LIMIT;
    if (infos.length > maxInstructions) {
      throw new EngineError(
        'build-budget',
        `this Dockerfile has ${infos.length} instructions, more than the simulator builds (limit ${maxInstructions})`,
        infos[maxInstructions]?.range,
        { hint: 'Split the work into fewer instructions, for example one RUN joined with &&.' },
      );
    }
    emit({
      type: 'build-start',
      builder: req.builder,
      steps: infos,
      target: req.target,
      dockerfile: req.dockerfileName,
      dockerfileBytes: new TextEncoder().encode(req.source).length,
      contextBytes: req.context.bytes,
      baseImages: [...needed.baseRefs],
    });
    if (req.checkError) throw new EngineError('build-check', req.checkError);
    // BuildKit reads every instruction of the stages it builds before running any of them.
    if (req.builder === 'buildkit') {
      const refused = dispatchProblem(req.plan, needed.stages);
      if (refused) throw refused;
    }
    eager = req.builder === 'buildkit' ? eagerCopyFailure(req, needed.stages) : undefined;
    const states = new Map<number, StageState>();
    let index = 0;
    let final: BuiltImage | undefined;
    for (const stage of req.plan.stages) {
      const stepCount = stage.steps.length + 1;
      if (!needed.stages.has(stage.index)) {
        for (let i = 0; i < stepCount; i++)
          emit({
            type: 'step-skipped',
            step: index + i,
            reason: `stage ${stage.name ?? stage.index} is not needed for the target`,
          });
        index += stepCount;
        if (stage.index > target.index) break;
        continue;
      }
      const state = runStage(req, stage, index, infos, states, emit, intermediates, setCurrent);
      states.set(stage.index, state);
      index += stepCount;
      if (stage.index === target.index) {
        // The classic builder's last step committed the result already: that image is the
        // build's image (`Successfully built` names it, as `docker history` does), not a new one.
        const last = intermediates.at(-1);
        final =
          req.builder === 'classic' && last && last.id === state.parentImage
            ? intermediates.pop()!
            : finishImage(state, req.builder, state.parentImage);
        break;
      }
    }
    if (!final) throw new EngineError('internal', 'the target stage was not built');
    emit({ type: 'build-done', imageId: final.id, tags: req.tags });
    return { ok: true, events, image: final, intermediates };
  } catch (caught) {
    let e = asEngineError(caught);
    if (eager && current !== undefined && current <= eager.step) {
      // The missing COPY source failed the solve first: what was running is canceled.
      if (current !== eager.step) {
        emit({ type: 'step-done', step: current, outcome: 'canceled', imageId: undefined });
        emit({ type: 'step-start', step: eager.step });
      }
      current = eager.step;
      e = eager.error;
      events.splice(0, events.length, ...cancelRun(events, req.cache));
    }
    const data = e.data;
    if (current !== undefined && data.output)
      emit({ type: 'output', step: current, stream: 'stderr', text: data.output });
    emit({
      type: 'error',
      step: current,
      code: e.code,
      message: e.message,
      classicMessage: data.classic,
      hint: data.hint,
      range: e.range ?? (current !== undefined ? infos[current]?.range : undefined),
      switchTo: data.switchTo,
      imageRange: data.imageRange,
    });
    if (current !== undefined)
      emit({ type: 'step-done', step: current, outcome: 'failed', imageId: undefined });
    return { ok: false, events, image: undefined, intermediates };
  }
}

/**
 * A failure the steps did not put in words (a file system error escaping a step) still ends
 * the build with a sentence instead of taking the page down.
 */
function asEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) return e;
  if (e instanceof RangeError)
    return new EngineError(
      'build-budget',
      /call stack/i.test(e.message)
        ? 'this build nested too deeply for the simulator'
        : 'this build made a value too large for the simulator',
    );
  const what = e instanceof Error ? e.message : String(e);
  return new EngineError('internal', `the simulator could not run this step: ${what}`);
}

function targetStage(plan: BuildPlan, target: string | undefined): StageSpec {
  if (plan.stages.length === 0)
    throw new EngineError('no-stage', 'the Dockerfile has no FROM: there is nothing to build');
  if (target === undefined) return plan.stages[plan.stages.length - 1]!;
  const found = plan.stages.find((s) => s.name?.toLowerCase() === target.toLowerCase());
  if (!found)
    throw new EngineError(
      'unknown-target',
      `failed to solve: target stage "${target}" could not be found`,
    );
  return found;
}

function runStage(
  req: BuildRequest,
  stage: StageSpec,
  first: number,
  infos: readonly StepInfo[],
  states: ReadonlyMap<number, StageState>,
  emit: (e: BuildEvent) => void,
  intermediates: BuiltImage[],
  setCurrent: (n: number) => void,
): StageState {
  setCurrent(first);
  const vertices = stageVertices(req.builder, req.plan.stages.length, stage, infos);
  emit({ type: 'step-start', step: first, ...vertices.next(first, () => undefined) });
  let state = startStage(req, stage, states, (text) =>
    emit({ type: 'output', step: first, stream: 'stdout', text: `${text}\n` }),
  );
  emit({ type: 'step-done', step: first, outcome: 'base', imageId: state.parentImage });
  let rebuilt = state.rebuilt;
  // How many steps of each keyword came before: counted as we go, not rescanned per step.
  const seen = new Map<string, number>();
  stage.steps.forEach((step, i) => {
    const n = first + 1 + i;
    setCurrent(n);
    emit({ type: 'step-start', step: n, ...vertices.next(n, () => vertexName(step, state)) });
    const ordinal = seen.get(step.keyword) ?? 0;
    seen.set(step.keyword, ordinal + 1);
    const position = `${stage.index}:${step.keyword}:${ordinal}`;
    const outcome = executeStep(req, step, state, states, {
      lookup: (parts: CacheKeyParts, parentMatters: boolean) => {
        const before = req.cache.remember(position, parts);
        const hit = req.noCache ? undefined : req.cache.get(parts.key);
        if (hit) {
          emit({ type: 'cache-hit', step: n, key: parts });
          return hit;
        }
        const parentRebuilt =
          parentMatters && rebuilt && before !== undefined && before.parent !== parts.parent;
        emit({
          type: 'cache-miss',
          step: n,
          key: parts,
          reason: explainMiss({ noCache: req.noCache, parentRebuilt, before, now: parts }),
        });
        return undefined;
      },
      store: (key: string, entry: CacheEntry) => req.cache.set(key, entry),
      output: (stream, text) => emit({ type: 'output', step: n, stream, text }),
    });
    state = outcome.state;
    if (outcome.outcome === 'built') rebuilt = true;
    if (outcome.layerChanged) {
      const layer = outcome.layer;
      emit({
        type: 'layer',
        step: n,
        layer: layer
          ? {
              diffId: diffId(layer),
              size: layer.stats.size,
              diskUsage: snapshotUsage(layer),
              added: layer.stats.files + layer.stats.symlinks,
              changed: layer.stats.dirs,
              deleted: layer.stats.whiteouts + layer.stats.opaques,
            }
          : undefined,
      });
    }
    if (req.builder === 'classic') {
      const image = finishImage(state, 'classic', state.parentImage);
      intermediates.push(image);
      state = { ...state, parentImage: image.id, cacheParent: image.id };
    }
    emit({
      type: 'step-done',
      step: n,
      outcome: outcome.outcome,
      imageId: req.builder === 'classic' ? state.parentImage : undefined,
    });
  });
  return { ...state, rebuilt };
}
