/**
 * A lesson of the course, as parsed from its Markdown file: where the lab starts, the steps a
 * learner reads, the goals the engine checks, hints, and a solution that meets every goal.
 */
import type { BuilderKind, StepOutcome } from '../build/events.ts';
import type { ImageStoreKind } from '../images/stores.ts';

/** A context file of the lab: text, with permission bits when they matter. */
export interface LessonFile {
  content: string;
  /** Permission bits (0o644 when absent). */
  mode?: number;
}

export interface LabState {
  dockerfile: string;
  files: Record<string, LessonFile>;
}

export interface LessonStart extends LabState {
  /** Docker commands run before the learner starts (builds, runs...). */
  commands: string[];
  /** The lab's daemon: `experimental` mode (what `docker build --squash` needs). */
  daemon: { experimental: boolean };
  /**
   * The image store the lesson runs the daemon with (`containerd`, Docker 29's default, or
   * `overlay2`); absent: the store the learner's lab is set to.
   */
  store?: ImageStoreKind;
}

/**
 * The Build button's settings while the lesson is open: what its goals expect, so that the
 * button and `docker build` in the terminal reach the same state.
 */
export interface LessonBuildSettings {
  tag: string;
  builder: BuilderKind;
  noCache: boolean;
  buildArgs: Record<string, string>;
}

export interface LessonSolution {
  /** The Dockerfile to put in the editor, when the solution changes it. */
  dockerfile?: string;
  /** Files to write (or overwrite) in the lab, when the solution changes them. */
  files?: Record<string, LessonFile>;
  commands: string[];
}

export interface PredictQuestion {
  question: string;
  choices: string[];
  /** Index into `choices`. */
  answer: number;
  /** Shown once the learner has answered (Markdown). */
  explain: string;
}

/** A belief the explainers spread, shown busted: what people say, what is true, and a way to see it. */
export interface Myth {
  myth: string;
  /** What is true (Markdown). */
  fact: string;
  /** Docker commands that show it in the lab (the step's "Show me"). */
  commands: string[];
}

export interface LessonStep {
  /** The `## ` heading the step starts with. */
  title: string;
  /** The step's prose (Markdown), with demo and predict blocks taken out. */
  text: string;
  demo?: { commands: string[] };
  predict?: PredictQuestion;
  myth?: Myth;
  /** Prose after the predict block: shown once the question is answered (Markdown). */
  reveal?: string;
}

/** A number to compare with: exactly, at least, at most (any of them). */
export interface Count {
  count?: number;
  atLeast?: number;
  atMost?: number;
}

/** Goal checks: declarative data evaluated over a LabSession and what the learner did. */
export interface CheckArgs {
  imageTagged: string;
  imageNotTagged: string;
  sameImage: string[];
  danglingImages: Count;
  intermediateImages: Count;
  imageUnder: { ref: string; bytes: number };
  imageSmallerThan: { ref: string; than: string };
  historyLayers: { ref: string } & Count;
  fileInImage: { ref: string; path: string; contains?: string };
  fileNotInImage: { ref: string; path: string };
  wastedUnder: { ref: string; bytes: number };
  sharedLayers: { refs: string[] } & Count;
  imageEnv: { ref: string; name: string; value?: string };
  containerExists: { name: string; image?: string };
  containersFromImage: { image: string } & Count;
  containerHasInUpper: { name: string; path: string; change?: 'A' | 'C' | 'D' };
  containerLacksInUpper: { name: string; path: string };
  builtStep: { ref: string; match: string; outcome: StepOutcome };
  builtCached: { ref: string } & Count;
  builtRebuilt: { ref: string } & Count;
  imageBuilder: { ref: string; builder: BuilderKind };
  editRebuilds: { ref: string; file: string; atMost: number };
  imageConfig: { ref: string; key: string; contains?: string; equals?: unknown };
  layerEntry: { ref: string; path: string; kind: 'whiteout' | 'opaque' };
  containersFromIntermediate: Count;
  buildCacheEntries: Count;
  lastBuildCachedAtLeast: number;
  lastBuildRebuiltAtMost: number;
  lastBuildStep: { match: string; outcome: StepOutcome };
  lastBuildBuilder: BuilderKind;
  commandRan: string;
  outputContains: { command: string; text: string };
  editRebuildsAtMost: { file: string; steps: number };
  pushed: string;
  pushedDigests: { ref: string } & Count;
  digestPinned: { ref: string };
  storeImage: { store: ImageStoreKind; ref: string };
}

export type CheckName = keyof CheckArgs;

/** One check: its name and arguments (`{ imageTagged: 'app:1' }` in the lesson file). */
export type Check = { [K in CheckName]: { name: K; args: CheckArgs[K] } }[CheckName];

export interface Goal {
  text: string;
  check: Check;
  /**
   * The goal gives a prediction's answer away: its text stays hidden until the predict question
   * of this step (0-based) is answered. (1-based `hiddenUntilAnswered` in the lesson file.)
   */
  hiddenUntil?: number;
}

/** The final challenge's scoring: the learner's image against the reference solution's. */
export interface Golf {
  /** The image the learner builds. */
  ref: string;
}

export interface Lesson {
  /** Where it was loaded from (`lessons/04-cache.md`). */
  file: string;
  id: string;
  title: string;
  summary: string;
  /** Prose before the first step (Markdown). */
  intro: string;
  start: LessonStart;
  steps: LessonStep[];
  goals: Goal[];
  hints: string[];
  solution: LessonSolution;
  /** The Build button's settings: the file's `build`, over what the solution's builds use. */
  build: LessonBuildSettings;
  /** A review: a task with no walk-through, after a group of lessons. */
  review: boolean;
  golf?: Golf;
}

/** A problem with a lesson file: `lessons/04-cache.md:12: goals[2].check: unknown check ...`. */
export interface LessonError {
  file: string;
  /** The 1-based line of the file the problem is on, when there is one. */
  line?: number;
  /** The field, as a path: `goals[2].check`; empty for the file as a whole. */
  field: string;
  reason: string;
}

export const formatLessonError = (e: LessonError): string =>
  `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.reason}`;
