/**
 * One step of a stage: its cache key, a cache lookup, and on a miss the work itself. Returns
 * the stage's next state; the builder turns what happened into events. COPY/ADD are in
 * copy-step.ts; the stage's state and what steps share, in stage.ts.
 */
import { EngineError } from '../common/diagnostics.ts';
import { openOverlay, type Layer, type RunConfig } from '../fs/index.ts';
import { resolveUser } from '../fs/users.ts';
import type { BuildRequest } from './builder.ts';
import { makeKey } from './cache.ts';
import { copyStep } from './copy-step.ts';
import { commandArgv, metadataCreatedBy, runCreatedBy } from './history.ts';
import { applyMetadata, workdirPath } from './metadata.ts';
import { runStep } from './run-step.ts';
import {
  argPairs,
  historyEntry,
  variables,
  withLayer,
  type StageState,
  type StepHooks,
  type StepResult,
} from './stage.ts';
import type { StepSpec } from './steps.ts';

export type { StageState, StepHooks, StepResult } from './stage.ts';

export function executeStep(
  req: BuildRequest,
  step: StepSpec,
  state: StageState,
  stages: ReadonlyMap<number, StageState>,
  hooks: StepHooks,
): StepResult {
  const vars = variables(state);
  const expand = (text: string) => req.expand(text, vars).value;
  switch (step.keyword) {
    case 'ARG':
      return argStep(req, step, state, hooks, expand);
    case 'RUN':
      return runStepCached(req, step, state, hooks);
    case 'COPY':
    case 'ADD':
      return copyStep(req, step, state, stages, hooks, expand);
    case 'WORKDIR':
      return workdirStep(req, step, state, hooks, expand);
    case 'FROM':
      throw new EngineError('internal', 'FROM inside a stage', step.range);
    default: {
      const { config, body } = applyMetadata(step, state.config, req.builder, expand);
      // BuildKit's dispatchOnbuild only adds the trigger to the config: no history row.
      if (step.keyword === 'ONBUILD' && req.builder === 'buildkit')
        return {
          state: { ...state, config },
          outcome: 'metadata',
          layer: undefined,
          layerChanged: false,
        };
      const createdBy = metadataCreatedBy(req.builder, step.keyword, body);
      return metadataResult(req, state, hooks, createdBy, config);
    }
  }
}

/** BuildKit: config only, nothing cached. Classic: a cached `#(nop)` step with its own image. */
function metadataResult(
  req: BuildRequest,
  state: StageState,
  hooks: StepHooks,
  createdBy: string,
  config: RunConfig,
): StepResult {
  const next = withLayer(state, undefined, historyEntry(req, createdBy, true), config);
  if (req.builder === 'buildkit')
    return { state: next, outcome: 'metadata', layer: undefined, layerChanged: false };
  const parts = makeKey({
    parent: state.cacheParent,
    instruction: createdBy,
    files: undefined,
    args: undefined,
    env: undefined,
  });
  const hit = hooks.lookup(parts, true);
  if (!hit)
    hooks.store(parts.key, { layer: undefined, imageId: undefined, config, createdBy, output: '' });
  return { state: next, outcome: hit ? 'cached' : 'built', layer: undefined, layerChanged: false };
}

function argStep(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'ARG' }>,
  state: StageState,
  hooks: StepHooks,
  expand: (t: string) => string,
): StepResult {
  const args = new Map(state.args);
  const shown: string[] = [];
  for (const a of step.args) {
    const value =
      req.buildArgs[a.name] ??
      (a.value !== undefined ? expand(a.value) : state.globalArgs.get(a.name));
    args.set(a.name, value);
    // BuildKit writes the value the ARG has in this build (a --build-arg, its default, or the
    // global ARG it inherits: dispatchArg's commitStr); the legacy builder the line as written.
    if (req.builder === 'buildkit') shown.push(value !== undefined ? `${a.name}=${value}` : a.name);
    else shown.push(a.value !== undefined ? `${a.name}=${a.value}` : a.name);
  }
  const createdBy = metadataCreatedBy(req.builder, 'ARG', shown.join(' '));
  return metadataResult(req, { ...state, args }, hooks, createdBy, state.config);
}

function runStepCached(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'RUN' }>,
  state: StageState,
  hooks: StepHooks,
): StepResult {
  // The legacy builder reads no heredoc: it runs the RUN line alone (recorded on 28.5).
  const line = req.builder === 'classic' ? step.command.lineOnly : undefined;
  const command = line !== undefined ? { exec: undefined, shell: line } : step.command;
  const argv = commandArgv(command, state.config.Shell ?? ['/bin/sh', '-c']);
  const args = argPairs(state);
  const createdBy = runCreatedBy(req.builder, argv, args);
  const workdir = state.config.WorkingDir || '/';
  const where = [
    workdir !== '/' ? `in ${workdir}` : '',
    state.config.User ? `as ${state.config.User}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const parts = makeKey({
    parent: state.cacheParent,
    instruction: `RUN ${argv.join(' ')}${where ? ` (${where})` : ''}`,
    files: undefined,
    args: Object.fromEntries(args),
    env: req.builder === 'buildkit' ? [...(state.config.Env ?? [])] : undefined,
  });
  const hit = hooks.lookup(parts, true);
  let layer: Layer | undefined;
  if (hit) layer = hit.layer;
  else {
    const env: Record<string, string> = {};
    for (const [k, v] of args) env[k] = v;
    for (const e of state.config.Env ?? []) {
      const i = e.indexOf('=');
      if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
    }
    const out = runStep({
      argv,
      shellForm: !step.command.exec,
      env,
      workdir,
      user: resolveUser(state.config.User, state.view, step.range),
      view: state.view,
      catalog: req.catalog,
      range: step.range,
      limits: {
        steps: req.limits?.steps ?? 100_000,
        maxBytes: req.limits?.maxBytes ?? 2_000_000_000,
      },
      now: req.now ?? 0,
    });
    if (out.stdout) hooks.output('stdout', out.stdout);
    if (out.stderr) hooks.output('stderr', out.stderr);
    // BuildKit commits a layer for every RUN, even one that changed no file (recorded on 28.5
    // in 20-exec-vs-shell and 39-onbuild: with the containerd store an empty 4.1kB snapshot);
    // the legacy builder marks such a step empty_layer (moby commits no new layer for it).
    layer = out.layer.stats.entries > 0 || req.builder === 'buildkit' ? out.layer : undefined;
    hooks.store(parts.key, {
      layer,
      imageId: undefined,
      config: undefined,
      createdBy,
      output: out.stdout + out.stderr,
    });
  }
  const next = withLayer(state, layer, historyEntry(req, createdBy, !layer));
  return {
    state: { ...next, cacheParent: req.builder === 'buildkit' ? parts.key : state.cacheParent },
    outcome: hit ? 'cached' : 'built',
    layer,
    layerChanged: true,
  };
}

function workdirStep(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'WORKDIR' }>,
  state: StageState,
  hooks: StepHooks,
  expand: (t: string) => string,
): StepResult {
  const path = workdirPath(state.config.WorkingDir, expand(step.value));
  const config = { ...state.config, WorkingDir: path };
  const createdBy = metadataCreatedBy(req.builder, 'WORKDIR', path);
  const parts = makeKey({
    parent: state.cacheParent,
    instruction: `WORKDIR ${path}`,
    files: undefined,
    args: undefined,
    env: undefined,
  });
  const hit = hooks.lookup(parts, true);
  let layer: Layer | undefined;
  if (hit) layer = hit.layer;
  else {
    const fs = openOverlay(state.view);
    if (path !== '/') fs.mkdir(path, { recursive: true, mode: 0o755 });
    const committed = fs.commit();
    // BuildKit commits a layer for every WORKDIR other than `/`, even when the directory was
    // there already (an empty layer; dockerfile2llb dispatchWorkdir, recorded in 03-workdir).
    const keep = committed.stats.entries > 0 || (req.builder === 'buildkit' && path !== '/');
    layer = keep ? committed : undefined;
    hooks.store(parts.key, { layer, imageId: undefined, config, createdBy, output: '' });
  }
  const next = withLayer(state, layer, historyEntry(req, createdBy, !layer), config);
  return {
    state: { ...next, cacheParent: req.builder === 'buildkit' ? parts.key : state.cacheParent },
    outcome: hit ? 'cached' : 'built',
    layer,
    layerChanged: true,
  };
}
