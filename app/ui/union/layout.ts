/**
 * Where everything of the union picture goes, in the picture's own units (pixels at 100 %):
 * the merged view on top, then the slabs from the newest down to the base, one column per
 * path or folded folder, tiles on the slabs, holes, lids, the lines down from the merged view,
 * and the keyboard's rows of items. Pure: the component only draws what this returns.
 */
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import type { ColumnCells } from './cells.ts';
import { mergedTile, namer, slabLabel, tileOf, whereOf } from './looks.ts';
import { parentOf, type Column } from './columns.ts';
import type { Stack, StackSlab } from './stack.ts';

const t = strings.union;

/** Sizes in picture units. */
export const G = {
  COL_W: 132,
  TILE_W: 120,
  TILE_H: 36,
  PLATE_H: 48,
  SKEW: 14,
  EDGE: 4,
  LABEL_H: 22,
  GAP: 8,
  MARKER_H: 20,
  BAND_H: 22,
  PAD: 10,
} as const;

export type Action =
  | { type: 'open'; path: string }
  | { type: 'fold'; path: string }
  | { type: 'step'; step: number }
  | { type: 'none' };

/** Something the keyboard can reach, with what a screen reader says of it. */
export interface Item {
  id: string;
  x: number;
  label: string;
  action: Action;
}

export interface SlabBox extends StackSlab {
  key: string;
  /** Top of the label band; the plate is below it. */
  y: number;
  plateY: number;
  label: string;
}

export interface MarkerBox {
  key: string;
  y: number;
  step: number;
  text: string;
  label: string;
}

export interface ColumnBox {
  key: string;
  x: number;
  column: Column;
}

export type TileKind = 'file' | 'symlink' | 'dir' | 'folder' | 'rest' | 'hole' | 'ghost';

export interface TileBox {
  key: string;
  column: string;
  /** The slab's layer, or undefined for the merged view. */
  layer: number | undefined;
  x: number;
  y: number;
  kind: TileKind;
  state: 'visible' | 'hidden' | 'merged' | 'copyup';
  title: string;
  meta: string;
  label: string;
  action: Action;
  /** A copy-up starts on the layer it came from: how far below its place (for the motion). */
  fromDy: number | undefined;
}

export interface LineBox {
  key: string;
  x: number;
  y1: number;
  y2: number;
  /** The path is deleted: the line ends on the hole. */
  deleted: boolean;
  /** Folded columns: a dot on each other layer that shows some of its files. */
  dots: number[];
}

export interface CoverBox {
  key: string;
  layer: number;
  x: number;
  y: number;
  w: number;
  h: number;
  dir: string;
  label: string;
}

export interface BandBox {
  key: string;
  x: number;
  w: number;
  dir: string;
  label: string;
}

export interface ArrowBox {
  key: string;
  x: number;
  y1: number;
  y2: number;
}

export interface Picture {
  width: number;
  height: number;
  mergedY: number;
  slabs: SlabBox[];
  markers: MarkerBox[];
  columns: ColumnBox[];
  tiles: TileBox[];
  lines: LineBox[];
  covers: CoverBox[];
  bands: BandBox[];
  arrows: ArrowBox[];
  /** Keyboard rows, top to bottom, each left to right. */
  rows: Item[][];
}

const item = (id: string, x: number, label: string, action: Action): Item => ({
  id,
  x,
  label,
  action,
});

/** A long name shortened in the middle, so its start and its extension stay: `requir…s.txt`. */
export interface LayoutInput {
  stack: Stack;
  columns: readonly Column[];
  cells: ReadonlyMap<string, ColumnCells>;
  /** Changes in the container's writable layer, for its slab's label. */
  containerChanges?: number;
  /** Image layers in all (for "layer 3 of 7"). */
  layerCount: number;
}

/**
 * Places the picture.
 *
 * @example
 * const pic = layoutPicture({ stack, columns, cells, open, layerCount: 5 });
 * pic.tiles.filter((t) => t.kind === 'hole'); // the whiteouts
 */
export function layoutPicture(input: LayoutInput): Picture {
  const { stack, columns, cells, layerCount } = input;
  const names = namer(stack);
  const { COL_W, TILE_W, TILE_H, PLATE_H, SKEW, EDGE, LABEL_H, GAP, MARKER_H, BAND_H, PAD } = G;
  const tileDx = (COL_W - TILE_W) / 2 + SKEW / 2;
  const tileDy = (PLATE_H - EDGE - TILE_H) / 2;
  const cols: ColumnBox[] = columns.map((column, i) => ({
    key: column.key,
    x: PAD + i * COL_W,
    column,
  }));
  const width = PAD * 2 + Math.max(1, cols.length) * COL_W + SKEW;

  // Bands: the open folder each run of columns sits in (the nearest one), to fold it again.
  const bands: BandBox[] = [];
  for (const c of cols) {
    if (c.column.kind === 'rest') continue;
    const dir = c.column.kind === 'dir' ? c.column.path : parentOf(c.column.path);
    if (dir === '/') continue;
    const last = bands[bands.length - 1];
    if (last && last.dir === dir && Math.abs(last.x + last.w - c.x) < 1) last.w += COL_W;
    else
      bands.push({
        key: `band:${dir}`,
        x: c.x,
        w: COL_W,
        dir,
        label: t.aria.band(dir),
      });
  }

  let y = BAND_H + 6;
  const mergedY = y + LABEL_H;
  y = mergedY + PLATE_H + GAP * 2;

  const slabs: SlabBox[] = [];
  const markers: MarkerBox[] = [];
  // Slabs and markers in the order they are placed, top to bottom: the keyboard's rows.
  const order: (SlabBox | MarkerBox)[] = [];
  const placeMarkers = (above: number) => {
    for (const m of stack.markers.filter((x) => x.above === above)) {
      const box = {
        key: `marker:${m.step}`,
        y,
        step: m.step,
        text: m.text,
        label: t.aria.marker(m.text),
      };
      markers.push(box);
      order.push(box);
      y += MARKER_H;
    }
  };
  const topDown = [...stack.slabs].reverse();
  for (const s of topDown) {
    if (s.kind !== 'container' && s.layer === stack.top) placeMarkers(stack.top);
    const box: SlabBox = {
      ...s,
      key: s.kind === 'container' ? `rw:${s.title}` : `slab:${s.layer}`,
      y,
      plateY: y + LABEL_H,
      label:
        s.kind === 'container'
          ? t.aria.containerSlab(s.title, formatBytes(s.size), input.containerChanges ?? 0)
          : slabLabel(s, layerCount),
    };
    slabs.push(box);
    order.push(box);
    y += LABEL_H + PLATE_H + GAP;
    if (s.kind !== 'container') placeMarkers(s.layer - 1);
  }
  if (stack.slabs.length === 0) placeMarkers(-1);
  // Room at the bottom for the zoom buttons that float over the picture.
  const height = y + PAD + 36;
  const plateOf = new Map(slabs.map((s) => [s.layer, s]));

  const tiles: TileBox[] = [];
  const lines: LineBox[] = [];
  const arrows: ArrowBox[] = [];
  const covers: CoverBox[] = [];
  for (const c of cols) {
    const cc = cells.get(c.key);
    if (!cc) continue;
    const x = c.x + tileDx;
    const cx = x + TILE_W / 2;
    const at = new Map<number, number>();
    for (const cell of cc.cells) {
      const slab = plateOf.get(cell.layer);
      if (!slab || cell.kind === 'opaque') continue;
      const ty = slab.plateY + tileDy;
      at.set(cell.layer, ty);
      const tile = tileOf(c.column, cell, slab);
      const from = cell.copiedFrom !== undefined ? plateOf.get(cell.copiedFrom) : undefined;
      tiles.push({
        key: `${c.key}@${cell.layer}`,
        column: c.key,
        layer: cell.layer,
        x,
        y: ty,
        ...tile,
        fromDy: from ? from.plateY + tileDy - ty : undefined,
      });
      if (from)
        arrows.push({
          key: `up:${c.key}`,
          x: x + TILE_W - 8,
          y1: from.plateY + tileDy,
          y2: ty + TILE_H,
        });
    }
    // The merged view's tile, and the line down to where it comes from.
    const my = mergedY + tileDy;
    const merged = mergedTile(c.column, cc, names);
    if (merged) {
      tiles.push({
        key: `${c.key}@merged`,
        column: c.key,
        layer: undefined,
        x,
        y: my,
        fromDy: undefined,
        ...merged,
      });
      const targets = cc.deletedBy !== undefined ? [cc.deletedBy] : cc.from;
      const ys = targets.map((l) => at.get(l)).filter((v): v is number => v !== undefined);
      if (ys.length > 0) {
        const end = Math.max(...ys);
        lines.push({
          key: `line:${c.key}`,
          x: cx,
          y1: my + TILE_H,
          y2: end,
          deleted: cc.deletedBy !== undefined,
          dots: ys.filter((v) => v !== end),
        });
      }
    }
  }
  // Lids: an opaque directory covers its own columns and those below it, on its layer.
  for (const s of slabs) {
    const dirs = new Set<string>();
    for (const c of cols) {
      const cell = cells.get(c.key)?.cells.find((x) => x.layer === s.layer);
      if (cell?.cover) dirs.add(cell.cover);
    }
    for (const dir of dirs) {
      const under = cols.filter(
        (c) =>
          c.column.kind !== 'rest' &&
          (c.column.path === dir || c.column.path.startsWith(`${dir}/`)),
      );
      if (under.length === 0) continue;
      const x0 = under[0]!.x;
      const x1 = under[under.length - 1]!.x + COL_W;
      covers.push({
        key: `lid:${s.layer}:${dir}`,
        layer: s.layer,
        x: x0 + 3,
        y: s.plateY + 3,
        w: x1 - x0 + SKEW - 6,
        h: PLATE_H - EDGE - 6,
        dir,
        label: t.aria.opaque(dir, whereOf(s)),
      });
    }
  }

  const rows: Item[][] = [];
  if (bands.length > 0)
    rows.push(bands.map((b) => item(b.key, b.x, b.label, { type: 'fold', path: b.dir })));
  const itemOf = (tile: TileBox) => item(tile.key, tile.x, tile.label, tile.action);
  rows.push(tiles.filter((x) => x.layer === undefined).map(itemOf));
  for (const entry of order) {
    if (!('plateY' in entry)) {
      rows.push([item(entry.key, -1, entry.label, { type: 'step', step: entry.step })]);
      continue;
    }
    const s = entry as SlabBox;
    const action: Action = s.step !== undefined ? { type: 'step', step: s.step } : { type: 'none' };
    rows.push(
      [
        item(s.key, -1, s.label, action),
        ...tiles.filter((x) => x.layer === s.layer).map(itemOf),
        ...covers
          .filter((x) => x.layer === s.layer)
          .map((x) => item(x.key, x.x + 0.5, x.label, { type: 'none' })),
      ].sort((p, q) => p.x - q.x),
    );
  }
  return {
    width,
    height,
    mergedY,
    slabs,
    markers,
    columns: cols,
    tiles,
    lines,
    covers,
    bands,
    arrows,
    rows: rows.filter((r) => r.length > 0),
  };
}

/** Short and long names of a layer: `L3` and `layer 3`, or the container's writable layer. */
