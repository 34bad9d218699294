/**
 * The course in the lab: the lessons (loaded from lessons/*.md when first needed), the lesson
 * open beside the lab and its step, the goals as the engine last checked them, hints shown,
 * predict answers, and each lesson's progress, kept in localStorage and exportable as JSON.
 * Goals are checked in the engine's worker, over what the learner did since the lesson started.
 */
import type { StateCreator } from 'zustand';
import type { SourceFile } from '../engine/lessons/index.ts';
import type { Lesson } from '../engine/lessons/types.ts';
import type { GolfScore } from '../engine/lessons/golf.ts';
import type { LessonPar } from '../engine/lessons/par.ts';
import type { GoalResult } from '../engine/session/lessons.ts';
import { bundledLessonFiles } from './lessonFiles.ts';
import {
  emptyProgress,
  readProgress,
  PROGRESS_STORAGE_KEY,
  type LessonProgress,
} from './lessonProgress.ts';
import type { LabState } from './state.ts';
import { contextOf, workspaceOf } from './workspaceSlice.ts';
import { builderOf } from './terminalSlice.ts';

export { PROGRESS_STORAGE_KEY, restoreProgress, type LessonProgress } from './lessonProgress.ts';
export { bundledLessonFiles } from './lessonFiles.ts';

// The lesson loader and its schema are needed only once a lesson is opened: their own chunk.
const lessonCode = () => import('../engine/lessons/index.ts');

export interface CourseState {
  lessons: Lesson[];
  /** Problems with lesson files, as `file:line: field: reason` sentences. */
  errors: string[];
}

export type LessonStatus =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'solving' }
  | { kind: 'failed'; message: string };

export interface LessonSlice {
  course: CourseState | undefined;
  courseStatus: 'idle' | 'loading' | 'ready' | 'failed';
  /** The lesson open beside the lab: one of the course, or a lesson file being previewed. */
  lesson: Lesson | undefined;
  /** A previewed lesson is not part of the course: its progress is not kept. */
  lessonPreview: boolean;
  lessonStep: number;
  lessonStatus: LessonStatus;
  /** One per goal, in order; undefined until the engine has checked them. */
  goalResults: GoalResult[] | undefined;
  /** One per goal: met at some check since the lesson started (met once and not any more: the
   *  learner undid it, and the checklist says what changed). */
  goalsWereMet: boolean[];
  golf: GolfScore | undefined;
  /** The solution's image beside the learner's, with the par; undefined when there is none. */
  par: LessonPar | undefined;
  progress: Record<string, LessonProgress>;
  /** Whether the course map is open. */
  courseOpen: boolean;
  loadCourse: () => Promise<CourseState>;
  setCourseOpen: (open: boolean) => void;
  /** Opens a lesson of the course and puts the lab in its start state. */
  openLesson: (id: string, step?: number) => Promise<void>;
  /** Shows a lesson that is not part of the course (a file being previewed), in its start state. */
  showPreview: (lesson: Lesson) => Promise<void>;
  closeLesson: () => void;
  setLessonStep: (step: number) => void;
  showHint: () => void;
  answerPredict: (step: number, choice: number) => void;
  /** Asks the engine which goals are met; marks the lesson done when all are. */
  checkGoals: () => Promise<void>;
  showSolution: () => Promise<void>;
  /** Back to the lesson's start state (its progress marks stay). */
  resetLesson: () => Promise<void>;
  /** The progress as a JSON document, for download. */
  exportProgress: () => string;
}

/** The Build button's settings as they were before a lesson set its own, for when it closes. */
type ButtonSettings = Pick<LabState, 'tag' | 'builder' | 'noCache' | 'buildArgs'>;

export interface LessonSliceOptions {
  /** Where progress is kept; undefined keeps it in memory only. */
  storage: Storage | undefined;
  /** The lesson files (tests pass their own). */
  files?: () => Promise<SourceFile[]>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createLessonSlice =
  (options: LessonSliceOptions): StateCreator<LabState, [], [], LessonSlice> =>
  (set, get) => {
    const files = options.files ?? bundledLessonFiles;
    // Goal checks answer out of order when the learner is quick: only the latest one counts.
    let checkToken = 0;
    // The learner's own Build button settings while a lesson has set the lesson's.
    let ownSettings: ButtonSettings | undefined;

    const save = (progress: Record<string, LessonProgress>) => {
      try {
        options.storage?.setItem(
          PROGRESS_STORAGE_KEY,
          JSON.stringify({ version: 1, lessons: progress }),
        );
      } catch {
        // Full or blocked storage: progress stays for this visit.
      }
    };
    /** Changes the open lesson's progress (course lessons only). */
    const update = (patch: (p: LessonProgress) => Partial<LessonProgress>) => {
      const { lesson, lessonPreview, progress } = get();
      if (!lesson || lessonPreview) return;
      const old = progress[lesson.id] ?? emptyProgress();
      const next = { ...progress, [lesson.id]: { ...old, ...patch(old) } };
      set({ progress: next });
      save(next);
    };

    /** A fresh engine in the lesson's start state, and the lab's editor, builds and terminal to match. */
    const start = async (lesson: Lesson) => {
      const token = ++checkToken;
      set({
        lessonStatus: { kind: 'starting' },
        goalResults: undefined,
        golf: undefined,
        par: undefined,
      });
      try {
        const started = await get().engine().lessonStart(lesson);
        if (token !== checkToken) return;
        get().loadWorkspace(started.lab.dockerfile, workspaceOf(started.lab.files));
        // The Build button builds what the lesson's goals expect (its tag, builder, arguments),
        // so the button and the terminal are two routes to the same state.
        const s = get();
        ownSettings ??= {
          tag: s.tag,
          builder: s.builder,
          noCache: s.noCache,
          buildArgs: s.buildArgs,
        };
        set({
          builds: [],
          shownBuild: undefined,
          cursor: 0,
          playing: false,
          selectedStep: undefined,
          tag: lesson.build.tag,
          builder: lesson.build.builder,
          noCache: lesson.build.noCache,
          buildArgs: Object.entries(lesson.build.buildArgs).map(([name, value]) => ({
            name,
            value,
          })),
          goalsWereMet: lesson.goals.map(() => false),
        });
        // A lesson starts with a clean terminal.
        get().restartTerminal();
        // The lesson's own start build shows in the layer panels, already played.
        if (started.build) {
          get().addBuild(started.build, 'terminal');
          set({ cursor: started.build.events.length, playing: false });
        }
        set({
          engineView: started.engine,
          // A lesson may name the image store it runs with; the lab's setting follows it.
          imageStore: started.store,
          lessonStatus:
            started.failures.length > 0
              ? {
                  kind: 'failed',
                  message: `The lesson's start commands failed: ${started.failures
                    .map((f) => `${f.line}: ${f.stderr.trim()}`)
                    .join('; ')}`,
                }
              : { kind: 'idle' },
        });
        await get().checkGoals();
      } catch (e) {
        set({ lessonStatus: { kind: 'failed', message: message(e) } });
      }
    };

    return {
      course: undefined,
      courseStatus: 'idle',
      lesson: undefined,
      lessonPreview: false,
      lessonStep: 0,
      lessonStatus: { kind: 'idle' },
      goalResults: undefined,
      goalsWereMet: [],
      golf: undefined,
      par: undefined,
      progress: readProgress(options.storage),
      courseOpen: false,

      loadCourse: async () => {
        const have = get().course;
        if (have) return have;
        set({ courseStatus: 'loading' });
        try {
          const { loadCourse, formatLessonError } = await lessonCode();
          const c = loadCourse(await files());
          const course = { lessons: c.lessons, errors: c.errors.map(formatLessonError) };
          set({ course, courseStatus: 'ready' });
          return course;
        } catch (e) {
          const course = {
            lessons: [],
            errors: [`The lessons could not be loaded: ${message(e)}`],
          };
          set({ course, courseStatus: 'failed' });
          return course;
        }
      },

      setCourseOpen: (courseOpen) => set({ courseOpen }),

      openLesson: async (id, step) => {
        // Chosen in the course map: the map closes. Opened otherwise (a link, the lesson
        // restored on reload): a map the learner opened meanwhile stays open.
        const fromMap = get().courseOpen;
        const course = await get().loadCourse();
        const lesson = course.lessons.find((l) => l.id === id);
        if (!lesson) {
          set({
            lessonStatus: { kind: 'failed', message: `There is no lesson called "${id}".` },
            courseOpen: true,
          });
          return;
        }
        const saved = get().progress[id];
        const last = Math.max(0, lesson.steps.length - 1);
        const at = Math.min(Math.max(0, step ?? saved?.step ?? 0), last);
        set({
          lesson,
          lessonPreview: false,
          lessonStep: at,
          ...(fromMap ? { courseOpen: false } : {}),
          authoringErrors: [],
        });
        update((p) => ({ step: at, status: p.status }));
        await start(lesson);
      },

      showPreview: async (lesson) => {
        set({
          lesson,
          lessonPreview: true,
          lessonStep: 0,
          courseOpen: false,
          authoringErrors: [],
        });
        await start(lesson);
      },

      closeLesson: () => {
        ++checkToken;
        set({
          lesson: undefined,
          lessonPreview: false,
          goalResults: undefined,
          goalsWereMet: [],
          golf: undefined,
          par: undefined,
          ...(ownSettings ?? {}),
        });
        ownSettings = undefined;
      },

      setLessonStep: (step) => {
        const lesson = get().lesson;
        if (!lesson) return;
        const at = Math.min(Math.max(0, step), Math.max(0, lesson.steps.length - 1));
        set({ lessonStep: at });
        update(() => ({ step: at }));
      },

      showHint: () => {
        const { lesson, lessonPreview, progress } = get();
        if (!lesson) return;
        if (lessonPreview) {
          // A preview keeps its hint count in memory, under its own id.
          const old = progress[lesson.id] ?? emptyProgress();
          set({
            progress: {
              ...progress,
              [lesson.id]: { ...old, hints: Math.min(old.hints + 1, lesson.hints.length) },
            },
          });
          return;
        }
        update((p) => ({ hints: Math.min(p.hints + 1, lesson.hints.length) }));
      },

      answerPredict: (step, choice) => {
        const { lesson, lessonPreview, progress } = get();
        if (!lesson) return;
        const old = progress[lesson.id] ?? emptyProgress();
        if (old.answers[String(step)] !== undefined) return; // an answer is final
        const answers = { ...old.answers, [String(step)]: choice };
        if (lessonPreview) set({ progress: { ...progress, [lesson.id]: { ...old, answers } } });
        else update(() => ({ answers }));
      },

      checkGoals: async () => {
        const lesson = get().lesson;
        if (!lesson) return;
        const token = ++checkToken;
        try {
          const engine = get().engine();
          const results = await engine.lessonGoals(lesson.goals);
          if (token !== checkToken || get().lesson !== lesson) return;
          const were = get().goalsWereMet;
          set({
            goalResults: results,
            goalsWereMet: results.map((r, i) => r.met || (were[i] ?? false)),
          });
          if (results.length > 0 && results.every((r) => r.met)) {
            update(() => ({ status: 'done' }));
          }
          // The score replays the reference solution: the engine answers it after its warm-up,
          // so the goals are shown without waiting for it.
          const golf = lesson.golf ? await engine.lessonScore(lesson) : undefined;
          if (token !== checkToken || get().lesson !== lesson) return;
          set({ golf });
          // The goal state replays the solution once per lesson: it comes after the goals.
          const par = await engine.lessonPar(lesson);
          if (token === checkToken && get().lesson === lesson) set({ par });
        } catch (e) {
          if (token === checkToken) set({ lessonStatus: { kind: 'failed', message: message(e) } });
        }
      },

      showSolution: async () => {
        const s = get();
        const lesson = s.lesson;
        if (!lesson || s.lessonStatus.kind === 'solving') return;
        set({ lessonStatus: { kind: 'solving' } });
        update(() => ({ solutionShown: true }));
        try {
          const solved = await s.engine().lessonSolution(lesson, {
            dockerfile: s.dockerfile,
            files: contextOf(s.files),
          });
          get().loadWorkspace(solved.lab.dockerfile, workspaceOf(solved.lab.files));
          for (const c of solved.commands) if (c.build) get().addBuild(c.build, 'terminal');
          // The terminal shows the solution's commands and their output, as if typed.
          get().echoEntries(
            solved.commands.map((c) => ({
              input: c.line,
              stdout: c.stdout,
              stderr: c.stderr,
              exitCode: c.exitCode,
              ...(c.build ? { buildLog: builderOf(c.build) } : {}),
            })),
          );
          set({
            engineView: solved.engine,
            // A solution may switch the image store (`@store overlay2`), as Build options does.
            ...(solved.engine.store ? { imageStore: solved.engine.store } : {}),
            lessonStatus:
              solved.failures.length > 0
                ? {
                    kind: 'failed',
                    message: `The solution did not run cleanly: ${solved.failures
                      .map((f) => `${f.line}: ${f.stderr.trim()}`)
                      .join('; ')}`,
                  }
                : { kind: 'idle' },
          });
          await get().checkGoals();
        } catch (e) {
          set({ lessonStatus: { kind: 'failed', message: message(e) } });
        }
      },

      resetLesson: async () => {
        const lesson = get().lesson;
        if (!lesson) return;
        set({ lessonStep: 0 });
        update(() => ({ step: 0, hints: 0, answers: {} }));
        await start(lesson);
      },

      exportProgress: () =>
        JSON.stringify(
          {
            version: 1,
            exported: new Date().toISOString(),
            lessons: get().progress,
          },
          null,
          2,
        ),
    };
  };
