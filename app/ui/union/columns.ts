/**
 * Which paths the union picture draws, as columns: a file, or a folder folded into one tile
 * with a count, and one column for everything else. The paths come from the engine's union
 * map (sorted); which ones are of interest (the build's, a search's) and which folders are
 * open is the view's choice. Pure, for tests: no React.
 */
import { lowerBound, type UnionMap } from '../../store/index.ts';

/** A directory of the map's tree: its own path (if the map names it) and its subtree's range. */
export interface TreeDir {
  path: string;
  /** Index of the directory's own path in the map, if a layer names it. */
  self: number | undefined;
  /** Paths below it: map indexes lo (inclusive) to hi (exclusive); sorted paths make it a range. */
  lo: number;
  hi: number;
  /** Children: directories by name, and the indexes of the other paths (files, links, leaf dirs). */
  dirs: Map<string, TreeDir>;
  leaves: number[];
}

/** The map's paths as a tree of directories, built once per map. */
export interface PathTree {
  root: TreeDir;
  byPath: Map<string, TreeDir>;
}

export type Column =
  /** One path: a file, a link, an empty directory, or a path only whiteouts name. */
  | { kind: 'path'; key: string; path: string; index: number }
  /** A folded directory: its own path and everything below it. */
  | { kind: 'folder'; key: string; path: string; dir: TreeDir }
  /** An open directory's own entry, when it tells something (made by the build, deleted, opaque). */
  | { kind: 'dir'; key: string; path: string; index: number }
  /** Every path no other column shows. */
  | { kind: 'rest'; key: string; path: string };

export const REST_KEY = '\0rest';

export const parentOf = (path: string): string => {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
};

export const nameOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1) || '/';

function newDir(path: string): TreeDir {
  return { path, self: undefined, lo: 0, hi: 0, dirs: new Map(), leaves: [] };
}

/**
 * Indexes the map's sorted paths by directory. A path is a directory here when another path
 * lies below it; the others are leaves.
 *
 * @example
 * pathTree(map).byPath.get('/app')?.leaves.map((i) => map.paths[i]); // ['/app/app.py', ...]
 */
export function pathTree(map: UnionMap): PathTree {
  const root = newDir('/');
  const byPath = new Map<string, TreeDir>([['/', root]]);
  const paths = map.paths;
  const dirOf = (path: string): TreeDir => {
    let dir = byPath.get(path);
    if (dir) return dir;
    dir = newDir(path);
    byPath.set(path, dir);
    dirOf(parentOf(path)).dirs.set(nameOf(path), dir);
    return dir;
  };
  // A path with something below it is a directory: the first sorted path at or after `P/`
  // starts with it.
  const isDir = (i: number): boolean => {
    const prefix = paths[i] + '/';
    const at = lowerBound(paths, prefix);
    return at < paths.length && paths[at]!.startsWith(prefix);
  };
  paths.forEach((path, i) => {
    if (path === '/') {
      root.self = i;
      return;
    }
    if (isDir(i)) dirOf(path).self = i;
    else dirOf(parentOf(path)).leaves.push(i);
  });
  // Ranges: the descendants of D are the paths from `D/` up to `D0` ('0' follows '/').
  for (const dir of byPath.values()) {
    if (dir.path === '/') {
      dir.lo = 0;
      dir.hi = paths.length;
      continue;
    }
    dir.lo = lowerBound(paths, `${dir.path}/`);
    dir.hi = lowerBound(paths, `${dir.path}0`);
  }
  return { root, byPath };
}

/** Map indexes of the paths that hold something in `layers` (the build's own, a container's). */
export function pathsIn(map: UnionMap, layers: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < map.paths.length; i++) {
    for (let k = map.first[i]!; k < map.first[i + 1]!; k++) {
      if (layers.has(map.layer[k]!)) {
        out.add(i);
        break;
      }
    }
  }
  return out;
}

/** Map indexes of the paths containing `needle` (case-insensitive), at most `limit`. */
export function searchPaths(
  map: UnionMap,
  needle: string,
  limit = Infinity,
): { found: Set<number>; more: number } {
  const q = needle.trim().toLowerCase();
  const found = new Set<number>();
  let more = 0;
  if (!q) return { found, more };
  map.paths.forEach((path, i) => {
    if (!path.toLowerCase().includes(q)) return;
    if (found.size < limit) found.add(i);
    else more++;
  });
  return { found, more };
}

/** Does the directory hold any of the `focus` paths (itself or below)? */
function holds(dir: TreeDir, focus: ReadonlySet<number>, sortedFocus: number[]): boolean {
  if (dir.self !== undefined && focus.has(dir.self)) return true;
  const at = lowerBound(sortedFocus, dir.lo);
  return at < sortedFocus.length && sortedFocus[at]! < dir.hi;
}

export interface ColumnOptions {
  /** The paths of interest (map indexes); the others go to the "everything else" column. */
  focus: ReadonlySet<number>;
  /** Open directories. */
  open: ReadonlySet<string>;
  /** An open directory's own column is shown when its entry tells something (see `dirTells`). */
  dirTells?: (index: number) => boolean;
  /** At most this many columns from one directory; the rest go to "everything else". */
  maxPerDir?: number;
}

/**
 * The columns, depth first in path order: focused children of open directories, a folded
 * directory as one column, and a last column for every path the others do not show.
 */
export function columnsOf(tree: PathTree, map: UnionMap, opts: ColumnOptions): Column[] {
  const sortedFocus = [...opts.focus].sort((a, b) => a - b);
  const maxPerDir = opts.maxPerDir ?? 200;
  const out: Column[] = [];
  const walk = (dir: TreeDir) => {
    const kids: { path: string; col: () => void }[] = [];
    for (const sub of dir.dirs.values()) {
      if (!holds(sub, opts.focus, sortedFocus)) continue;
      kids.push({
        path: sub.path,
        col: () => {
          if (!opts.open.has(sub.path)) {
            out.push({ kind: 'folder', key: sub.path, path: sub.path, dir: sub });
            return;
          }
          if (sub.self !== undefined && opts.dirTells?.(sub.self))
            out.push({ kind: 'dir', key: `${sub.path}/`, path: sub.path, index: sub.self });
          walk(sub);
        },
      });
    }
    for (const i of dir.leaves) {
      if (!opts.focus.has(i)) continue;
      const path = map.paths[i]!;
      kids.push({ path, col: () => out.push({ kind: 'path', key: path, path, index: i }) });
    }
    kids.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const k of kids.slice(0, maxPerDir)) k.col();
  };
  walk(tree.root);
  out.push({ kind: 'rest', key: REST_KEY, path: '' });
  return out;
}

/** How many columns the open directory `dir` shows in place of its one folded column. */
function opened(dir: TreeDir, focus: ReadonlySet<number>, sortedFocus: number[]): number {
  let n = 0;
  for (const sub of dir.dirs.values()) if (holds(sub, focus, sortedFocus)) n++;
  for (const i of dir.leaves) if (focus.has(i)) n++;
  return n;
}

/** How many focused paths a directory holds (itself and below). */
function weight(dir: TreeDir, focus: ReadonlySet<number>, sortedFocus: number[]): number {
  const lo = lowerBound(sortedFocus, dir.lo);
  const hi = lowerBound(sortedFocus, dir.hi);
  return hi - lo + (dir.self !== undefined && focus.has(dir.self) ? 1 : 0);
}

/**
 * The directories to open so the focused paths show as files where there is room. A folder
 * with one entry of interest opens for free (its column just goes one level deeper); then the
 * folders holding the fewest paths of interest open first (a learner's own few files, before a
 * package manager's thousands), while the columns stay within `budget`. The rest stay folded,
 * with a count.
 *
 * @example
 * // The Python starter: /app opens down to its files; /usr and /var stay folded.
 * defaultOpen(tree, focus, 10).has('/app'); // true
 */
export function defaultOpen(
  tree: PathTree,
  focus: ReadonlySet<number>,
  budget: number,
): Set<string> {
  const sortedFocus = [...focus].sort((a, b) => a - b);
  const open = new Set<string>(['/']);
  let folded: TreeDir[] = [...tree.root.dirs.values()].filter((d) => holds(d, focus, sortedFocus));
  let count = opened(tree.root, focus, sortedFocus);
  for (;;) {
    let best: { dir: TreeDir; adds: number; weight: number } | undefined;
    for (const dir of folded) {
      const adds = opened(dir, focus, sortedFocus) - 1;
      if (count + adds > budget) continue;
      const w = adds <= 0 ? -1 : weight(dir, focus, sortedFocus);
      if (best === undefined || w < best.weight || (w === best.weight && adds < best.adds))
        best = { dir, adds, weight: w };
    }
    if (!best) break;
    open.add(best.dir.path);
    count += best.adds;
    const chosen = best.dir;
    folded = folded.filter((d) => d !== chosen);
    for (const sub of chosen.dirs.values()) if (holds(sub, focus, sortedFocus)) folded.push(sub);
  }
  return open;
}
