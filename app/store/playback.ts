/**
 * Playback over the builds the lab keeps, as pure functions the store's actions call (no
 * zustand, no React): which build is shown, where a step starts and ends, where Step, Back,
 * Play and a seek put the cursor, and how many builds are kept. The panels read the shown build
 * through `shownBuild`; progress.ts says what each step looks like at the cursor.
 */
import type { BuilderKind } from '../engine/build/events.ts';
import type { BuildView } from '../engine/session/types.ts';
import type { WorkspaceFile } from './workspaceSlice.ts';

export interface BuildRecord {
  /** 1, 2, 3 ... in this session. */
  number: number;
  builder: BuilderKind;
  noCache: boolean;
  /** Where it came from: the Build button or a `docker build` typed in the terminal. */
  origin: 'button' | 'terminal';
  view: BuildView;
  /** What it was built from: the editor's Dockerfile and context files at the time. */
  source: BuildSource;
}

export interface BuildSource {
  dockerfile: string;
  files: readonly WorkspaceFile[];
}

/** What playback reads of the lab's state. */
export interface Playback {
  builds: readonly BuildRecord[];
  /** Index into `builds` of the build the panels show. */
  shownBuild: number | undefined;
  /** How many of the shown build's events have happened. */
  cursor: number;
}

/** Builds kept: enough to compare, bounded in memory. */
export const KEPT_BUILDS = 20;

/**
 * The build the panels show, if any.
 *
 * @example
 * shownBuild({ builds: [b1, b2], shownBuild: 1, cursor: 0 }); // b2
 */
export function shownBuild(s: Pick<Playback, 'builds' | 'shownBuild'>): BuildRecord | undefined {
  return s.shownBuild === undefined ? undefined : s.builds[s.shownBuild];
}

/**
 * Events that end a step: Step moves from one to the next. The last step ends with the build
 * (its total shown at once), so Back from the end goes to the step before it in one press.
 */
export function stepBoundaries(view: BuildView): number[] {
  const out: number[] = [];
  const events = view.events;
  events.forEach((e, i) => {
    const last = events[i + 1]?.type === 'build-done';
    if (((e.type === 'step-done' || e.type === 'error') && !last) || e.type === 'build-done')
      out.push(i + 1);
  });
  return out;
}

/** The cursor after Step: the end of the next step (the build's end at most). */
export function stepForward(view: BuildView, cursor: number): number {
  return stepBoundaries(view).find((c) => c > cursor) ?? view.events.length;
}

/** The cursor after Back: the end of the step before (the start at least). */
export function stepBack(view: BuildView, cursor: number): number {
  return [0, ...stepBoundaries(view)].filter((c) => c < cursor).pop() ?? 0;
}

/**
 * The cursor at the end of a step (the build's end for the last one, as `stepBoundaries` has
 * it), or undefined when the build has no end for it (a step never reached).
 */
export function stepEnd(view: BuildView, step: number): number | undefined {
  const events = view.events;
  const at = events.findIndex(
    (e) => (e.type === 'step-done' || e.type === 'error') && e.step === step,
  );
  if (at < 0) return undefined;
  return events[at + 1]?.type === 'build-done' ? events.length : at + 1;
}

/**
 * Where Step and Back count from: right after a build the view rests on one step (progress.ts
 * restingStep) while the cursor is at the end, and the learner moves from the step they see.
 *
 * @example
 * stepForward(view, countFrom(view, cursor, 2)); // the end of step 3 (index 3), from step index 2
 */
export function countFrom(view: BuildView, cursor: number, resting: number | undefined): number {
  return resting === undefined ? cursor : (stepEnd(view, resting) ?? cursor);
}

/** A cursor within the build's events. */
export function clampCursor(view: BuildView, cursor: number): number {
  return Math.max(0, Math.min(cursor, view.events.length));
}

/** Where Play starts: where the cursor is, or the beginning once the build has played. */
export function playFrom(view: BuildView, cursor: number): number {
  return cursor >= view.events.length ? 0 : cursor;
}

/** The builds kept after a new one: the last `KEPT_BUILDS`, the new one last. */
export function keepBuild(builds: readonly BuildRecord[], record: BuildRecord): BuildRecord[] {
  return [...builds, record].slice(-KEPT_BUILDS);
}
