import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../engine/build/events.ts';
import type { BuildView } from '../engine/session/types.ts';
import {
  clampCursor,
  keepBuild,
  KEPT_BUILDS,
  playFrom,
  shownBuild,
  stepBack,
  stepBoundaries,
  stepForward,
  type BuildRecord,
} from './playback.ts';

// Two steps: start, step 1 (start, done), step 2 (start, done), done.
const events = [
  { type: 'build-start' },
  { type: 'step-start' },
  { type: 'step-done' },
  { type: 'step-start' },
  { type: 'step-done' },
  { type: 'build-done' },
] as unknown as BuildEvent[];
const view = { events } as BuildView;
const record = (n: number): BuildRecord => ({
  number: n,
  builder: 'buildkit',
  noCache: false,
  origin: 'button',
  view,
  source: { dockerfile: '', files: [] },
});

describe('playback', () => {
  it('finds the shown build, or none', () => {
    const builds = [record(1), record(2)];
    expect(shownBuild({ builds, shownBuild: 1 })?.number).toBe(2);
    expect(shownBuild({ builds, shownBuild: undefined })).toBeUndefined();
    expect(shownBuild({ builds, shownBuild: 5 })).toBeUndefined();
  });

  it('steps from one step end to the next; the last step ends with the build', () => {
    expect(stepBoundaries(view)).toEqual([3, 6]);
    expect(stepForward(view, 0)).toBe(3);
    expect(stepForward(view, 3)).toBe(6);
    expect(stepForward(view, 6)).toBe(6);
    expect(stepBack(view, 6)).toBe(3);
    expect(stepBack(view, 3)).toBe(0);
    expect(stepBack(view, 0)).toBe(0);
  });

  it('keeps the cursor within the build, and plays again from the start once played', () => {
    expect(clampCursor(view, -2)).toBe(0);
    expect(clampCursor(view, 99)).toBe(6);
    expect(playFrom(view, 2)).toBe(2);
    expect(playFrom(view, 6)).toBe(0);
  });

  it(`keeps the last ${KEPT_BUILDS} builds`, () => {
    let builds: BuildRecord[] = [];
    for (let n = 1; n <= KEPT_BUILDS + 3; n++) builds = keepBuild(builds, record(n));
    expect(builds).toHaveLength(KEPT_BUILDS);
    expect(builds[0]?.number).toBe(4);
    expect(builds.at(-1)?.number).toBe(KEPT_BUILDS + 3);
  });
});
