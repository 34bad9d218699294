/**
 * The messages between the page and the engine's worker: a request names a LabSession method
 * and its arguments; the reply carries the result or an error in words, plus the engine's
 * saved state so a cancelled (terminated) worker can be restarted where it was.
 */
import type { ContextFile } from '../build/context.ts';
import type { EngineState } from '../daemon/persist.ts';
import type { GolfScore } from '../lessons/golf.ts';
import type { Lab } from '../lessons/run.ts';
import type { Goal, Lesson } from '../lessons/types.ts';
import type { GoalResult, LessonSolved, LessonStarted } from './lessons.ts';
import type { FileContent } from './session.ts';
import type { BuildInput, BuildView, CommandView, EngineView, FileRow } from './types.ts';

export interface EngineMethods {
  build(input: BuildInput): BuildView;
  command(
    line: string,
    files: readonly ContextFile[],
    dockerfile: string,
  ): CommandView & { written: { path: string; data: Uint8Array }[] };
  view(): EngineView;
  fileContent(
    where: { image: string; upTo?: number } | { container: string },
    path: string,
  ): FileContent;
  files(image: string, upTo: number): FileRow[];
  load(state: EngineState): void;
  /** Resets the engine into the lesson's start state and empties the learner's activity. */
  lessonStart(lesson: Lesson): LessonStarted;
  lessonGoals(goals: readonly Goal[]): GoalResult[];
  lessonSolution(lesson: Lesson, lab: Lab): LessonSolved;
  lessonScore(lesson: Lesson): GolfScore | undefined;
}

export type MethodName = keyof EngineMethods;

export interface Request<M extends MethodName = MethodName> {
  id: number;
  method: M;
  args: Parameters<EngineMethods[M]>;
}

export type Reply =
  | { id: number; ok: true; result: unknown; state: EngineState | undefined }
  | { id: number; ok: false; error: string };

/** Methods that change the engine (the reply carries the new saved state). */
export const MUTATING: ReadonlySet<MethodName> = new Set([
  'build',
  'command',
  'load',
  'lessonStart',
  'lessonSolution',
]);
