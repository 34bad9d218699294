/**
 * The union filesystem as data for a picture: every path of a layer stack with what each
 * layer says about it (a copy of the file, a directory, a whiteout, an opaque directory above
 * it), so a view can draw each copy on its layer, the hole a whiteout punches, and the line
 * from the merged view down to the layer that provides the path. Pure; the rules are
 * overlay2's, as `MergedView` applies them.
 */

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
