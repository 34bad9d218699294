import { describe, expect, it } from 'vitest';
import {
  clampHeight,
  dockHeight,
  IN_USE_ROWS,
  MIN_DOCK_PX,
  MIN_PANELS_PX,
  readDock,
} from './dock.ts';

describe('the terminal dock’s height', () => {
  const base = { room: 660, cellHeight: 17, chrome: 50 };
  it('rests at about a quarter of the room until the learner chooses', () => {
    expect(
      dockHeight({ ...base, size: { rest: undefined, active: undefined }, inUse: false }),
    ).toBe(172);
    expect(dockHeight({ ...base, size: { rest: 250, active: undefined }, inUse: false })).toBe(250);
  });
  it('grows to fit 20 rows while in use, and never shrinks below the resting height', () => {
    const h = dockHeight({ ...base, size: { rest: 150, active: undefined }, inUse: true });
    expect(h - base.chrome).toBeGreaterThanOrEqual(IN_USE_ROWS * base.cellHeight);
    expect(dockHeight({ ...base, size: { rest: 500, active: undefined }, inUse: true })).toBe(500);
  });
  it('keeps the height the learner dragged it to while in use', () => {
    expect(dockHeight({ ...base, size: { rest: 150, active: 300 }, inUse: true })).toBe(300);
  });
  it('leaves the panels room and keeps a few rows', () => {
    expect(clampHeight(10_000, 660)).toBe(660 - MIN_PANELS_PX);
    expect(clampHeight(0, 660)).toBe(MIN_DOCK_PX);
  });
  it('reads what was saved, and ignores what is not a height', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null } as Storage;
    expect(readDock(storage)).toEqual({ rest: undefined, active: undefined });
    store.set('layerlab:v1:terminal', '{"rest":240,"active":"x"}');
    expect(readDock(storage)).toEqual({ rest: 240, active: undefined });
    store.set('layerlab:v1:terminal', 'not json');
    expect(readDock(storage)).toEqual({ rest: undefined, active: undefined });
  });
});
