/** Views of images and their filesystems for the panels (see types.ts). */
import { analyzeEfficiency } from '../analysis/efficiency.ts';
import { buildLog } from '../cli/build-log.ts';
import { containerChanges, writableSize } from '../containers/container.ts';
import { contentSize, diskSize } from '../daemon/disk-usage.ts';
import type { BuildOptions, Engine, EngineBuildResult } from '../daemon/engine.ts';
import {
  diffId,
  isStandInDigest,
  MergedView,
  snapshotUsage,
  type Layer,
  type RunConfig,
} from '../fs/index.ts';
import { historyImageIds } from '../images/history.ts';
import type { ImageRecord } from '../images/store.ts';
import type {
  BuildView,
  EngineView,
  FileRow,
  HistoryView,
  ImageView,
  LayerEntries,
  LayerEntry,
  LayerView,
} from './types.ts';

/** Entries listed per layer; a base layer's thousands are in the file list instead. */
export const MAX_LAYER_ENTRIES = 2000;

type Image = ImageRecord<Layer, RunConfig>;

/** The merged filesystem of a layer stack, one row per visible path, sorted by path. */
export function fileRows(layers: readonly Layer[]): FileRow[] {
  const rows = new Map<string, FileRow>();
  const dropUnder = (path: string, self: boolean) => {
    if (self) rows.delete(path);
    const prefix = path === '/' ? '/' : path + '/';
    for (const key of rows.keys()) if (key.startsWith(prefix)) rows.delete(key);
  };
  layers.forEach((layer, index) => {
    for (const r of layer.records()) {
      if (r.kind === 'whiteout') {
        dropUnder(r.path, true);
        continue;
      }
      if (r.kind === 'opaque') {
        dropUnder(r.path, false);
        continue;
      }
      const old = rows.get(r.path);
      if (old && old.type === 'dir' && r.kind !== 'dir') dropUnder(r.path, false);
      const node = r.node;
      const type = r.kind === 'hardlink' ? 'file' : r.kind;
      const size = node && node.type === 'file' ? node.size : r.size;
      const shadows =
        old && !(old.type === 'dir' && type === 'dir') ? [...old.shadows, old.layer] : [];
      rows.set(r.path, {
        path: r.path,
        type,
        size: type === 'file' ? size : 0,
        mode: r.mode,
        uid: r.uid,
        gid: r.gid,
        ...(node && node.type === 'symlink' ? { target: node.target } : {}),
        layer: index,
        shadows: type === 'dir' && old?.type === 'dir' ? old.shadows : shadows,
      });
    }
  });
  return [...rows.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The entries of an image's layer `index`, each with its letter against the layers below.
 * @example layerEntries(image, 3).entries[0] // { name: 'app/', kind: 'dir', change: 'A', ... }
 */
export function layerEntries(image: Image, index: number): LayerEntries {
  const layer = image.layers[index];
  if (!layer) return { entries: [], omitted: 0 };
  let lower = MergedView.empty;
  for (const below of image.layers.slice(0, index)) lower = lower.push(below);
  return entriesOf(layer, lower);
}

function entriesOf(layer: Layer, lower: MergedView): LayerEntries {
  const entries: LayerEntry[] = [];
  let omitted = 0;
  for (const r of layer.records()) {
    if (entries.length >= MAX_LAYER_ENTRIES) {
      omitted++;
      continue;
    }
    const change =
      r.kind === 'whiteout' ? 'D' : r.kind === 'opaque' || lower.lookup(r.path) ? 'C' : 'A';
    entries.push({ name: r.name, path: r.path, kind: r.kind, size: r.size, mode: r.mode, change });
  }
  return { entries, omitted };
}

function namesOf(engine: Engine, id: string): string[] {
  return engine.images.tagsOf(id);
}

/** How many bottom layers came from a base image (the longest known image that is a prefix). */
export function baseLayerCount(engine: Engine, image: Image, baseRefs: readonly string[]): number {
  let best = 0;
  const candidates = new Set<string>([...baseRefs, ...engine.pulled]);
  for (const ref of candidates) {
    // BuildKit keeps a FROM image out of the image store, so ask the registry too.
    const base = engine.images.find(ref) ?? engine.opts.registry(ref);
    if (!base || base.id === image.id || base.layers.length > image.layers.length) continue;
    if (base.layers.every((l, i) => image.layers[i] === l))
      best = Math.max(best, base.layers.length);
  }
  return best;
}

/** What an image's view holds that only its content decides: worked out once per image ID. */
interface ImageFacts {
  efficiency: ReturnType<typeof analyzeEfficiency>;
  history: HistoryView[];
}

/**
 * Image IDs are content digests (config, diffIDs), so an ID's facts never change: a cached
 * rebuild, which makes the same image again, reuses them instead of walking every layer.
 */
const factsOf = new WeakMap<Engine, Map<string, ImageFacts>>();
const FACTS_KEPT = 16;

function imageFacts(engine: Engine, image: Image): ImageFacts {
  let facts = factsOf.get(engine);
  if (!facts) factsOf.set(engine, (facts = new Map()));
  const known = facts.get(image.id);
  if (known) return known;
  const made = workOutFacts(image);
  if (facts.size >= FACTS_KEPT) facts.delete(facts.keys().next().value!);
  facts.set(image.id, made);
  return made;
}

function workOutFacts(image: Image): ImageFacts {
  const history: HistoryView[] = [];
  let next = 0;
  for (const h of image.history) {
    const empty = h.empty_layer === true;
    const layer = empty ? undefined : next++;
    history.push({
      createdBy: h.created_by ?? '',
      size: layer === undefined ? 0 : (image.layers[layer]?.stats.size ?? 0),
      emptyLayer: empty,
      layer,
      image: undefined,
    });
  }
  return { efficiency: analyzeEfficiency(image.layers), history };
}

export function imageView(
  engine: Engine,
  image: Image,
  baseRefs: readonly string[] = [],
): ImageView {
  const base = baseLayerCount(engine, image, baseRefs);
  const { efficiency, history } = imageFacts(engine, image);
  const idAt = historyImageIds((id) => engine.images.get(id), image);
  const others = engine.images
    .all()
    .filter((o) => o.id !== image.id && !o.intermediate && namesOf(engine, o.id).length > 0);
  const layers: LayerView[] = image.layers.map((layer, index) => {
    return {
      index,
      diffId: diffId(layer),
      standInDigest: isStandInDigest(layer),
      size: layer.stats.size,
      diskUsage: snapshotUsage(layer),
      createdBy: history.find((h) => h.layer === index)?.createdBy ?? '',
      fromBase: index < base,
      sharedWith: others
        .filter((o) => o.layers.includes(layer))
        .flatMap((o) => namesOf(engine, o.id).slice(0, 1)),
      hiddenBytes: efficiency.hiddenByLater[index] ?? 0,
    };
  });
  return {
    id: image.id,
    names: namesOf(engine, image.id),
    size: image.layers.reduce((n, l) => n + l.stats.size, 0),
    layers,
    // Which lines a local image stands for changes as images come and go: asked each time.
    history: history.map((h, i) => ({ ...h, image: idAt.get(i) })),
    config: { ...image.config } as Record<string, unknown>,
    efficiency: {
      score: efficiency.score,
      wastedBytes: efficiency.wastedBytes,
      reclaimableBytes: efficiency.reclaimableBytes,
    },
  };
}

/** A local image by name or ID as the panels show it; undefined when there is none. */
export function imageByRef(engine: Engine, ref: string): ImageView | undefined {
  const record = engine.images.find(ref);
  return record ? imageView(engine, record) : undefined;
}

/** A build the engine ran: what it was asked, what came out, and how long it took. */
export interface FinishedBuild {
  opts: BuildOptions;
  result: EngineBuildResult;
  ms: number;
}

/** What the panels get of a build: its events, Docker's output and the image's view. */
export function buildView(engine: Engine, { opts, result, ms }: FinishedBuild): BuildView {
  const start = result.events.find((e) => e.type === 'build-start');
  const baseRefs = start && start.type === 'build-start' ? start.baseImages : [];
  const record = result.image ? engine.images.get(result.image.id) : undefined;
  return {
    ok: result.ok,
    events: result.events,
    diagnostics: result.diagnostics,
    // As `docker build` prints it, from the same printer (the legacy notice first).
    output: buildLog(engine, result, {
      builder: opts.builder ?? 'buildkit',
      source: opts.dockerfile,
      tags: opts.tags ?? [],
    }),
    image: record ? imageView(engine, record, baseRefs) : undefined,
    elapsedMs: ms,
  };
}

/** What the panels show of the engine: its images (sizes as the store counts them) and containers. */
export function engineView(engine: Engine): EngineView {
  const images = engine.images
    .all()
    .filter((i) => !i.intermediate)
    .map((i) => ({
      id: i.id,
      names: engine.images.tagsOf(i.id),
      size: i.layers.reduce((n, l) => n + l.stats.size, 0),
      layers: i.layers.length,
      layerIds: i.layers.map((l) => diffId(l)),
      layerSizes: i.layers.map((l) => l.stats.size),
      dangling: engine.images.isDangling(i.id),
      diskUsage: diskSize(engine, i),
      ...(engine.store === 'containerd' ? { contentSize: contentSize(engine, i) } : {}),
    }));
  const containers = engine.containers.all().map((c) => ({
    id: c.id,
    name: c.name,
    image: c.imageName,
    imageId: c.image,
    state: c.state,
    changes: containerChanges(c).map((ch) => ({ kind: ch.kind, path: ch.path })),
    writableBytes: writableSize(c),
  }));
  return { images, containers, store: engine.store };
}
