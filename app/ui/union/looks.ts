/**
 * What each tile of the union picture says: its name (shortened in the middle), the line under
 * it (size, hidden, whiteout, copied up), what a screen reader hears, and what Enter does.
 * Pure; the words come from the strings table.
 */
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import type { Cell, ColumnCells } from './cells.ts';
import { nameOf, type Column } from './columns.ts';
import type { TileBox } from './boxes.ts';
import type { Stack, StackSlab } from './stack.ts';

const t = strings.union;

export function fitName(name: string, max = 14): string {
  if (name.length <= max) return name;
  const tail = Math.min(6, Math.floor((max - 1) / 2));
  return `${name.slice(0, max - 1 - tail)}…${name.slice(name.length - tail)}`;
}

function columnName(c: Column): string {
  if (c.kind === 'rest') return t.rest;
  const name = nameOf(c.path);
  return c.kind === 'path' ? name : `${name}/`;
}

export function whereOf(slab: StackSlab): string {
  return slab.kind === 'container'
    ? t.aria.containerName(slab.title)
    : t.aria.layerName(slab.layer + 1, slab.title);
}

export type TileLook = Pick<TileBox, 'kind' | 'state' | 'title' | 'meta' | 'label' | 'action'>;

export function tileOf(col: Column, cell: Cell, slab: StackSlab): TileLook {
  const where = whereOf(slab);
  const size = formatBytes(cell.size);
  const name = fitName(columnName(col));
  const folded = col.kind === 'folder' || col.kind === 'rest';
  if (cell.kind === 'whiteout' && folded && cell.whiteouts > 0) {
    // Whiteouts inside a folded folder: holes, counted.
    return {
      kind: 'hole',
      state: 'visible',
      title: name,
      meta: t.holes(cell.whiteouts),
      label: t.aria.holes(
        col.kind === 'folder' ? `${col.path}/` : undefined,
        where,
        cell.whiteouts,
      ),
      action: col.kind === 'folder' ? { type: 'open', path: col.path } : { type: 'none' },
    };
  }
  if (cell.kind === 'whiteout') {
    const path = col.kind === 'rest' ? t.rest : col.path;
    const under = cell.by !== undefined;
    return {
      kind: 'hole',
      state: 'visible',
      title: name,
      meta: under ? fitName(t.holeUnder(cell.by!), 18) : t.hole,
      label: under ? t.aria.whiteoutUnder(path, cell.by!, where) : t.aria.whiteout(path, where),
      action: { type: 'none' },
    };
  }
  if (col.kind === 'folder' || col.kind === 'rest') {
    const folder = col.kind === 'folder';
    return {
      kind: folder ? 'folder' : 'rest',
      state: cell.state === 'visible' ? 'visible' : cell.state === 'merged' ? 'merged' : 'hidden',
      title: name,
      meta:
        cell.files > 0
          ? `${t.files(cell.files)} · ${size}${cell.whiteouts ? ` · ${cell.whiteouts} ✕` : ''}`
          : cell.whiteouts
            ? `${cell.whiteouts} ✕ ${t.hole}`
            : t.newDir,
      label: folder
        ? t.aria.folder(col.path, where, cell.files, size, cell.seen)
        : t.aria.rest(where, cell.files, size),
      action: folder ? { type: 'open', path: col.path } : { type: 'none' },
    };
  }
  if (cell.kind === 'dir') {
    return {
      kind: 'dir',
      state: cell.state === 'visible' ? 'visible' : cell.state === 'merged' ? 'merged' : 'hidden',
      title: name.endsWith('/') ? name : `${name}/`,
      meta: t.newDir,
      label: t.aria.dir(col.path, where),
      action: { type: 'none' },
    };
  }
  if (cell.copiedFrom !== undefined) {
    return {
      kind: cell.kind === 'symlink' ? 'symlink' : 'file',
      state: 'copyup',
      title: name,
      meta: t.copiedUp(cell.copiedFrom + 1),
      label: t.aria.copiedUp(col.path, cell.copiedFrom + 1, size),
      action: { type: 'none' },
    };
  }
  const visible = cell.state === 'visible';
  return {
    kind: cell.kind === 'symlink' ? 'symlink' : 'file',
    state: visible ? 'visible' : 'hidden',
    title: name,
    meta: visible ? size : `${t.hidden} · ${size}`,
    label: visible
      ? t.aria.fileVisible(col.path, where, size)
      : t.aria.fileHidden(col.path, where, size),
    action: { type: 'none' },
  };
}

export function slabLabel(s: StackSlab, total: number): string {
  const size = formatBytes(s.size);
  return s.kind === 'container'
    ? t.aria.containerSlab(s.title, size, 0)
    : t.aria.slab(s.layer + 1, total, s.title, size, t.phase[s.phase]);
}

interface Namer {
  tag: (layer: number) => string;
  name: (layer: number) => string;
}

export function namer(stack: Stack): Namer {
  const rw = stack.slabs.find((s) => s.kind === 'container');
  return {
    tag: (l) => (rw && l === rw.layer ? t.writableTag(rw.title) : t.layerTag(l + 1)),
    name: (l) => (rw && l === rw.layer ? t.aria.containerName(rw.title) : t.aria.layerShort(l + 1)),
  };
}

/** The merged view's tile of a column: what a container sees at that path. */
export function mergedTile(col: Column, cc: ColumnCells, names: Namer): TileLook | undefined {
  const name = fitName(columnName(col));
  if (col.kind === 'folder' || col.kind === 'rest') {
    if (cc.cells.length === 0) return undefined;
    const folder = col.kind === 'folder';
    return {
      kind: folder ? 'folder' : 'rest',
      state: cc.seen > 0 ? 'visible' : 'hidden',
      title: name,
      meta: folder ? t.files(cc.seen) : t.otherPaths(cc.seen),
      label: folder ? t.aria.mergedFolder(col.path, cc.seen) : t.aria.mergedRest(cc.seen),
      action: folder ? { type: 'open', path: col.path } : { type: 'none' },
    };
  }
  if (cc.deletedBy !== undefined) {
    return {
      kind: 'ghost',
      state: 'hidden',
      title: name,
      meta: `${t.deleted} · ${names.tag(cc.deletedBy)}`,
      label: t.aria.mergedDeleted(col.path, names.name(cc.deletedBy)),
      action: { type: 'none' },
    };
  }
  if (col.kind === 'dir') {
    const made = cc.cells.find((c) => c.kind === 'dir');
    if (!made) return undefined;
    return {
      kind: 'dir',
      state: 'visible',
      title: name.endsWith('/') ? name : `${name}/`,
      meta: t.newDir,
      label: t.aria.mergedDir(col.path, names.name(made.layer)),
      action: { type: 'none' },
    };
  }
  const from = cc.from[0];
  if (from === undefined) return undefined;
  const cell = cc.cells.find((c) => c.layer === from);
  return {
    kind: cell?.kind === 'dir' ? 'dir' : cell?.kind === 'symlink' ? 'symlink' : 'file',
    state: 'visible',
    title: cell?.kind === 'dir' ? `${name}/` : name,
    meta: `${names.tag(from)}${cell && cell.kind !== 'dir' ? ` · ${formatBytes(cell.size)}` : ''}`,
    label: t.aria.mergedFile(col.path, names.name(from)),
    action: { type: 'none' },
  };
}
