/**
 * Reading the union map: where a path stands at a height of the stack (seen, deleted, the
 * copies it hides), for one path or, in one pass, for all of them (the picture's folded
 * folders count thousands of paths at every step of the playback).
 */
import { UNION_ROLES, type UnionMap, type UnionPart, type UnionRole } from './union.ts';

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

/** Where every path of a map stands at height `top`, from one pass over its parts. */
export interface FateTable {
  /** The layer each path is seen from, or -1. */
  readonly visibleFrom: Int16Array;
  /** The layer whose whiteout or cover hides each path, or -1. */
  readonly deletedBy: Int16Array;
  /** 1 where the copy seen is a file or a symlink (not a directory). */
  readonly visibleFile: Uint8Array;
  /** Bytes in copies that later layers hide (rewritten or deleted): still in the image. */
  readonly hiddenBytes: number;
}

const ROLE_DIR = UNION_ROLES.indexOf('dir');
const ROLE_FILE = UNION_ROLES.indexOf('file');
const ROLE_SYMLINK = UNION_ROLES.indexOf('symlink');
const tables = new WeakMap<UnionMap, Map<number, FateTable>>();

/**
 * `pathFate` of every path at height `top`, computed once per map and height (the same rules,
 * without a call per path).
 *
 * @example
 * const fates = fateTable(map, 2);
 * fates.visibleFrom[map.paths.indexOf('/tmp/sdk.tar')]; // -1: deleted by then
 */
export function fateTable(map: UnionMap, top: number): FateTable {
  let byTop = tables.get(map);
  if (!byTop) tables.set(map, (byTop = new Map()));
  const known = byTop.get(top);
  if (known) return known;
  const n = map.paths.length;
  const visibleFrom = new Int16Array(n).fill(-1);
  const deletedBy = new Int16Array(n).fill(-1);
  const visibleFile = new Uint8Array(n);
  let hiddenBytes = 0;
  for (let i = 0; i < n; i++) {
    // 0 seeking, 1 merging (a directory sees the directories below), 2 covered.
    let state = 0;
    for (let k = map.first[i]!; k < map.first[i + 1]!; k++) {
      const layer = map.layer[k]!;
      if (layer > top) continue;
      const role = map.role[k]!;
      const entry = role === ROLE_FILE || role === ROLE_DIR || role === ROLE_SYMLINK;
      if (state === 0) {
        if (entry) {
          visibleFrom[i] = layer;
          visibleFile[i] = role === ROLE_DIR ? 0 : 1;
          state = role === ROLE_DIR && map.opaque[k] !== 1 ? 1 : 2;
        } else {
          deletedBy[i] = layer;
          state = 2;
        }
      } else if (state === 1) {
        if (role === ROLE_DIR) {
          if (map.opaque[k] === 1) state = 2;
        } else {
          if (entry) hiddenBytes += map.size[k]!;
          state = 2;
        }
      } else if (entry) hiddenBytes += map.size[k]!;
    }
  }
  const table = { visibleFrom, deletedBy, visibleFile, hiddenBytes };
  byTop.set(top, table);
  return table;
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
