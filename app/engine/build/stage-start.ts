/**
 * Where a stage starts: an image (looked up among the lab's images), an earlier stage, or
 * scratch; and BuildKit's words when the image does not exist.
 */
import { EngineError } from '../common/diagnostics.ts';
import { MergedView, type RunConfig } from '../fs/index.ts';
import type { BuildRequest } from './builder.ts';
import type { StageState } from './stage.ts';
import type { StageSpec } from './steps.ts';

/** BuildKit's words for a base image no registry has. */
export function baseNotFoundMessage(ref: string): string {
  const name = ref.includes('/') ? ref : `docker.io/library/${ref}`;
  return `${ref}: failed to resolve source metadata for ${name.includes(':') ? name : `${name}:latest`}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** What a stage starts from: scratch, an earlier stage, or an image by the name written. */
export type StageBase = { vars: Map<string, string> } & (
  { kind: 'scratch' } | { kind: 'stage'; stage: StageSpec } | { kind: 'image'; ref: string }
);

export function stageBase(req: BuildRequest, stage: StageSpec): StageBase {
  const vars = new Map<string, string>();
  for (const a of req.plan.globalArgs) {
    const v = req.buildArgs[a.name] ?? a.value;
    if (v !== undefined) vars.set(a.name, v);
  }
  const ref = req.expand(stage.from.image, vars).value;
  if (ref.toLowerCase() === 'scratch') return { vars, kind: 'scratch' };
  // BuildKit looks the base up exactly as written among the (lower-cased) names of the stages
  // before it: `FROM Builder` does not find `AS builder`, and is then read as an image name.
  const prior = req.plan.stages.findLast(
    (s) => s.name !== undefined && s.name === ref && s.index < stage.index,
  );
  return prior ? { vars, kind: 'stage', stage: prior } : { vars, kind: 'image', ref };
}

/**
 * A stage's first state. Its config keeps no OnBuild: the triggers run in this stage (see
 * onbuild.ts), never again in one built on it.
 */
export function startStage(
  req: BuildRequest,
  stage: StageSpec,
  states: ReadonlyMap<number, StageState>,
  onNote: (text: string) => void,
): StageState {
  const base = stageBase(req, stage);
  const vars = base.vars;
  const empty = (): StageState => ({
    layers: [],
    view: MergedView.empty,
    config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ...(req.builder === 'buildkit' ? { WorkingDir: '/' } : {}), // BuildKit's emptyImage has one
    },
    history: [],
    cacheParent: 'scratch',
    parentImage: undefined,
    args: new Map(),
    globalArgs: vars,
    rebuilt: false,
  });
  if (base.kind === 'scratch') return empty();
  if (base.kind === 'stage') {
    const state = states.get(base.stage.index);
    if (!state)
      throw new EngineError('internal', `stage ${base.stage.name} was not built`, stage.from.range);
    return { ...state, config: withoutTriggers(state.config), args: new Map(), globalArgs: vars };
  }
  const ref = base.ref;
  const image = req.resolveImage(ref);
  if (!image) {
    const explained = req.explainMissing?.(ref);
    if (explained)
      throw new EngineError(explained.code, explained.message, stage.from.range, {
        ...explained.data,
        imageRange: stage.from.imageRange,
      });
    throw new EngineError('base-not-found', baseNotFoundMessage(ref), stage.from.range, {
      classic: `pull access denied for ${ref.split(':')[0]}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      hint: `There is no image called "${ref}". Check the spelling, or pick one the lab has (for example debian:bookworm-slim).`,
    });
  }
  if (image.note) onNote(image.note);
  return {
    layers: [...image.layers],
    view: MergedView.of(image.layers),
    config: withoutTriggers(image.config),
    history: [...image.history],
    cacheParent: image.id,
    parentImage: image.id,
    args: new Map(),
    globalArgs: vars,
    rebuilt: false,
  };
}

function withoutTriggers(config: RunConfig): RunConfig {
  if (config.OnBuild === undefined) return config;
  const { OnBuild: _fired, ...rest } = config;
  return rest;
}
