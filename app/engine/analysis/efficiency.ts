/**
 * How much of an image is wasted: dive's efficiency score, the bytes dive calls wasted, the
 * bytes one could really reclaim (cumulative - min), and per layer the bytes that later
 * layers hide or delete. docker-facts.md has the formulas and a golden case.
 */
import { MergedView, walk, type DirNode, type Layer } from '../fs/index.ts';

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

function subtreeSize(dir: DirNode): number {
  let n = 0;
  for (const item of walk(dir)) if (item.node.type === 'file') n += item.node.size;
  return n;
}

/**
 * Analyse a stack of layers.
 * @example analyzeEfficiency(image.layers).score // 0.75
 */
export function analyzeEfficiency(layers: readonly Layer[]): Efficiency {
  const occurrences = new Map<string, number[]>();
  const lastLayerOf = new Map<string, number>();
  const sizeIn: Map<string, number>[] = [];
  let view = MergedView.empty;
  layers.forEach((layer, i) => {
    const sizes = new Map<string, number>();
    for (const r of layer.records()) {
      let size = 0;
      if (r.kind === 'file') size = r.size;
      else if (r.kind === 'whiteout') {
        const below = view.lookup(r.path);
        size = below?.type === 'dir' ? subtreeSize(below) : 0;
      } else if (r.kind !== 'dir') continue;
      const list = occurrences.get(r.path) ?? [];
      list.push(size);
      occurrences.set(r.path, list);
      lastLayerOf.set(r.path, i);
      if (r.kind === 'file') sizes.set(r.path, size);
    }
    sizeIn.push(sizes);
    view = view.push(layer);
  });
  let sumMin = 0;
  let sumCumulative = 0;
  let wastedBytes = 0;
  let reclaimableBytes = 0;
  const paths: PathWaste[] = [];
  for (const [path, sizes] of occurrences) {
    const cumulative = sizes.reduce((a, b) => a + b, 0);
    const min = Math.min(...sizes);
    sumMin += min;
    sumCumulative += cumulative;
    // Directories occur in many layers at 0 bytes: only paths that cost bytes are listed.
    if (sizes.length > 1 && cumulative > 0) {
      wastedBytes += cumulative;
      reclaimableBytes += cumulative - min;
      paths.push({ path, count: sizes.length, cumulative, min });
    }
  }
  paths.sort((a, b) => b.cumulative - b.min - (a.cumulative - a.min) || (a.path < b.path ? -1 : 1));
  // A file's bytes in a layer are hidden when a later layer rewrites or deletes that path, or a
  // directory above it.
  const hiddenByLater = sizeIn.map((sizes, i) => {
    let hidden = 0;
    for (const [path, size] of sizes) if (view.provenance(path).providedBy !== i) hidden += size;
    return hidden;
  });
  return {
    score: sumCumulative === 0 ? 1 : sumMin / sumCumulative,
    wastedBytes,
    reclaimableBytes,
    paths,
    hiddenByLater,
  };
}
