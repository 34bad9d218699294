/**
 * The messages between the page and the engine's worker. A request names a LabSession method
 * and its arguments; the worker answers each with one reply carrying the result (a build's
 * reply holds the build and the engine's images and containers after it: one round trip).
 * After a request that changed the engine, the worker also sends what changed in its saved
 * state (`saved`: new layers and the small rest), so a cancelled (terminated) worker can be
 * restarted where it was; the page never waits for it.
 */
import type { ContextFile } from '../build/context.ts';
import type { EngineState } from '../daemon/persist.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { PackedDelta } from './packed.ts';
import type { GolfScore } from '../lessons/golf.ts';
import type { LessonPar } from '../lessons/par.ts';
import type { Lab } from '../lessons/run.ts';
import type { Check, Goal, Lesson } from '../lessons/types.ts';
import type { LessonReplay } from '../lessons/replay.ts';
import type { InteractiveShell, ShellLineResult } from './interactive.ts';
import type { GoalResult, LessonSolved, LessonStarted } from './lessons.ts';
import type { FileContent } from './session.ts';
import type { ReadProgress } from './brought.ts';
import type {
  BuildInput,
  BuildResult,
  CommandView,
  EngineView,
  FileRow,
  ImageView,
  LayerEntries,
  UnionView,
} from './types.ts';

export interface EngineMethods {
  /**
   * Loads what a build of this lab will need (base images, package lists) ahead of the click,
   * so the Build button's round trip is the build alone. Changes nothing in the engine.
   */
  warm(lab: Pick<BuildInput, 'dockerfile' | 'files'>): void;
  build(input: BuildInput): BuildResult;
  command(
    line: string,
    files: readonly ContextFile[],
    dockerfile: string,
  ): CommandView & { written: { path: string; data: Uint8Array }[] };
  view(): EngineView;
  /** A file picked or dropped on the page, for `docker load -i NAME` (changes no state). */
  bring(name: string, data: Blob | Uint8Array): void;
  /** A line typed in the interactive shell the terminal is attached to. */
  shellLine(shell: InteractiveShell, line: string): ShellLineResult & { engine: EngineView };
  /** The terminal leaves the shell without `exit` (Ctrl+D): a `run -it` container stops. */
  shellClose(shell: InteractiveShell): EngineView;
  fileContent(
    where: { image: string; upTo?: number } | { container: string },
    path: string,
  ): FileContent;
  image(ref: string): ImageView | undefined;
  files(image: string, upTo: number): FileRow[];
  layerEntries(image: string, index: number): LayerEntries;
  union(image: string, container?: string): UnionView | undefined;
  load(state: EngineState): void;
  /**
   * Runs the daemon with this image store (the lab's setting): the other store's images and
   * containers are hidden until it is chosen again, as Docker does.
   */
  setStore(store: ImageStoreKind): EngineView;
  /** The daemon's experimental mode on or off (the lesson builder's start state). */
  setExperimental(on: boolean): void;
  /** Resets the engine into the lesson's start state and empties the learner's activity. */
  lessonStart(lesson: Lesson): LessonStarted;
  lessonGoals(goals: readonly Goal[]): GoalResult[];
  lessonSolution(lesson: Lesson, lab: Lab): LessonSolved;
  lessonScore(lesson: Lesson): GolfScore | undefined;
  lessonPar(lesson: Lesson): LessonPar | undefined;
  /** The lab's states a lesson goal can be written from (changes nothing). */
  lessonCandidates(): Check[];
  /** A lesson replayed in a fresh session, as the course's tests replay theirs (changes nothing). */
  lessonReplay(lesson: Lesson): LessonReplay;
}

export type MethodName = keyof EngineMethods;

export interface Request<M extends MethodName = MethodName> {
  id: number;
  method: M;
  args: Parameters<EngineMethods[M]>;
}

/** The one answer to a request. */
export type Reply =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };

/** What changed in the engine's saved state, sent after a reply that changed it. */
export interface Saved {
  kind: 'saved';
  delta: PackedDelta;
}

/** How far the running command has read a file the learner brought (sent while it reads). */
export interface Progress extends ReadProgress {
  kind: 'progress';
}

/** Everything the worker sends the page. */
export type FromWorker = Reply | Saved | Progress;

/** Methods that change the engine (a `saved` message follows their reply). */
export const MUTATING: ReadonlySet<MethodName> = new Set([
  'build',
  'command',
  'shellLine',
  'shellClose',
  'load',
  'setStore',
  'setExperimental',
  'lessonStart',
  'lessonSolution',
]);
