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

export interface LessonPar {
  goal: ImageState;
  /** The learner's image of the same name, or undefined before they have one. */
  yours: ImageState | undefined;
}

/**
 * The image a lesson is about: the golf image, or the Build button's tag when the solution
 * builds it. Lessons that build nothing have no goal image.
 */
export function parRef(lesson: Lesson): string | undefined {
  if (lesson.golf) return lesson.golf.ref;
  const tag = lesson.build.tag;
  const builds = lesson.solution.commands.some(
    (c) => /^docker\s+(image\s+|buildx\s+)?build\s/.test(c) && c.includes(tag),
  );
  return builds ? tag : undefined;
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
  const started = applyStart(fresh, lesson);
  const activity = newActivity();
  const solved = applySolution(fresh, activity, started.lab, lesson);
  if (started.failures.length > 0 || solved.failures.length > 0) return undefined;
  return imageState(fresh, activity, ref);
}
