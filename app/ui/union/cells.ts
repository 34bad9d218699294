/**
 * What each column of the union picture shows on each layer, at a height of the stack: a copy
 * of a file (seen from above, or hidden under a later copy or a whiteout), a whiteout's hole,
 * an opaque directory's cover, a copy-up into a container's writable layer; for a folded
 * directory, the counts of all that. Pure: the engine's union map in, plain cells out.
 */
import {
  copiedUpFrom,
  fateTable,
  pathFate,
  UNION_ROLES,
  type FateTable,
  type UnionMap,
} from '../../store/index.ts';
import { parentOf, REST_KEY, type Column, type PathTree } from './columns.ts';

export type CellState =
  /** The merged view shows this copy. */
  | 'visible'
  /** A later layer's copy or a whiteout hides it; its bytes are still in the image. */
  | 'hidden'
  /** A directory seen through a later one (directories merge). */
  | 'merged';

export interface Cell {
  layer: number;
  /** `file`: a copy of the path (or, folded, of files below it); `dir`: only directories. */
  kind: 'file' | 'symlink' | 'dir' | 'whiteout' | 'opaque';
  state: CellState;
  /** Bytes this layer stores for the column's paths. */
  size: number;
  /** Folded columns: paths with an entry here, of them the ones seen, and whiteouts. */
  files: number;
  seen: number;
  whiteouts: number;
  /** A deletion or cover that comes from a directory above the column's path. */
  by: string | undefined;
  /** Folded columns: an opaque directory somewhere below (shown as a mark on the tile). */
  opaque: boolean;
  /** The opaque directory whose lid covers this column on this layer (itself or above it). */
  cover: string | undefined;
  /** The writable layer's copy of a file first copied up from this layer. */
  copiedFrom: number | undefined;
  /** Folded columns: files of the writable layer copied up from the image. */
  copyUps: number;
}

/** A column's cells, bottom layer first, and where the merged view gets it from. */
export interface ColumnCells {
  cells: Cell[];
  /** The layer the merged view shows the path from (folded: the layers that show some of it). */
  from: number[];
  /** The layer whose whiteout or cover hides the path (single paths only). */
  deletedBy: number | undefined;
  /** Folded: how many of its paths the merged view shows. */
  seen: number;
}

function emptyCell(layer: number): Cell {
  return {
    layer,
    kind: 'file',
    state: 'hidden',
    size: 0,
    files: 0,
    seen: 0,
    whiteouts: 0,
    by: undefined,
    opaque: false,
    cover: undefined,
    copiedFrom: undefined,
    copyUps: 0,
  };
}

/** The cells of one path up to layer `top`; `upper` is a container's writable layer, if any. */
function pathCells(map: UnionMap, i: number, top: number, upper: number | undefined): ColumnCells {
  const fate = pathFate(map, i, top);
  const hidden = new Set(fate.hidden);
  const cells: Cell[] = [];
  for (let k = map.first[i + 1]! - 1; k >= map.first[i]!; k--) {
    const layer = map.layer[k]!;
    if (layer > top) continue;
    const role = UNION_ROLES[map.role[k]!]!;
    const by = map.by[k]! >= 0 ? map.paths[map.by[k]!] : undefined;
    const cell = emptyCell(layer);
    cell.kind = role;
    cell.size = map.size[k]!;
    cell.by = by;
    cell.cover =
      role === 'opaque' ? by : role === 'dir' && map.opaque[k] === 1 ? map.paths[i] : undefined;
    cell.files = role === 'file' || role === 'symlink' ? 1 : 0;
    cell.whiteouts = role === 'whiteout' && by === undefined ? 1 : 0;
    cell.state =
      layer === fate.visibleFrom
        ? 'visible'
        : hidden.has(layer)
          ? 'hidden'
          : role === 'dir'
            ? 'merged'
            : 'hidden';
    if (layer === fate.visibleFrom) cell.seen = cell.files;
    if (upper !== undefined && layer === upper) cell.copiedFrom = copiedUpFrom(map, i, upper);
    cells.push(cell);
  }
  return {
    cells,
    from: fate.visibleFrom === undefined ? [] : [fate.visibleFrom],
    deletedBy: fate.deletedBy,
    seen: fate.visibleFrom === undefined ? 0 : 1,
  };
}

const ROLE = {
  file: UNION_ROLES.indexOf('file'),
  dir: UNION_ROLES.indexOf('dir'),
  symlink: UNION_ROLES.indexOf('symlink'),
  whiteout: UNION_ROLES.indexOf('whiteout'),
  opaque: UNION_ROLES.indexOf('opaque'),
};

/**
 * The cells of many paths folded into one column: per layer, how many files, bytes,
 * whiteouts and copy-ups, and how many of its files the merged view shows from there.
 * `self` is the folded directory's own path (a whiteout or opaque flag on it shows too).
 * Thousands of paths at every step of the playback: one loop, the fates from one table.
 */
function foldedCells(
  map: UnionMap,
  fates: FateTable,
  paths: { lo: number; hi: number } | readonly number[],
  self: number | undefined,
  top: number,
  upper: number | undefined,
): ColumnCells {
  const byLayer: (Cell | undefined)[] = [];
  const cellAt = (layer: number) => (byLayer[layer] ??= emptyCell(layer));
  if (self !== undefined) {
    for (let k = map.first[self]!; k < map.first[self + 1]!; k++) {
      const layer = map.layer[k]!;
      if (layer > top) continue;
      const role = map.role[k]!;
      const by = map.by[k]!;
      const c = cellAt(layer);
      if (role === ROLE.whiteout) {
        c.kind = 'whiteout';
        c.by = by >= 0 ? map.paths[by] : undefined;
      } else if (role === ROLE.opaque) c.cover = map.paths[by];
      else if (map.opaque[k] === 1) c.cover = map.paths[self];
    }
  }
  let seen = 0;
  const add = (i: number) => {
    const from = fates.visibleFrom[i]!;
    for (let k = map.first[i]!; k < map.first[i + 1]!; k++) {
      const layer = map.layer[k]!;
      if (layer > top) continue;
      const role = map.role[k]!;
      // Deletions inherited from a directory above are that directory's, not new holes.
      if (map.by[k]! >= 0 && (role === ROLE.whiteout || role === ROLE.opaque)) continue;
      const c = cellAt(layer);
      if (role === ROLE.whiteout) c.whiteouts++;
      else if (role === ROLE.file || role === ROLE.symlink) {
        c.files++;
        c.size += map.size[k]!;
        if (layer === from) c.seen++;
        if (layer === upper && copiedUpFrom(map, i, upper) !== undefined) c.copyUps++;
      } else if (role === ROLE.dir && map.opaque[k] === 1) c.opaque = true;
    }
    if (fates.visibleFile[i] === 1) seen++;
  };
  if ('lo' in paths) for (let i = paths.lo; i < paths.hi; i++) add(i);
  else for (const i of paths) add(i);
  const cells = byLayer.filter((c): c is Cell => c !== undefined);
  for (const c of cells) {
    if (c.kind === 'file' && c.files === 0) c.kind = c.whiteouts > 0 ? 'whiteout' : 'dir';
    c.state = c.seen > 0 ? 'visible' : c.kind === 'dir' ? 'merged' : 'hidden';
  }
  return {
    cells,
    from: cells.filter((c) => c.seen > 0).map((c) => c.layer),
    deletedBy: undefined,
    seen,
  };
}

/**
 * Every column's cells at height `top` (the highest layer shown; a container's writable layer
 * is `upper`, shown when `top` reaches it).
 */
export function columnCells(
  map: UnionMap,
  tree: PathTree,
  columns: readonly Column[],
  top: number,
  upper: number | undefined,
): Map<string, ColumnCells> {
  const out = new Map<string, ColumnCells>();
  const fates = fateTable(map, top);
  const shown = new Uint8Array(map.paths.length);
  // The open folders above the columns are theirs, not "other paths".
  const parents = new Set<string>();
  for (const col of columns) {
    if (col.kind === 'rest') continue;
    for (let p = parentOf(col.path); p !== '/' && !parents.has(p); p = parentOf(p)) {
      parents.add(p);
      const self = tree.byPath.get(p)?.self;
      if (self !== undefined) shown[self] = 1;
    }
  }
  for (const col of columns) {
    if (col.kind === 'path' || col.kind === 'dir') {
      shown[col.index] = 1;
      const cells = pathCells(map, col.index, top, upper);
      if (col.kind === 'dir') {
        // An open directory's own column: where it was made, deleted or made opaque; not the
        // copies of it every layer that writes below it carries.
        const made = cells.cells[0]?.layer;
        cells.cells = cells.cells.filter(
          (c) =>
            c.kind === 'whiteout' ||
            c.cover !== undefined ||
            (c.kind === 'dir' && c.layer === made),
        );
        cells.from = [];
      }
      out.set(col.key, cells);
    } else if (col.kind === 'folder') {
      const { dir } = col;
      if (dir.self !== undefined) shown[dir.self] = 1;
      shown.fill(1, dir.lo, dir.hi);
      out.set(col.key, foldedCells(map, fates, dir, dir.self, top, upper));
    }
  }
  const rest: number[] = [];
  for (let i = 0; i < shown.length; i++) if (!shown[i]) rest.push(i);
  out.set(REST_KEY, foldedCells(map, fates, rest, undefined, top, upper));
  return out;
}
