/**
 * A lesson in the lab's session: start it (a fresh engine in the lesson's start state, the
 * learner's activity emptied), check its goals over what the learner did since, and play its
 * solution the way a learner would. Lessons and results are plain data: they cross to and
 * from the engine's worker by structured clone.
 */
import { evaluateGoals } from '../lessons/checks.ts';
import { golfScore, referenceSize, type GolfScore } from '../lessons/golf.ts';
import {
  containerStates,
  goalContainerStates,
  goalState,
  imageState,
  parRef,
  type ContainerState,
  type ImageState,
  type LessonPar,
} from '../lessons/par.ts';
import { applyStart, editLab, runLine, type CommandFailure, type Lab } from '../lessons/run.ts';
import type { Goal, Lesson } from '../lessons/types.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { LabSession, SessionOptions } from './session.ts';
import type { BuildView, EngineView } from './types.ts';

export interface LessonStarted {
  /** The Dockerfile and context files the editor starts from. */
  lab: Lab;
  /** Start commands that failed (a broken lesson): reported, never thrown. */
  failures: CommandFailure[];
  /** The last build the start commands ran, for the layer panels to show. */
  build: BuildView | undefined;
  engine: EngineView;
  /** The image store the lesson runs with (its start state's, else the one in use). */
  store: ImageStoreKind;
}

export interface GoalResult {
  met: boolean;
  /** What the lab shows now, in a sentence. */
  detail: string;
}

/** One command of the solution as the terminal shows it. */
export interface SolutionCommand {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  build: BuildView | undefined;
}

export interface LessonSolved {
  lab: Lab;
  commands: SolutionCommand[];
  failures: CommandFailure[];
  engine: EngineView;
}

/** Reset the session and put it in the lesson's start state; the activity starts empty. */
export function startLesson(session: LabSession, lesson: Lesson): LessonStarted {
  session.reset(lesson.start.store);
  const started = applyStart(session, lesson);
  const build = session.activity.lastBuild?.view;
  session.activity = started.activity;
  return {
    lab: started.lab,
    failures: started.failures,
    build,
    engine: session.view(),
    store: session.store,
  };
}

/** Each goal, met or not, with what the lab shows now (in the goals' order). */
export function checkGoals(session: LabSession, goals: readonly Goal[]): GoalResult[] {
  return evaluateGoals(goals, session, session.activity).map(({ met, detail }) => ({
    met,
    detail,
  }));
}

/** Apply the solution on top of the learner's lab: its edits, then its commands, recorded. */
export function solveLesson(session: LabSession, lesson: Lesson, lab: Lab): LessonSolved {
  let now = editLab(lab, lesson.solution);
  const commands: SolutionCommand[] = [];
  const failures: CommandFailure[] = [];
  for (const line of lesson.solution.commands) {
    const ran = runLine(session, session.activity, now, line);
    now = ran.lab;
    commands.push({ ...ran.result, line: ran.line });
    if (ran.result.exitCode !== 0)
      failures.push({ line: ran.line, exitCode: ran.result.exitCode, stderr: ran.result.stderr });
  }
  return { lab: now, commands, failures, engine: session.view() };
}

/** The reference solution's size per lesson id: replaying it costs a whole build. */
const pars = new WeakMap<SessionOptions, Map<string, number | undefined>>();

/** The golf score of the learner's image, or undefined (no golf lesson, or nothing built). */
export function scoreLesson(
  session: LabSession,
  opts: SessionOptions,
  lesson: Lesson,
): GolfScore | undefined {
  if (!lesson.golf) return undefined;
  let known = pars.get(opts);
  if (!known) pars.set(opts, (known = new Map()));
  if (!known.has(lesson.id)) known.set(lesson.id, referenceSize(lesson, session.fresh()));
  const par = known.get(lesson.id);
  return par === undefined ? undefined : golfScore(lesson, session, par);
}

/** The goal state per lesson (its start, solution and settings): replaying costs builds. */
const goals = new WeakMap<SessionOptions, Map<string, ImageState | ContainerState[] | undefined>>();

/**
 * The lesson's par and goal state beside the learner's: the image it builds (with the par), or
 * for a lesson that builds none, the containers its goals name. Undefined when it has neither
 * or its solution does not replay.
 */
export function parLesson(
  session: LabSession,
  opts: SessionOptions,
  lesson: Lesson,
): LessonPar | undefined {
  const ref = parRef(lesson);
  let known = goals.get(opts);
  if (!known) goals.set(opts, (known = new Map()));
  const key = JSON.stringify([lesson.id, lesson.start, lesson.solution, lesson.build, lesson.golf]);
  if (!known.has(key))
    known.set(
      key,
      ref ? goalState(lesson, session.fresh()) : goalContainerStates(lesson, session.fresh()),
    );
  const goal = known.get(key);
  if (!goal) return undefined;
  if (Array.isArray(goal))
    return {
      kind: 'containers',
      goal,
      yours: containerStates(
        session,
        goal.map((c) => c.name),
      ),
    };
  return { kind: 'image', goal, yours: imageState(session, session.activity, ref!) };
}
