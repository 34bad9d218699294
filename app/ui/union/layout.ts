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
import type { Stack } from './stack.ts';
import {
  G,
  MARKER_CHAR_W,
  markerText,
  type Action,
  type ArrowBox,
  type BandBox,
  type ColumnBox,
  type CoverBox,
  type Item,
  type LineBox,
  type MarkerBox,
  type Picture,
  type SlabBox,
  type TileBox,
} from './boxes.ts';

const t = strings.union;

const item = (id: string, x: number, label: string, action: Action): Item => ({
  id,
  x,
  label,
  action,
});

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
  const {
    COL_W,
    TILE_W,
    TILE_H,
    PLATE_H,
    SKEW,
    EDGE,
    LABEL_H,
    GAP,
    MARKER_H,
    BAND_H,
    PAD,
    THIN_H,
  } = G;
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

  let y = BAND_H + 4;
  const mergedY = y + LABEL_H;
  y = mergedY + PLATE_H + GAP * 2;

  // The layers that hold a copy, a hole or a lid of some path drawn get a full plate, their
  // label above it; the others (a base image's layers, most often) are thin sheets with the
  // label on them, and what they hold counts in the merged view's "other paths".
  const holding = new Set<number>();
  for (const c of cols)
    for (const cell of c.column.kind === 'rest' ? [] : (cells.get(c.key)?.cells ?? []))
      if (cell.kind !== 'opaque' || cell.cover) holding.add(cell.layer);

  const slabs: SlabBox[] = [];
  const markers: MarkerBox[] = [];
  // Slabs and marker rows in the order they are placed, top to bottom: the keyboard's rows.
  const order: (SlabBox | MarkerBox[])[] = [];
  const placeMarkers = (above: number) => {
    const row: MarkerBox[] = [];
    let dx = 0;
    for (const m of stack.markers.filter((x) => x.above === above)) {
      const text = markerText(m.text);
      row.push({
        key: `marker:${m.step}`,
        y,
        dx,
        last: false,
        step: m.step,
        text: m.text,
        label: t.aria.marker(m.text),
      });
      dx += (text.length + 2) * MARKER_CHAR_W + 12;
    }
    if (row.length === 0) return;
    row[row.length - 1]!.last = true;
    markers.push(...row);
    order.push(row);
    y += MARKER_H;
  };
  const topDown = [...stack.slabs].reverse();
  for (const s of topDown) {
    if (s.kind !== 'container' && s.layer === stack.top) placeMarkers(stack.top);
    const thin = s.kind !== 'container' && !holding.has(s.layer);
    const plateH = thin ? THIN_H : PLATE_H;
    const box: SlabBox = {
      ...s,
      key: s.kind === 'container' ? `rw:${s.title}` : `slab:${s.layer}`,
      y,
      plateY: thin ? y : y + LABEL_H,
      plateH,
      thin,
      label:
        s.kind === 'container'
          ? t.aria.containerSlab(s.title, formatBytes(s.size), input.containerChanges ?? 0)
          : slabLabel(s, layerCount),
    };
    slabs.push(box);
    order.push(box);
    y += (thin ? 0 : LABEL_H) + plateH + GAP;
    if (s.kind !== 'container') placeMarkers(s.layer - 1);
  }
  if (stack.slabs.length === 0) placeMarkers(-1);
  const height = y + PAD;
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
      if (slab.thin) {
        // No tile on a thin sheet: the line (or its dot) ends on its top edge, clear of its
        // label.
        at.set(cell.layer, slab.plateY);
        continue;
      }
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
    if (Array.isArray(entry)) {
      rows.push(entry.map((m) => item(m.key, m.dx - 1, m.label, { type: 'step', step: m.step })));
      continue;
    }
    const s = entry;
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
