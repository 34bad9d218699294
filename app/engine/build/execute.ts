/**
 * One step of a stage: its cache key, a cache lookup, and on a miss the work itself. Returns
 * the stage's next state; the builder turns what happened into events.
 */
import { EngineError } from '../common/diagnostics.ts';
import {
  openOverlay,
  type HistoryEntry,
  type Layer,
  type MergedView,
  type RunConfig,
} from '../fs/index.ts';
import type { BuildRequest } from './builder.ts';
import type { CacheEntry } from './cache.ts';
import { makeKey } from './cache.ts';
import {
  classicSourceName,
  selectFromContext,
  selectFromView,
  selectHeredocs,
  type Selection,
} from './copy.ts';
import { writeSelection } from './copy-write.ts';
import type { CacheKeyParts, StepOutcome } from './events.ts';
import { commandArgv, copyCreatedBy, metadataCreatedBy, runCreatedBy } from './history.ts';
import { applyMetadata } from './metadata.ts';
import { resolveUser } from '../fs/users.ts';
import { runStep } from './run-step.ts';
import type { StepSpec } from './steps.ts';
import { MergedView as View } from '../fs/index.ts';

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
function variables(state: StageState): Map<string, string> {
  const vars = new Map<string, string>();
  for (const [k, v] of state.args) if (v !== undefined) vars.set(k, v);
  for (const e of state.config.Env ?? []) {
    const i = e.indexOf('=');
    vars.set(i < 0 ? e : e.slice(0, i), i < 0 ? '' : e.slice(i + 1));
  }
  return vars;
}

function argPairs(state: StageState): [string, string][] {
  return [...state.args].map(([k, v]) => [k, v ?? '']);
}

function historyEntry(req: BuildRequest, createdBy: string, empty: boolean): HistoryEntry {
  return {
    created: '1970-01-01T00:00:00Z',
    created_by: createdBy,
    ...(req.builder === 'buildkit' ? { comment: COMMENT } : {}),
    ...(empty ? { empty_layer: true } : {}),
  };
}

function withLayer(
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
    shown.push(
      a.value !== undefined
        ? `${a.name}=${req.builder === 'buildkit' ? (value ?? '') : a.value}`
        : a.name,
    );
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
  const argv = commandArgv(step.command, state.config.Shell ?? ['/bin/sh', '-c']);
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
    layer = out.layer;
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

function copySelection(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'COPY' | 'ADD' }>,
  stages: ReadonlyMap<number, StageState>,
  sources: string[],
): Selection {
  const c = step.copy;
  if (c.heredocs.length) return selectHeredocs(c.heredocs);
  if (c.from === undefined) return selectFromContext(req.context, sources, step.range);
  const byName = req.plan.stages.find(
    (s) =>
      s.name?.toLowerCase() === c.from!.toLowerCase() ||
      (/^\d+$/.test(c.from!) && s.index === Number(c.from)),
  );
  let view: MergedView;
  if (byName) {
    const built = stages.get(byName.index);
    if (!built) {
      throw new EngineError(
        'stage-order',
        `COPY --from=${c.from} refers to a stage that is not built before this one`,
        step.range,
        {
          hint: 'Move that stage above the stage that copies from it.',
        },
      );
    }
    view = built.view;
  } else {
    const image = req.resolveImage(c.from);
    if (!image) {
      throw new EngineError(
        'from-not-found',
        `${c.from}: failed to resolve source metadata for docker.io/library/${c.from}:latest: pull access denied, repository does not exist or may require authorization`,
        step.range,
        {
          classic: `invalid from flag value ${c.from}: pull access denied for ${c.from}, repository does not exist or may require 'docker login'`,
          hint: `No stage is named "${c.from}" and no image has that name. Stage names come from FROM ... AS <name>.`,
        },
      );
    }
    view = View.of(image.layers);
  }
  return selectFromView(view, sources, step.range, c.from);
}

function parseChmod(text: string | undefined, step: StepSpec): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-7]{3,4}$/.test(text))
    throw new EngineError(
      'bad-chmod',
      `invalid chmod parameter: "${text}" (use octal digits, e.g. 755)`,
      step.range,
    );
  return parseInt(text, 8);
}

function copyStep(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'COPY' | 'ADD' }>,
  state: StageState,
  stages: ReadonlyMap<number, StageState>,
  hooks: StepHooks,
  expand: (t: string) => string,
): StepResult {
  const c = step.copy;
  const sources = c.sources.map(expand);
  const dest = expand(c.dest);
  const chown = c.chown !== undefined ? expand(c.chown) : undefined;
  const chmod = parseChmod(c.chmod !== undefined ? expand(c.chmod) : undefined, step);
  const urls = step.keyword === 'ADD' ? sources.filter((s) => /^https?:\/\//.test(s)) : [];
  const local = sources.filter((s) => !urls.includes(s));
  const sel =
    local.length || c.heredocs.length
      ? copySelection(req, step, stages, local)
      : { items: [], many: false };
  for (const url of urls) sel.items.push(urlItem(url));
  if (urls.length && sources.length > 1) sel.many = true;
  const workdir = state.config.WorkingDir || '/';
  const shownSources = c.heredocs.length ? c.heredocs.map((h) => `<<${h.name}`) : sources;
  const parts = makeKey({
    parent: c.link && req.builder === 'buildkit' ? undefined : state.cacheParent,
    instruction: `${step.keyword}${c.from !== undefined ? ` --from=${c.from}` : ''}${chown ? ` --chown=${chown}` : ''}${c.chmod ? ` --chmod=${c.chmod}` : ''} ${shownSources.join(' ')} ${dest}${dest.startsWith('/') ? '' : ` (in ${workdir})`}`,
    files: sel.items.map((i) => ({ path: i.source, checksum: i.checksum })),
    args: undefined,
    env: undefined,
  });
  const createdBy = copyCreatedBy(req.builder, {
    add: step.keyword === 'ADD',
    sources: shownSources,
    dest,
    chown,
    chmod: c.chmod,
    classicSource: classicSourceName(sel),
  });
  const hit = hooks.lookup(parts, !c.link);
  let layer: Layer | undefined;
  if (hit) layer = hit.layer;
  else {
    const fs = openOverlay(state.view, { owner: { uid: 0, gid: 0 } });
    const owner = chown !== undefined ? resolveUser(chown, state.view, step.range) : undefined;
    writeSelection(fs, sel, {
      dest,
      workdir,
      owner,
      chmod,
      unpack: step.keyword === 'ADD',
      range: step.range,
      keyword: step.keyword,
    });
    const committed = fs.commit();
    layer = committed.stats.entries > 0 ? committed : undefined;
    hooks.store(parts.key, { layer, imageId: undefined, config: undefined, createdBy, output: '' });
  }
  const next = withLayer(state, layer, historyEntry(req, createdBy, !layer));
  return {
    state: { ...next, cacheParent: req.builder === 'buildkit' ? parts.key : state.cacheParent },
    outcome: hit ? 'cached' : 'built',
    layer,
    layerChanged: true,
  };
}

function urlItem(url: string): Selection['items'][number] {
  const data = new TextEncoder().encode(
    `(the simulator has no network: this file stands in for ${url})\n`,
  );
  const name =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .filter(Boolean)
      .pop() ?? '__unnamed__';
  return {
    source: name,
    rel: '',
    kind: 'file',
    data,
    size: data.length,
    digest: undefined,
    mode: 0o600,
    uid: 0,
    gid: 0,
    target: undefined,
    checksum: `url:${url}|600|0:0|file`,
  };
}

function workdirStep(
  req: BuildRequest,
  step: Extract<StepSpec, { keyword: 'WORKDIR' }>,
  state: StageState,
  hooks: StepHooks,
  expand: (t: string) => string,
): StepResult {
  const raw = expand(step.value);
  const base = state.config.WorkingDir || '/';
  const path = `/${(raw.startsWith('/') ? raw : `${base}/${raw}`)
    .split('/')
    .filter((p) => p && p !== '.')
    .join('/')}`;
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
    layer = committed.stats.entries > 0 ? committed : undefined;
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
