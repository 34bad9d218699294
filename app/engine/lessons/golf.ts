/**
 * The final challenge's score: the learner's image size against the reference solution's,
 * measured by replaying the solution on a fresh session. 100 is par; more is better.
 */
import type { LabSession } from '../session/session.ts';
import { newActivity } from './activity.ts';
import { applySolution, applyStart } from './run.ts';
import type { Lesson } from './types.ts';

const sizeOf = (session: LabSession, ref: string): number | undefined => {
  const img = session.engine.images.find(ref);
  return img ? img.layers.reduce((n, l) => n + l.stats.size, 0) : undefined;
};

/**
 * The reference solution's image size, replayed in `session` (a fresh one), or undefined when
 * the lesson is no golf or its solution fails.
 */
export function referenceSize(lesson: Lesson, session: LabSession): number | undefined {
  if (!lesson.golf) return undefined;
  const started = applyStart(session, lesson);
  const solved = applySolution(session, newActivity(), started.lab, lesson);
  if (started.failures.length > 0 || solved.failures.length > 0) return undefined;
  return sizeOf(session, lesson.golf.ref);
}

export interface GolfScore {
  bytes: number;
  par: number;
  /** 100 × par / bytes, rounded: 100 matches the reference, above beats it. */
  score: number;
}

/** Score the learner's image, or undefined when it is not built yet. */
export function golfScore(lesson: Lesson, session: LabSession, par: number): GolfScore | undefined {
  if (!lesson.golf) return undefined;
  const bytes = sizeOf(session, lesson.golf.ref);
  if (bytes === undefined || bytes <= 0) return undefined;
  return { bytes, par, score: Math.round((100 * par) / bytes) };
}
