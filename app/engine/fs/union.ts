/**
 * The union filesystem as data for a picture: every path of a layer stack with what each
 * layer says about it (a copy of the file, a directory, a whiteout, an opaque directory above
 * it), so a view can draw each copy on its layer, the hole a whiteout punches, and the line
 * from the merged view down to the layer that provides the path. Pure; the rules are
 * overlay2's, as `MergedView` applies them.
 */
import type { Layer } from './layer.ts';

/**
 * What one layer says about one path. `file`, `dir`, `symlink`: the layer holds an entry at
 * the path. `whiteout`: the layer deletes it (a whiteout at the path or at a directory above
 * it, or a non-directory that replaces a directory above it). `opaque`: an opaque directory
 * above the path hides the lower layers' entries.
 */
export type UnionRole = 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';

export interface UnionPart {
  /** Index of the layer in the stack (0 = the bottom). */
  readonly layer: number;
  readonly role: UnionRole;
  /** Bytes the layer stores for the path (regular files; a hard link's bytes count once). */
  readonly size: number;
  /** For a deletion or cover that comes from a directory above: that directory's path. */
  readonly by?: string;
  /** A directory entry that is opaque itself (`.wh..wh..opq`): it hides lower entries below it. */
  readonly opaque?: true;
}

export interface UnionLayerStats {
  readonly index: number;
  /** `docker history` SIZE: bytes of the layer's regular files. */
  readonly size: number;
  readonly files: number;
  readonly whiteouts: number;
  readonly opaques: number;
}

export const UNION_ROLES: readonly UnionRole[] = ['file', 'dir', 'symlink', 'whiteout', 'opaque'];

/**
 * A layer stack as the union picture needs it: plain data in columns (typed arrays), cheap to
 * send from the engine's worker to the page for 10,000 paths and more. The parts of path `i`
 * are at indexes `first[i]` to `first[i + 1] - 1`, top-most first; read them with `partsOf`.
 */
export interface UnionMap {
  readonly layers: readonly UnionLayerStats[];
  /** Every path any layer names, sorted. */
  readonly paths: readonly string[];
  readonly first: Uint32Array;
  readonly layer: Uint16Array;
  /** Index into UNION_ROLES. */
  readonly role: Uint8Array;
  readonly size: Float64Array;
  /** 1 for an opaque directory entry. */
  readonly opaque: Uint8Array;
  /** Index into `paths` of the directory a deletion or cover comes from, or -1. */
  readonly by: Int32Array;
}

interface Draft {
  layer: number;
  role: UnionRole;
  size: number;
  by?: string;
  opaque?: true;
}

const topFirst = (a: { layer: number }, b: { layer: number }) => b.layer - a.layer;

/**
 * The first index in the sorted `list` whose value is >= `key` (binary search).
 *
 * @example
 * lowerBound(['/a', '/a/b', '/c'], '/a/'); // 1: where the paths below /a begin
 */
export function lowerBound<T extends string | number>(list: readonly T[], key: T): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every path of a stack of layers (bottom first) with each layer's part in it.
 *
 * @example
 * const map = unionMap([base, run1, run2]);
 * map.paths.length; // every path any of the three layers names
 */
export function unionMap(layers: readonly Layer[]): UnionMap {
  const byPath = new Map<string, Draft[]>();
  // Entries that hide what lower layers hold below them: [layer, path, role].
  const covers: [number, string, 'whiteout' | 'opaque'][] = [];
  layers.forEach((layer, index) => {
    for (const r of layer.records()) {
      let parts = byPath.get(r.path);
      if (!parts) byPath.set(r.path, (parts = []));
      if (r.kind === 'opaque') {
        const dir = parts.find((p) => p.layer === index);
        if (dir) dir.opaque = true;
        covers.push([index, r.path, 'opaque']);
        continue;
      }
      const role: UnionRole =
        r.kind === 'hardlink' ? 'file' : r.kind === 'whiteout' ? 'whiteout' : r.kind;
      parts.push({ layer: index, role, size: r.kind === 'file' ? r.size : 0 });
      // A whiteout, or a file or symlink where a directory was, hides everything below it.
      if (role !== 'dir') covers.push([index, r.path, 'whiteout']);
    }
  });
  const sorted = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [layer, at, role] of covers) {
    const prefix = at === '/' ? '/' : `${at}/`;
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const path = sorted[i]!;
      if (!path.startsWith(prefix)) break;
      const parts = byPath.get(path)!;
      if (parts.some((p) => p.layer === layer)) continue;
      // Only what the layers below still show is hidden here (covers come bottom-up).
      const below = [...parts].sort(topFirst);
      if (unionFate(below, layer - 1).visibleFrom === undefined) continue;
      parts.push({ layer, role, size: 0, by: at });
    }
  }
  return pack(
    layers.map((l, index) => {
      const st = l.stats;
      return {
        index,
        size: st.size,
        files: st.files + st.hardlinks,
        whiteouts: st.whiteouts,
        opaques: st.opaques,
      };
    }),
    sorted,
    byPath,
  );
}

function pack(layers: UnionLayerStats[], paths: string[], byPath: Map<string, Draft[]>): UnionMap {
  let total = 0;
  for (const parts of byPath.values()) total += parts.length;
  const index = new Map(paths.map((p, i) => [p, i]));
  const first = new Uint32Array(paths.length + 1);
  const layer = new Uint16Array(total);
  const role = new Uint8Array(total);
  const size = new Float64Array(total);
  const opaque = new Uint8Array(total);
  const by = new Int32Array(total);
  let n = 0;
  paths.forEach((path, i) => {
    first[i] = n;
    for (const p of byPath.get(path)!.sort(topFirst)) {
      layer[n] = p.layer;
      role[n] = UNION_ROLES.indexOf(p.role);
      size[n] = p.size;
      opaque[n] = p.opaque ? 1 : 0;
      by[n] = p.by === undefined ? -1 : (index.get(p.by) ?? -1);
      n++;
    }
  });
  first[paths.length] = n;
  return { layers, paths, first, layer, role, size, opaque, by };
}

/**
 * The parts of path number `i` of a map, top-most first.
 *
 * @example
 * partsOf(map, map.paths.indexOf('/tmp/sdk.tar'));
 * // [{ layer: 2, role: 'whiteout', size: 0 }, { layer: 1, role: 'file', size: 31457280 }]
 */
export function partsOf(map: UnionMap, i: number): UnionPart[] {
  const out: UnionPart[] = [];
  for (let k = map.first[i]!; k < map.first[i + 1]!; k++) {
    const by = map.by[k]!;
    out.push({
      layer: map.layer[k]!,
      role: UNION_ROLES[map.role[k]!]!,
      size: map.size[k]!,
      ...(by >= 0 ? { by: map.paths[by]! } : {}),
      ...(map.opaque[k] ? { opaque: true as const } : {}),
    });
  }
  return out;
}

/** Where a path stands in the merged view of the layers up to `top`. */
export interface UnionFate {
  /** The layer whose entry the merged view shows (for a directory: whose metadata). */
  readonly visibleFrom: number | undefined;
  /** The layer whose whiteout (or opaque directory) hides the path. */
  readonly deletedBy: number | undefined;
  /** Lower layers whose copies at the path are hidden: their bytes are still in the image. */
  readonly hidden: readonly number[];
}

interface PartReader {
  count: number;
  layer(k: number): number;
  role(k: number): UnionRole;
  opaque(k: number): boolean;
}

function decide(parts: PartReader, top: number): UnionFate {
  let visibleFrom: number | undefined;
  let deletedBy: number | undefined;
  const hidden: number[] = [];
  // seeking: nothing yet; merging: a visible directory still sees the directories below;
  // covered: whatever is lower is hidden.
  let state: 'seeking' | 'merging' | 'covered' = 'seeking';
  for (let k = 0; k < parts.count; k++) {
    const layer = parts.layer(k);
    if (layer > top) continue;
    const role = parts.role(k);
    const entry = role === 'file' || role === 'dir' || role === 'symlink';
    if (state === 'seeking') {
      if (entry) {
        visibleFrom = layer;
        state = role === 'dir' && !parts.opaque(k) ? 'merging' : 'covered';
      } else {
        deletedBy = layer;
        state = 'covered';
      }
    } else if (state === 'merging') {
      if (role === 'dir') {
        if (parts.opaque(k)) state = 'covered';
      } else {
        if (entry) hidden.push(layer);
        state = 'covered';
      }
    } else if (entry) hidden.push(layer);
  }
  return { visibleFrom, deletedBy, hidden };
}

/**
 * The fate of a path in the layers up to `top` (all by default), from its parts (top-most
 * first): the top-most part decides; directories merge with the directories below until
 * something covers them; everything under a covering part is hidden, not removed.
 *
 * @example
 * unionFate(partsOf(map, sdk)); // { visibleFrom: undefined, deletedBy: 2, hidden: [1] }
 * unionFate(partsOf(map, sdk), 1); // { visibleFrom: 1, deletedBy: undefined, hidden: [] }
 */
export function unionFate(parts: readonly UnionPart[], top = Infinity): UnionFate {
  return decide(
    {
      count: parts.length,
      layer: (k) => parts[k]!.layer,
      role: (k) => parts[k]!.role,
      opaque: (k) => parts[k]!.opaque === true,
    },
    top,
  );
}

/** `unionFate` of path number `i` of a map, read from its columns without copying. */
export function pathFate(map: UnionMap, i: number, top = Infinity): UnionFate {
  const at = map.first[i]!;
  return decide(
    {
      count: map.first[i + 1]! - at,
      layer: (k) => map.layer[at + k]!,
      role: (k) => UNION_ROLES[map.role[at + k]!]!,
      opaque: (k) => map.opaque[at + k] === 1,
    },
    top,
  );
}

/**
 * For path number `i`, which the layer `upper` (a container's writable layer, on top of the
 * stack) holds as a file: the lower layer whose visible file it was copied up from, if the
 * file was there before (overlayfs copies a lower file up whole before the first write to it).
 *
 * @example
 * copiedUpFrom(map, map.paths.indexOf('/srv/version'), 3); // 1
 */
export function copiedUpFrom(map: UnionMap, i: number, upper: number): number | undefined {
  const at = map.first[i]!;
  if (map.first[i + 1] === at || map.layer[at] !== upper || UNION_ROLES[map.role[at]!] !== 'file')
    return undefined;
  const below = pathFate(map, i, upper - 1).visibleFrom;
  if (below === undefined) return undefined;
  for (let k = at; k < map.first[i + 1]!; k++) {
    if (map.layer[k] !== below) continue;
    const role = UNION_ROLES[map.role[k]!];
    return role === 'file' || role === 'symlink' ? below : undefined;
  }
  return undefined;
}
