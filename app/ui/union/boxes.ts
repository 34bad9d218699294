/**
 * The parts of the union picture as the layout places them (slabs, markers, tiles, lines,
 * lids, bands, arrows) and the sizes it places them with, in the picture's own units.
 */
import type { Column } from './columns.ts';
import type { StackSlab } from './stack.ts';

/**
 * Sizes in picture units, as tight as the text allows: the whole stack of a starter has to fit
 * the picture's box at a readable scale (a 1280x720 projector gives it about 400 px).
 */
export const G = {
  COL_W: 132,
  TILE_W: 120,
  TILE_H: 30,
  PLATE_H: 37,
  SKEW: 14,
  EDGE: 4,
  LABEL_H: 18,
  GAP: 3,
  MARKER_H: 17,
  /** The plate of a layer that holds none of the paths drawn: a thin sheet. */
  THIN_H: 17,
  BAND_H: 20,
  PAD: 8,
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
  /** The plate's height: thin when the layer holds none of the paths drawn. */
  plateH: number;
  /** Holds none of the paths drawn (but "other paths"): a thin sheet, its label on it. */
  thin: boolean;
  label: string;
}

/** A metadata step; those between the same two layers share a row, left to right. */
export interface MarkerBox {
  key: string;
  y: number;
  /** How far right in its row, in picture units. */
  dx: number;
  /** The last of its row: its text ends with what a marker is. */
  last: boolean;
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

/** About how wide a character of a marker's text is (12 px sans), in picture units. */
export const MARKER_CHAR_W = 6.8;
/** The longest a metadata step's text is shown in its marker. */
const MARKER_CHARS = 34;

/** A marker's text: `◇ EXPOSE 8000`, a long instruction shortened. */
export function markerText(text: string): string {
  return `◇ ${text.length > MARKER_CHARS ? `${text.slice(0, MARKER_CHARS - 1)}…` : text}`;
}

/** The box of an item of `picture` in picture units, to bring it into view. */
export function boxOf(
  picture: Picture,
  id: string,
): { x?: number; y: number; w: number; h: number } | undefined {
  const { TILE_W, TILE_H, MARKER_H, BAND_H } = G;
  const tile = picture.tiles.find((x) => x.key === id);
  if (tile) return { x: tile.x, y: tile.y, w: TILE_W, h: TILE_H };
  // Labels stay at the left edge: only their height matters.
  const slab = picture.slabs.find((x) => x.key === id);
  if (slab) return { y: slab.y, w: 0, h: slab.plateY - slab.y + slab.plateH };
  const marker = picture.markers.find((x) => x.key === id);
  if (marker) return { y: marker.y, w: 0, h: MARKER_H };
  const cover = picture.covers.find((x) => x.key === id);
  if (cover) return { x: cover.x, y: cover.y, w: Math.min(cover.w, TILE_W), h: cover.h };
  const band = picture.bands.find((x) => x.key === id);
  if (band) return { x: band.x, y: 0, w: Math.min(band.w, TILE_W), h: BAND_H };
  return undefined;
}
