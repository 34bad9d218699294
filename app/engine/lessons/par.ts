/**
 * A lesson's par and goal state: the image its reference solution makes (its history, as
 * `docker history` lists it, bottom first), with the figures a learner can compare with their
 * own: steps the build that made it rebuilt, the image's bytes, and the bytes later layers hide
 * or delete. The goal side comes from replaying the solution on a fresh session; the learner's
 * side from the lab as it is.
 */
import { analyzeEfficiency } from '../analysis/efficiency.ts';
import type { LabSession } from '../session/session.ts';
import { buildThatMade, newActivity, type Activity } from './activity.ts';
import { normalizeCommand } from './checkText.ts';
import { applySolution, applyStart } from './run.ts';
import type { Lesson } from './types.ts';

/** One line of an image's history. */
export interface HistoryRow {
  createdBy: string;
  /** Bytes of the layer it made; 0 for a line that made none. */
  size: number;
  /** The line made no layer (ENV, CMD, ...). */
  empty: boolean;
}

/** An image as the goal-state panel shows it. */
export interface ImageState {
  ref: string;
  /** Oldest first: the base at index 0. */
  history: HistoryRow[];
  layers: number;
  bytes: number;
  /** Bytes of files that later layers hide or delete (dive's wasted space). */
  wasted: number;
  /** Steps the build that made it rebuilt; undefined when no build since the lesson made it. */
  rebuilt: number | undefined;
}

export interface ImagePar {
  kind: 'image';
  goal: ImageState;
  /** The learner's image of the same name, or undefined before they have one. */
  yours: ImageState | undefined;
}

/** A container as the goal-state panel shows it: its writable layer, as `docker diff` lists it. */
export interface ContainerState {
  name: string;
  /** The image as the container was started from it (`app:1`). */
  image: string;
  changes: { kind: 'A' | 'C' | 'D'; path: string }[];
}

/**
 * A lesson about containers (it builds no image of its own): the containers its goals name,
 * after the solution, beside the learner's containers of those names (undefined: none yet).
 */
export interface ContainersPar {
  kind: 'containers';
  goal: ContainerState[];
  yours: (ContainerState | undefined)[];
}

export type LessonPar = ImagePar | ContainersPar;

/**
 * The image a lesson is about: the golf image, or the Build button's tag when the solution
 * builds it. Lessons that build nothing have no goal image.
 */
export function parRef(lesson: Lesson): string | undefined {
  if (lesson.golf) return lesson.golf.ref;
  const tag = lesson.build.tag;
  const builds = lesson.solution.commands.some(
    (c) => /^docker\s+(image\s+|buildx\s+)?build\s/.test(normalizeCommand(c)) && c.includes(tag),
  );
  return builds ? tag : undefined;
}

/** The containers a lesson's goals name (`web`, `other`), in the order the goals name them. */
export function goalContainers(lesson: Lesson): string[] {
  const names = lesson.goals.flatMap(({ check }) =>
    check.name === 'containerExists' ||
    check.name === 'containerHasInUpper' ||
    check.name === 'containerLacksInUpper'
      ? [check.args.name]
      : [],
  );
  return [...new Set(names)];
}

/** The containers of `names` in `session`, as the panel shows them (undefined: no such one). */
export function containerStates(
  session: LabSession,
  names: readonly string[],
): (ContainerState | undefined)[] {
  const all = session.view().containers;
  return names.map((name) => {
    const c = all.find((x) => x.name === name);
    return c && { name, image: c.image, changes: c.changes };
  });
}

/** The image `ref` names in `session`, as the panel shows it; undefined when there is none. */
export function imageState(
  session: LabSession,
  activity: Activity,
  ref: string,
): ImageState | undefined {
  const img = session.engine.images.find(ref);
  if (!img) return undefined;
  let layer = 0;
  const history = img.history.map((h) => {
    const at = h.empty_layer ? undefined : img.layers[layer++];
    return {
      createdBy: (h.created_by ?? '').replace(/\t/g, ' '),
      size: at ? at.stats.size : 0,
      empty: h.empty_layer === true,
    };
  });
  const made = buildThatMade(activity, img.id);
  return {
    ref,
    history,
    layers: img.layers.length,
    bytes: img.layers.reduce((n, l) => n + l.stats.size, 0),
    wasted: analyzeEfficiency(img.layers).wastedBytes,
    rebuilt: made ? made.steps.filter((s) => s.outcome === 'built').length : undefined,
  };
}

/**
 * The goal state: the lesson's start and solution replayed in `fresh` (an empty session), the
 * goal image as it stands then. Undefined when the lesson has no goal image or the replay fails.
 * @example goalState(lesson, session.fresh())?.history.length // 7
 */
export function goalState(lesson: Lesson, fresh: LabSession): ImageState | undefined {
  const ref = parRef(lesson);
  if (!ref) return undefined;
  const activity = solvedIn(lesson, fresh);
  return activity && imageState(fresh, activity, ref);
}

/**
 * The goal containers: the lesson's start and solution replayed in `fresh`, the containers its
 * goals name as they stand then. Undefined when the goals name none or the replay fails.
 */
export function goalContainerStates(
  lesson: Lesson,
  fresh: LabSession,
): ContainerState[] | undefined {
  const names = goalContainers(lesson);
  if (names.length === 0 || !solvedIn(lesson, fresh)) return undefined;
  const states = containerStates(fresh, names);
  return states.every((c) => c !== undefined) ? (states as ContainerState[]) : undefined;
}

/** Replay the start and the solution; the solution's activity, or undefined if a line failed. */
function solvedIn(lesson: Lesson, fresh: LabSession): Activity | undefined {
  const started = applyStart(fresh, lesson);
  const activity = newActivity();
  const solved = applySolution(fresh, activity, started.lab, lesson);
  return started.failures.length > 0 || solved.failures.length > 0 ? undefined : activity;
}
