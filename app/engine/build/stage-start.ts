/**
 * Where a stage starts: an image (looked up among the lab's images), an earlier stage, or
 * scratch; and BuildKit's words when the image does not exist.
 */
import { EngineError } from '../common/diagnostics.ts';
import { MergedView } from '../fs/index.ts';
import type { BuildRequest } from './builder.ts';
import type { StageState } from './stage.ts';
import type { StageSpec } from './steps.ts';

/** BuildKit's words for a base image no registry has. */
export function baseNotFoundMessage(ref: string): string {
  const name = ref.includes('/') ? ref : `docker.io/library/${ref}`;
  return `${ref}: failed to resolve source metadata for ${name.includes(':') ? name : `${name}:latest`}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

export function startStage(
  req: BuildRequest,
  stage: StageSpec,
  states: ReadonlyMap<number, StageState>,
  onNote: (text: string) => void,
): StageState {
  const vars = new Map<string, string>();
  for (const a of req.plan.globalArgs) {
    const v = req.buildArgs[a.name] ?? a.value;
    if (v !== undefined) vars.set(a.name, v);
  }
  const ref = req.expand(stage.from.image, vars).value;
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
  if (ref.toLowerCase() === 'scratch') return empty();
  // BuildKit looks the base up exactly as written among the (lower-cased) names of the stages
  // before it: `FROM Builder` does not find `AS builder`, and is then read as an image name.
  const prior = req.plan.stages.findLast(
    (s) => s.name !== undefined && s.name === ref && s.index < stage.index,
  );
  if (prior) {
    const state = states.get(prior.index);
    if (!state) throw new EngineError('internal', `stage ${ref} was not built`, stage.from.range);
    return { ...state, args: new Map(), globalArgs: vars };
  }
  const base = req.resolveImage(ref);
  if (!base) {
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
  if (base.note) onNote(base.note);
  return {
    layers: [...base.layers],
    view: MergedView.of(base.layers),
    config: base.config,
    history: [...base.history],
    cacheParent: base.id,
    parentImage: base.id,
    args: new Map(),
    globalArgs: vars,
    rebuilt: false,
  };
}
