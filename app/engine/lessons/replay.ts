/**
 * A lesson replayed as the course's tests replay it: a fresh session in its start state, the
 * goals checked (they must not all hold before the learner does anything), its solution
 * played, the goals checked again. The same replay holds the course's lessons and a teacher's.
 */
import type { LabSession } from '../session/session.ts';
import { evaluateGoals } from './checks.ts';
import { applySolution, applyStart, type CommandFailure } from './run.ts';
import type { Lesson } from './types.ts';

export interface LessonReplay {
  /** Start commands that failed: the start state cannot be reached. */
  startFailures: CommandFailure[];
  /** Every goal holds before the learner does anything: there is nothing to do. */
  metAtStart: boolean;
  /** Solution commands that failed. */
  solutionFailures: CommandFailure[];
  /** Goals the solution leaves unmet, by index, with what the lab shows instead. */
  unmet: { index: number; detail: string }[];
}

/**
 * Replay a lesson in `session` (a fresh one): start, goals, solution, goals.
 * @example replayLesson(session.fresh(), lesson).unmet // [] when the solution meets every goal
 */
export function replayLesson(session: LabSession, lesson: Lesson): LessonReplay {
  const started = applyStart(session, lesson);
  const before = evaluateGoals(lesson.goals, session, started.activity);
  const solved = applySolution(session, started.activity, started.lab, lesson);
  const after = evaluateGoals(lesson.goals, session, started.activity);
  return {
    startFailures: started.failures,
    metAtStart: before.every((g) => g.met),
    solutionFailures: solved.failures,
    unmet: after.flatMap((g, index) => (g.met ? [] : [{ index, detail: g.detail }])),
  };
}
