/**
 * How much of an image is wasted: dive's efficiency score, the bytes dive calls wasted, the
 * bytes one could really reclaim (cumulative - min), and per layer the bytes that later
 * layers hide or delete. docker-facts.md has the formulas and a golden case.
 *
 * Worked out one layer at a time over a tally of every path seen so far; the tally of a base
 * image's layers (those with a known diffID, from the catalog) is kept, so an image built on
 * one walks only its own layers: a base of thousands of files is tallied once per process.
 */
import { MergedView, walk, type DirNode, type FsNode, type Layer } from '../fs/index.ts';

export interface PathWaste {
  path: string;
  /** Layers that hold the path (a whiteout counts as an occurrence). */
  count: number;
  /** Sum of its sizes over those layers. */
  cumulative: number;
  /** The smallest of them: what the image must keep at least. */
  min: number;
}

export interface Efficiency {
  /** Σmin / Σcumulative over all paths (1 when nothing is duplicated). */
  score: number;
  /** dive's "potential wasted space": Σcumulative over paths found in two or more layers. */
  wastedBytes: number;
  /** What removing duplicates would really save: Σ(cumulative - min) over those paths. */
  reclaimableBytes: number;
  /** The paths in two or more layers, largest waste first. */
  paths: PathWaste[];
  /** Per layer: bytes of its files that a later layer replaces or deletes. */
  hiddenByLater: number[];
}

/** One path over the layers so far: how often it occurs, its total and its smallest size. */
interface Occurrence {
  count: number;
  cumulative: number;
  min: number;
}

/** The visible regular file at a path: the layer that provides it and its size there. */
interface Provider {
  layer: number;
  size: number;
}

const GONE = null;

/** A map over a kept map: reads fall through, writes (and deletions) stay here. */
class Over<V> {
  readonly own = new Map<string, V | typeof GONE>();
  constructor(readonly base: ReadonlyMap<string, V | typeof GONE> | undefined) {}
  get(key: string): V | undefined {
    const v = this.own.has(key) ? this.own.get(key) : this.base?.get(key);
    return v ?? undefined;
  }
  set(key: string, value: V): void {
    this.own.set(key, value);
  }
  delete(key: string): void {
    if (this.base?.has(key) || this.own.has(key)) this.own.set(key, GONE);
  }
  /** Both levels as one map, for keeping. */
  flatten(): Map<string, V | typeof GONE> {
    const out = new Map(this.base);
    for (const [k, v] of this.own) out.set(k, v);
    return out;
  }
}

const wasteOf = (o: Occurrence): boolean => o.count > 1 && o.cumulative > 0;

/**
 * What a merged tree holds at a path, for paths met in tar order: each directory is looked up
 * once, each path then costs one step from its parent.
 */
function belowIn(root: DirNode): (path: string) => FsNode | undefined {
  const dirs = new Map<string, DirNode | undefined>([['', root]]);
  const dirAt = (path: string): DirNode | undefined => {
    if (dirs.has(path)) return dirs.get(path);
    const node = at(path);
    const dir = node?.type === 'dir' ? node : undefined;
    dirs.set(path, dir);
    return dir;
  };
  const at = (path: string): FsNode | undefined => {
    const slash = path.lastIndexOf('/');
    return dirAt(path.slice(0, slash))?.children.get(path.slice(slash + 1)) as FsNode | undefined;
  };
  return at;
}

/** Everything the result needs, after some bottom layers. */
class Tally {
  readonly occurrences: Over<Occurrence>;
  readonly providers: Over<Provider>;
  readonly hidden: number[];
  /** Paths that occur more than once with bytes (dive's wasted paths). */
  readonly wasted: Set<string>;
  sumMin: number;
  sumCumulative: number;
  wastedBytes: number;
  reclaimableBytes: number;
  view: MergedView;

  constructor(kept?: Kept) {
    this.occurrences = new Over(kept?.occurrences);
    this.providers = new Over(kept?.providers);
    this.hidden = kept ? [...kept.hidden] : [];
    this.wasted = new Set(kept?.wasted);
    this.sumMin = kept?.sumMin ?? 0;
    this.sumCumulative = kept?.sumCumulative ?? 0;
    this.wastedBytes = kept?.wastedBytes ?? 0;
    this.reclaimableBytes = kept?.reclaimableBytes ?? 0;
    this.view = kept?.view ?? MergedView.empty;
  }

  #occur(path: string, size: number): void {
    const old = this.occurrences.get(path);
    if (old) this.#count(path, old, -1);
    const next: Occurrence = old
      ? { count: old.count + 1, cumulative: old.cumulative + size, min: Math.min(old.min, size) }
      : { count: 1, cumulative: size, min: size };
    this.occurrences.set(path, next);
    this.#count(path, next, 1);
  }

  #count(path: string, o: Occurrence, sign: 1 | -1): void {
    this.sumMin += sign * o.min;
    this.sumCumulative += sign * o.cumulative;
    if (!wasteOf(o)) return;
    this.wastedBytes += sign * o.cumulative;
    this.reclaimableBytes += sign * (o.cumulative - o.min);
    if (sign > 0) this.wasted.add(path);
    else this.wasted.delete(path);
  }

  /** The file visible at `path` is hidden from now on: its bytes count against its layer. */
  #hide(path: string): void {
    const p = this.providers.get(path);
    if (!p) return;
    this.hidden[p.layer] = (this.hidden[p.layer] ?? 0) + p.size;
    this.providers.delete(path);
  }

  /** Every file visible under the directory `below` (at `path`) is hidden; returns their bytes. */
  #hideUnder(path: string, below: DirNode): number {
    let bytes = 0;
    for (const item of walk(below)) {
      if (item.node.type !== 'file') continue;
      bytes += item.node.size;
      this.#hide(`${path === '/' ? '' : path}/${item.parts.join('/')}`);
    }
    return bytes;
  }

  /** What is visible at `path` below the new layer is hidden, file or whole directory. */
  #replace(path: string, below: FsNode | undefined): number {
    if (below?.type === 'dir') return this.#hideUnder(path, below);
    if (below?.type === 'file') this.#hide(path);
    return 0;
  }

  add(layer: Layer): void {
    const index = this.hidden.length;
    this.hidden.push(0);
    const below = belowIn(this.view.root);
    for (const r of layer.records()) {
      const under = below(r.path);
      switch (r.kind) {
        case 'file':
          this.#replace(r.path, under);
          this.#occur(r.path, r.size);
          this.providers.set(r.path, { layer: index, size: r.size });
          break;
        case 'symlink':
        case 'hardlink':
          this.#replace(r.path, under);
          this.providers.delete(r.path);
          break;
        case 'dir':
          if (under?.type === 'file') this.#hide(r.path);
          this.#occur(r.path, 0);
          break;
        case 'whiteout':
          // dive charges a directory's whiteout the subtree it deletes.
          this.#occur(r.path, this.#replace(r.path, under));
          break;
        case 'opaque':
          if (under?.type === 'dir') this.#hideUnder(r.path, under);
          break;
      }
    }
    this.view = this.view.push(layer);
  }

  keep(): Kept {
    return {
      occurrences: this.occurrences.flatten(),
      providers: this.providers.flatten(),
      hidden: [...this.hidden],
      wasted: new Set(this.wasted),
      sumMin: this.sumMin,
      sumCumulative: this.sumCumulative,
      wastedBytes: this.wastedBytes,
      reclaimableBytes: this.reclaimableBytes,
      view: this.view,
    };
  }

  result(): Efficiency {
    const paths: PathWaste[] = [];
    for (const path of this.wasted) {
      const o = this.occurrences.get(path)!;
      paths.push({ path, count: o.count, cumulative: o.cumulative, min: o.min });
    }
    paths.sort(
      (a, b) => b.cumulative - b.min - (a.cumulative - a.min) || (a.path < b.path ? -1 : 1),
    );
    return {
      score: this.sumCumulative === 0 ? 1 : this.sumMin / this.sumCumulative,
      wastedBytes: this.wastedBytes,
      reclaimableBytes: this.reclaimableBytes,
      paths,
      hiddenByLater: [...this.hidden],
    };
  }
}

interface Kept {
  readonly occurrences: ReadonlyMap<string, Occurrence | typeof GONE>;
  readonly providers: ReadonlyMap<string, Provider | typeof GONE>;
  readonly hidden: readonly number[];
  readonly wasted: ReadonlySet<string>;
  readonly sumMin: number;
  readonly sumCumulative: number;
  readonly wastedBytes: number;
  readonly reclaimableBytes: number;
  readonly view: MergedView;
}

/** Tallies of base-image layer stacks, by their layers (a trie of weak maps). */
interface Node {
  kept?: Kept;
  next: WeakMap<Layer, Node>;
}
const bases: Node = { next: new WeakMap() };

/** The kept tally of `layers` (a base's), made on first use. */
function baseTally(layers: readonly Layer[]): Kept {
  let node = bases;
  for (const layer of layers) {
    let next = node.next.get(layer);
    if (!next) node.next.set(layer, (next = { next: new WeakMap() }));
    node = next;
  }
  if (!node.kept) {
    const tally = new Tally();
    for (const layer of layers) tally.add(layer);
    node.kept = tally.keep();
  }
  return node.kept;
}

/**
 * Analyse a stack of layers.
 * @example analyzeEfficiency(image.layers).score // 0.75
 */
export function analyzeEfficiency(layers: readonly Layer[]): Efficiency {
  let base = 0;
  while (base < layers.length && layers[base]!.knownDiffId !== undefined) base++;
  const tally = new Tally(base > 0 ? baseTally(layers.slice(0, base)) : undefined);
  for (const layer of layers.slice(base)) tally.add(layer);
  return tally.result();
}
