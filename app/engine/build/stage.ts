/**
 * A stage's state as its steps change it (layers, the union view, the config, history, ARGs),
 * and what every kind of step shares: the variables words expand with, history entries, adding
 * a layer. execute.ts runs steps; copy-step.ts is COPY and ADD.
 */
import type { HistoryEntry, Layer, MergedView, RunConfig } from '../fs/index.ts';
import type { BuildRequest } from './builder.ts';
import type { CacheEntry } from './cache.ts';
import type { CacheKeyParts, StepOutcome } from './events.ts';

export interface StageState {
  layers: Layer[];
  view: MergedView;
  config: RunConfig;
  history: HistoryEntry[];
  /** BuildKit: the key of the last filesystem step (or the base image ID). Classic: the image ID. */
  cacheParent: string;
  /** The image ID the next classic step builds on; BuildKit: the base image's ID. */
  parentImage: string | undefined;
  /** ARGs declared in this stage, with their values for this build. */
  args: Map<string, string | undefined>;
  /** ARGs before the first FROM, with build-arg overrides applied. */
  globalArgs: ReadonlyMap<string, string>;
  /** Whether a step of this stage (or its base stage) was rebuilt. */
  rebuilt: boolean;
}

export interface StepHooks {
  lookup(parts: CacheKeyParts, parentMatters: boolean): CacheEntry | undefined;
  store(key: string, entry: CacheEntry): void;
  output(stream: 'stdout' | 'stderr', text: string): void;
}

export interface StepResult {
  state: StageState;
  outcome: StepOutcome;
  layer: Layer | undefined;
  /** True for steps that may make a layer (RUN, COPY, ADD, WORKDIR). */
  layerChanged: boolean;
}

const COMMENT = 'buildkit.dockerfile.v0';

/** Variables an instruction's words expand with: ARG values, then ENV (ENV wins). */
export function variables(state: StageState): Map<string, string> {
  const vars = new Map<string, string>();
  for (const [k, v] of state.args) if (v !== undefined) vars.set(k, v);
  for (const e of state.config.Env ?? []) {
    const i = e.indexOf('=');
    vars.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  return vars;
}

export function argPairs(state: StageState): [string, string][] {
  return [...state.args].map(([k, v]) => [k, v ?? '']);
}

export function historyEntry(req: BuildRequest, createdBy: string, empty: boolean): HistoryEntry {
  return {
    created: '1970-01-01T00:00:00Z',
    created_by: createdBy,
    ...(req.builder === 'buildkit' ? { comment: COMMENT } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
}

export function withLayer(
  state: StageState,
  layer: Layer | undefined,
  entry: HistoryEntry,
  config: RunConfig = state.config,
): StageState {
  return {
    ...state,
    layers: layer ? [...state.layers, layer] : state.layers,
    view: layer ? state.view.push(layer) : state.view,
    config,
    history: [...state.history, entry],
  };
}
