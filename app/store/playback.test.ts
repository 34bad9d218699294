import { describe, expect, it } from 'vitest';
import type { BuildEvent } from '../engine/build/events.ts';
import type { BuildView } from '../engine/session/types.ts';
import {
  clampCursor,
  countFrom,
  keepBuild,
  KEPT_BUILDS,
  playFrom,
  shownBuild,
  stepBack,
  stepBoundaries,
  stepEnd,
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

  it('finds where a step ends, and counts from a resting step', () => {
    const numbered = {
      events: [
        { type: 'build-start' },
        { type: 'step-start', step: 0 },
        { type: 'step-done', step: 0 },
        { type: 'step-start', step: 1 },
        { type: 'step-done', step: 1 },
        { type: 'step-start', step: 2 },
        { type: 'step-done', step: 2 },
        { type: 'build-done' },
      ] as unknown as BuildEvent[],
    } as BuildView;
    expect(stepEnd(numbered, 0)).toBe(3);
    expect(stepEnd(numbered, 2)).toBe(8);
    expect(stepEnd(numbered, 7)).toBeUndefined();
    // At the end, resting on step 1: Back goes to step 0, Step to step 2.
    expect(stepBack(numbered, countFrom(numbered, 8, 1))).toBe(3);
    expect(stepForward(numbered, countFrom(numbered, 8, 1))).toBe(8);
    expect(countFrom(numbered, 8, undefined)).toBe(8);
    expect(countFrom(numbered, 8, 7)).toBe(8);
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
