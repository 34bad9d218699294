/**
 * The terminal dock's size: how tall it rests, how tall it grows while in use (at least
 * `IN_USE_ROWS` rows), maximised or not. Pure arithmetic plus the saved resting height; the
 * component (TerminalDock.tsx) measures and renders.
 */
import { createContext } from 'react';

/** Rows the terminal gets while in use, so `docker images` and `docker history` fit. */
export const IN_USE_ROWS = 20;
/** The dock never takes the panels' last few rem, and never shrinks below a few rows. */
export const MIN_DOCK_PX = 96;
export const MIN_PANELS_PX = 120;

export const DOCK_KEY = 'layerlab:v1:terminal';

export interface DockSize {
  /** The height the dock rests at (px), as the learner left it; undefined: the default. */
  rest: number | undefined;
  /** The height while in use, once the learner has dragged it there; undefined: 20 rows. */
  active: number | undefined;
}

/** The resting height when the learner has not chosen one: a quarter of the room. */
export function defaultRest(room: number): number {
  return Math.max(MIN_DOCK_PX, Math.round(room * 0.26));
}

/** Keeps a height between the dock's minimum and what leaves the panels room. */
export function clampHeight(height: number, room: number): number {
  return Math.round(Math.max(MIN_DOCK_PX, Math.min(height, room - MIN_PANELS_PX)));
}

/**
 * The dock's height now. At rest: the resting height. In use: the height the learner dragged
 * it to while using it or, until they do, the resting height grown to fit `IN_USE_ROWS` rows
 * (`chrome` is everything in the dock that is not rows: its heading, padding, handle).
 *
 * @example
 * dockHeight({ size: { rest: 200, active: undefined }, room: 660, inUse: true, cellHeight: 17, chrome: 40 }); // 397
 */
export function dockHeight(o: {
  size: DockSize;
  room: number;
  inUse: boolean;
  cellHeight: number | undefined;
  chrome: number;
}): number {
  const rest = clampHeight(o.size.rest ?? defaultRest(o.room), o.room);
  if (!o.inUse) return rest;
  if (o.size.active !== undefined) return clampHeight(o.size.active, o.room);
  if (o.cellHeight === undefined) return rest;
  // One spare row: xterm rounds the rows down to whole cells.
  const needed = Math.ceil((IN_USE_ROWS + 1) * o.cellHeight + o.chrome);
  return clampHeight(Math.max(rest, needed), o.room);
}

export function readDock(storage: Storage | undefined): DockSize {
  try {
    const raw = JSON.parse(storage?.getItem(DOCK_KEY) ?? '{}') as Record<string, unknown>;
    const px = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
    return { rest: px(raw.rest), active: px(raw.active) };
  } catch {
    return { rest: undefined, active: undefined };
  }
}

export function writeDock(storage: Storage | undefined, size: DockSize): void {
  try {
    storage?.setItem(DOCK_KEY, JSON.stringify(size));
  } catch {
    /* storage full or refused: the size lasts for this visit */
  }
}

/** What the terminal tells its dock after each fit: its cell height, columns and rows. */
export interface TerminalMetrics {
  cellHeight: number;
  cols: number;
  rows: number;
}

export const TerminalMetricsContext = createContext<(m: TerminalMetrics) => void>(() => {});
