/**
 * The union picture from the engine's data in one call: which paths (the build's, or a
 * search's), folded how, on which slabs at this point of the playback. Pure; the component
 * keeps the learner's choices (search, open folders, zoom) and draws what this returns.
 */
import { fateTable, UNION_ROLES, type UnionMap } from '../../store/index.ts';
import type { ImageView } from '../../engine/session/types.ts';
import type { BuildProgress } from '../../store/index.ts';
import { columnCells } from './cells.ts';
import { columnsOf, pathsIn, searchPaths, type PathTree } from './columns.ts';
import type { Picture } from './boxes.ts';
import { layoutPicture } from './layout.ts';
import { stackAt, type Stack } from './stack.ts';

/** Search results drawn at most (the rest are counted). */
export const MAX_FOUND = 2000;

export interface Focus {
  paths: Set<number>;
  /** Search matches left out beyond MAX_FOUND. */
  more: number;
}

/**
 * The paths the picture is about: a search's matches, or else the paths the build's own layers
 * and the container's writable layer hold; an image made only of its base shows everything.
 */
export function focusOf(
  map: UnionMap,
  image: ImageView,
  search: string,
  upper: number | undefined,
): Focus {
  if (search.trim()) {
    const { found, more } = searchPaths(map, search, MAX_FOUND);
    return { paths: found, more };
  }
  const layers = new Set(image.layers.filter((l) => !l.fromBase).map((l) => l.index));
  if (upper !== undefined) layers.add(upper);
  const paths = pathsIn(map, layers);
  if (paths.size === 0) for (let i = 0; i < map.paths.length; i++) paths.add(i);
  return { paths, more: 0 };
}

/**
 * Whether an open directory's own entry is worth a column: a layer deletes it or makes it
 * opaque, or the build made it in a layer that put no file of its own below it (`WORKDIR /app`:
 * else that layer would look empty).
 */
export function dirTells(map: UnionMap, tree: PathTree, ownFrom: number): (i: number) => boolean {
  let known = told.get(map);
  if (!known) told.set(map, (known = new Map()));
  const memo = known;
  return (i) => {
    const key = i * 64 + ownFrom;
    let tells = memo.get(key);
    if (tells === undefined) memo.set(key, (tells = dirTellsNow(map, tree, ownFrom, i)));
    return tells;
  };
}

/** Answers per map: a folder's range is scanned once, not at every step of the playback. */
const told = new WeakMap<UnionMap, Map<number, boolean>>();

function dirTellsNow(map: UnionMap, tree: PathTree, ownFrom: number, i: number): boolean {
  const lo = map.first[i]!;
  const hi = map.first[i + 1]!;
  if (hi === lo) return false;
  for (let k = lo; k < hi; k++) {
    if (UNION_ROLES[map.role[k]!] === 'whiteout' || map.opaque[k] === 1) return true;
  }
  // Parts are top-most first: the last is where the directory first appears.
  const made = map.layer[hi - 1]!;
  if (made < ownFrom) return false;
  const dir = tree.byPath.get(map.paths[i]!);
  if (!dir) return true;
  for (let j = dir.lo; j < dir.hi; j++) {
    for (let k = map.first[j]!; k < map.first[j + 1]!; k++) {
      const role = UNION_ROLES[map.role[k]!];
      if (map.layer[k] === made && (role === 'file' || role === 'symlink')) return false;
    }
  }
  return true;
}

export interface PictureInput {
  map: UnionMap;
  tree: PathTree;
  image: ImageView;
  progress: BuildProgress;
  focus: Focus;
  open: ReadonlySet<string>;
  container?: { name: string; state: string; size: number; changes: number } | undefined;
}

export interface UnionPicture extends Picture {
  stack: Stack;
  /** Bytes of copies hidden by later layers (rewritten or deleted): still in the image. */
  hiddenBytes: number;
}

/** Everything the component draws, at the playback position `progress`. */
export function unionPicture(input: PictureInput): UnionPicture {
  const { map, tree, image, progress, focus, open, container } = input;
  const hasUpper = container !== undefined && map.layers.length > image.layers.length;
  const stack = stackAt(image, progress, hasUpper ? container : undefined);
  const ownFrom = image.layers.filter((l) => l.fromBase).length;
  const columns = columnsOf(tree, map, {
    focus: focus.paths,
    open,
    dirTells: dirTells(map, tree, ownFrom),
  });
  const top = stack.upper ?? stack.top;
  const cells = columnCells(map, tree, columns, top, stack.upper);
  const picture = layoutPicture({
    stack,
    columns,
    cells,
    layerCount: image.layers.length,
    ...(container ? { containerChanges: container.changes } : {}),
  });
  return { ...picture, stack, hiddenBytes: fateTable(map, top).hiddenBytes };
}
