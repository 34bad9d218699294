/**
 * The engine's state as JSON, so the headless `layerlab docker` keeps images, tags and the
 * build cache between calls (as dockerd keeps /var/lib/docker). Layers that came from the
 * registry are stored by diffID and taken from the registry again on load.
 */
import { EngineError } from '../common/diagnostics.ts';
import type { CacheKeyParts } from '../build/events.ts';
import type { BaseImage } from '../build/builder.ts';
import {
  diffId,
  layerFromEntries,
  type EntrySpec,
  type Layer,
  type RunConfig,
} from '../fs/index.ts';
import type { HistoryLine } from '../images/store.ts';
import { containerMeta, restoreContainer, type ContainerMeta } from '../containers/restore.ts';
import type { BlobOptions } from '../images/oci.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { Engine } from './engine.ts';

const VERSION = 1;

type StoredEntry =
  | { p: string; t: 'f'; m: number; u: number; g: number; d?: string; s?: number; h?: string }
  | { p: string; t: 'd'; m: number; u: number; g: number }
  | { p: string; t: 'l'; m: number; u: number; g: number; x: string }
  | { p: string; t: 'h'; x: string }
  | { p: string; t: 'w' }
  | { p: string; t: 'o' };

type StoredLayer =
  | { diffId: string; registry: true }
  | {
      diffId: string;
      entries: StoredEntry[];
      /** `docker load`: the diffID read from the tar is kept (big files are not), and the blob. */
      loaded?: { digest?: string; size?: number };
    };

export interface EngineState {
  version: number;
  /** The image store the engine ran with; absent in saves from before the switch: overlay2. */
  store?: ImageStoreKind;
  pulled: string[];
  layers: StoredLayer[];
  images: {
    id: string;
    layers: number[];
    config: unknown;
    history: unknown[];
    configJson: string | undefined;
    parent: string | undefined;
    created: number;
    intermediate: boolean;
    /** containerd store: how its content was made (absent in older saves: a bare manifest). */
    content?: BlobOptions;
  }[];
  tags: [string, string][];
  cache: {
    key: string;
    layer: number | undefined;
    imageId: string | undefined;
    config: unknown;
    createdBy: string;
    output: string;
  }[];
  previous: [string, CacheKeyParts][];
  /** Containers with their writable layer (an index into `layers`); absent in older saves. */
  containers?: (ContainerMeta & { lower: number[]; writable: number })[];
  /** The container store's counter, so new IDs and names do not repeat saved ones. */
  containerCounter?: number;
  /** The daemon's experimental mode; absent (off) in older saves. */
  experimental?: boolean;
}

const b64 = {
  encode(bytes: Uint8Array): string {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
  decode(text: string): Uint8Array {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  },
};

function storeLayer(layer: Layer): StoredLayer {
  if (layer.knownDiffId && !layer.loaded) return { diffId: layer.knownDiffId, registry: true };
  const entries: StoredEntry[] = [];
  for (const r of layer.records()) {
    const meta = { m: r.mode, u: r.uid, g: r.gid };
    if (r.kind === 'file') {
      const node = r.node?.type === 'file' ? r.node : undefined;
      entries.push({
        p: r.path,
        t: 'f',
        ...meta,
        ...(node?.data ? { d: b64.encode(node.data) } : { s: r.size }),
        ...(node?.digest ? { h: node.digest } : {}),
      });
    } else if (r.kind === 'dir') entries.push({ p: r.path, t: 'd', ...meta });
    else if (r.kind === 'symlink')
      entries.push({ p: r.path, t: 'l', ...meta, x: r.linkname ?? '' });
    else if (r.kind === 'hardlink') entries.push({ p: r.path, t: 'h', x: `/${r.linkname ?? ''}` });
    else if (r.kind === 'whiteout') entries.push({ p: r.path, t: 'w' });
    else entries.push({ p: r.path.replace(/\/\.wh\.\.wh\.\.opq$/, ''), t: 'o' });
  }
  if (!layer.loaded) return { diffId: diffId(layer), entries };
  const blob = {
    ...(layer.knownCompressedDigest ? { digest: layer.knownCompressedDigest } : {}),
    ...(layer.knownCompressedSize !== undefined ? { size: layer.knownCompressedSize } : {}),
  };
  return { diffId: diffId(layer), entries, loaded: blob };
}

function loadLayer(stored: StoredLayer, registryLayers: Map<string, Layer>): Layer {
  if ('registry' in stored) {
    const layer = registryLayers.get(stored.diffId);
    if (!layer)
      throw new EngineError(
        'state-corrupt',
        `the saved state refers to a base layer the catalog no longer has (${stored.diffId})`,
      );
    return layer;
  }
  const specs: EntrySpec[] = stored.entries.map((e): EntrySpec => {
    switch (e.t) {
      case 'f':
        return {
          path: e.p,
          type: 'file',
          mode: e.m,
          uid: e.u,
          gid: e.g,
          ...(e.d !== undefined ? { data: b64.decode(e.d) } : { size: e.s ?? 0 }),
          ...(e.h ? { digest: e.h } : {}),
        };
      case 'd':
        return { path: e.p, type: 'dir', mode: e.m, uid: e.u, gid: e.g };
      case 'l':
        return { path: e.p, type: 'symlink', target: e.x, mode: e.m, uid: e.u, gid: e.g };
      case 'h':
        return { path: e.p, type: 'hardlink', target: e.x };
      case 'w':
        return { path: e.p, type: 'whiteout' };
      case 'o':
        return { path: e.p, type: 'opaque' };
    }
  });
  // No known diffID here (that marks catalog layers, saved by reference only), except for a
  // loaded layer, whose big files kept no bytes: its diffID is the one read from its tar.
  if (stored.loaded)
    return layerFromEntries(specs, {
      diffId: stored.diffId,
      loaded: true,
      ...(stored.loaded.digest ? { compressedDigest: stored.loaded.digest } : {}),
      ...(stored.loaded.size !== undefined ? { compressedSize: stored.loaded.size } : {}),
    });
  return layerFromEntries(specs);
}

/** Snapshot an engine. @example JSON.stringify(saveEngine(engine)) */
export function saveEngine(engine: Engine): EngineState {
  const delta = new StateSaver().save(engine);
  return { ...delta.state, layers: delta.layers };
}

/**
 * What changed in an engine's state since the last save: the layers not sent before (layers
 * never change, so each is stored once) and the rest of the state, which is small (images,
 * tags, cache records and containers point at layers by index).
 */
export interface StateDelta {
  /** Where `layers` start in the layer list; 0 means the list starts afresh. */
  from: number;
  layers: StoredLayer[];
  state: Omit<EngineState, 'layers'>;
}

/**
 * Saves an engine again and again, sending each layer once: the engine's worker gives the
 * page a delta after every change instead of the whole state. When most layers it numbered
 * are no longer used (images removed, cache pruned), it starts the list afresh.
 */
export class StateSaver {
  private ids = new WeakMap<Layer, number>();
  private count = 0;

  save(engine: Engine): StateDelta {
    const from = this.count;
    const layers: StoredLayer[] = [];
    const used = new Set<number>();
    const idOf = (layer: Layer) => {
      let id = this.ids.get(layer);
      if (id === undefined) {
        id = this.count++;
        this.ids.set(layer, id);
        layers.push(storeLayer(layer));
      }
      used.add(id);
      return id;
    };
    const state = collectState(engine, idOf);
    if (from > 0 && used.size * 2 < this.count) {
      this.ids = new WeakMap();
      this.count = 0;
      return this.save(engine);
    }
    return { from, layers, state };
  }
}

/**
 * The state after `delta`, given the state saved before it; undefined when the two do not
 * follow each other (a delta from another saver).
 */
export function applyStateDelta(
  before: EngineState | undefined,
  delta: StateDelta,
): EngineState | undefined {
  if (delta.from === 0) return { ...delta.state, layers: delta.layers };
  if (!before || before.layers.length !== delta.from) return undefined;
  return { ...delta.state, layers: [...before.layers, ...delta.layers] };
}

function collectState(engine: Engine, idOf: (layer: Layer) => number): Omit<EngineState, 'layers'> {
  const images = engine.images.all().map((i) => {
    const content = engine.contentOptions.get(i.id);
    return {
      ...i,
      layers: i.layers.map(idOf),
      history: [...i.history],
      ...(content ? { content } : {}),
    };
  });
  const cache = engine.cache.entriesList().map(([key, e]) => ({
    key,
    layer: e.layer ? idOf(e.layer) : undefined,
    imageId: e.imageId,
    config: e.config,
    createdBy: e.createdBy,
    output: e.output,
  }));
  const containers = engine.containers.all().map((c) => ({
    ...containerMeta(c),
    lower: c.lower.layers.map(idOf),
    writable: idOf(c.rw.commit()),
  }));
  return {
    version: VERSION,
    store: engine.store,
    pulled: [...engine.pulled],
    images,
    tags: engine.images.allTags(),
    cache,
    previous: engine.cache.previousList(),
    containers,
    containerCounter: engine.containers.next,
    ...(engine.experimental ? { experimental: true } : {}),
  };
}

/**
 * Restore a snapshot into a fresh engine. A state from another version, or one that does not
 * parse, is reported, never half-loaded.
 */
export function loadEngine(engine: Engine, state: EngineState): void {
  if (state.version !== VERSION) {
    throw new EngineError(
      'state-version',
      `the saved state is from another version of Layerlab (${state.version}); remove it to start afresh`,
    );
  }
  if ((state.store ?? 'overlay2') !== engine.store) {
    throw new EngineError(
      'state-store',
      `the saved state is of the ${state.store ?? 'overlay2'} image store; this engine runs the ${engine.store} store`,
    );
  }
  const registryLayers = new Map<string, Layer>();
  for (const ref of state.pulled) {
    const base: BaseImage | undefined = engine.opts.registry(ref);
    engine.pulled.add(ref);
    for (const l of base?.layers ?? []) if (l.knownDiffId) registryLayers.set(l.knownDiffId, l);
  }
  const layers = state.layers.map((l) => loadLayer(l, registryLayers));
  const layerAt = (i: number) => {
    const l = layers[i];
    if (!l)
      throw new EngineError('state-corrupt', 'the saved state is damaged (a layer is missing)');
    return l;
  };
  for (const i of state.images) {
    const image = engine.images.add({
      id: i.id,
      layers: i.layers.map(layerAt),
      config: i.config as RunConfig,
      history: i.history as HistoryLine[],
      configJson: i.configJson,
      parent: i.parent,
      created: i.created,
      intermediate: i.intermediate,
    });
    if (i.content && engine.store === 'containerd') engine.restoreContent(image, i.content);
  }
  for (const [name, id] of state.tags) engine.images.tag(id, name);
  for (const c of state.cache) {
    engine.cache.set(c.key, {
      layer: c.layer === undefined ? undefined : layerAt(c.layer),
      imageId: c.imageId,
      config: c.config as RunConfig | undefined,
      createdBy: c.createdBy,
      output: c.output,
    });
  }
  for (const [position, parts] of state.previous) engine.cache.remember(position, parts);
  for (const { lower, writable, ...meta } of state.containers ?? [])
    engine.containers.add(restoreContainer(meta, lower.map(layerAt), layerAt(writable)));
  engine.containers.next = Math.max(engine.containers.next, state.containerCounter ?? 0);
  engine.experimental = state.experimental === true;
}
