/**
 * The lesson builder for teachers: the start state and the goal state captured from the lab,
 * goals picked from the states the engine can check there, the text, and the lesson file they
 * make, checked by the course's schema and replayed as the course's lessons are.
 */
import type { StateCreator } from 'zustand';
import type { Check, LessonDraft, LessonFile } from '../engine/lessons/index.ts';
import type { LessonStep } from '../engine/lessons/types.ts';
import type { ImageStoreKind } from '../engine/images/stores.ts';
import type { BuilderKind } from '../engine/build/events.ts';
import type { LabState } from './state.ts';
import type { TerminalEntry } from './terminalSlice.ts';
import type { WorkspaceFile } from './workspaceSlice.ts';

// The lesson schema and writer are needed only once a lesson is checked: their own chunk.
const lessonCode = () => import('../engine/lessons/index.ts');

/** The lab as the builder captured it. */
export interface CapturedLab {
  dockerfile: string;
  files: WorkspaceFile[];
  /** The Build button's settings then. */
  build: { tag: string; builder: BuilderKind; noCache: boolean; buildArgs: Record<string, string> };
  /** Command lines, one a line (the teacher may edit them). */
  commands: string;
}

export interface CapturedStart extends CapturedLab {
  store: ImageStoreKind;
  experimental: boolean;
  /** The last terminal entry before the capture: what comes after is the solution. */
  mark: number;
}

export interface CapturedGoal extends CapturedLab {
  /** States of the lab a goal can be written from (the engine checked each holds). */
  candidates: Check[];
}

export interface BuilderDraft {
  id: string;
  title: string;
  summary: string;
  /** Markdown: intro, then `## ` steps. */
  text: string;
  /** One hint a line. */
  hints: string;
  /** The daemon's experimental mode the lesson starts with (the lab runs it while building). */
  experimental?: boolean;
  start?: CapturedStart | undefined;
  goal?: CapturedGoal | undefined;
  /** The goals picked, with the text the learner reads. */
  goals: { check: Check; text: string }[];
}

export type BuilderCheck =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; file: string; text: string }
  | { state: 'failed'; errors: string[] };

export interface LessonBuilderSlice {
  builderOpen: boolean;
  setBuilderOpen: (open: boolean) => void;
  builderDraft: BuilderDraft;
  editDraft: (
    patch: Partial<Pick<BuilderDraft, 'id' | 'title' | 'summary' | 'text' | 'hints'>>,
  ) => void;
  /** Edits the captured start's or goal's command lines. */
  editCommands: (which: 'start' | 'goal', commands: string) => void;
  /** Turns the daemon's experimental mode on or off, in the lab and for the lesson's start. */
  setDraftExperimental: (on: boolean) => Promise<void>;
  /** The lab as it is now becomes the lesson's start state. */
  captureStart: () => void;
  /** The lab as it is now becomes the goal state; the engine lists what goals can check. */
  captureGoal: () => Promise<void>;
  /** Picks a goal (with this text) or drops it. */
  toggleGoal: (check: Check, text: string) => void;
  setGoalText: (index: number, text: string) => void;
  builderCheck: BuilderCheck;
  /** The draft as a lesson file: schema, then a replay of its solution in a fresh engine. */
  checkDraft: () => Promise<BuilderCheck>;
  /** The draft's text as the lesson pane shows it (intro and steps), for the live preview. */
  draftBody: () => Promise<{ intro: string; steps: LessonStep[] }>;
}

export const sameCheck = (a: Check, b: Check): boolean =>
  a.name === b.name && JSON.stringify(a.args) === JSON.stringify(b.args);

const lessonFiles = (files: readonly WorkspaceFile[]): Record<string, LessonFile> =>
  Object.fromEntries(
    files.map((f) => [
      f.path,
      f.mode === undefined ? { content: f.content } : { content: f.content, mode: f.mode },
    ]),
  );

/** Files the goal has that the start lacks or has otherwise: what the solution writes. */
export function changedFiles(start: readonly WorkspaceFile[], goal: readonly WorkspaceFile[]) {
  const before = new Map(start.map((f) => [f.path, f]));
  return goal.filter((f) => {
    const b = before.get(f.path);
    return !b || b.content !== f.content || (b.mode ?? 0o644) !== (f.mode ?? 0o644);
  });
}

/** Lines typed at the lab's prompt (or run by the Build button) that worked, after `mark`. */
const workedLines = (terminal: readonly TerminalEntry[], mark: number): string =>
  terminal
    .filter((e) => e.id > mark && e.exitCode === 0 && !e.container && e.input.trim() !== '')
    .map((e) => e.input.trim())
    .join('\n');

const commandList = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const EMPTY: BuilderDraft = {
  id: 'my-lesson',
  title: '',
  summary: '',
  text: '',
  hints: '',
  goals: [],
};

/** Where the draft is kept between visits: nothing a teacher wrote is lost on a reload. */
export const DRAFT_STORAGE_KEY = 'layerlab.lessonDraft.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function savedDraft(storage: Storage | undefined): BuilderDraft {
  try {
    const text = storage?.getItem(DRAFT_STORAGE_KEY);
    const d = text ? (JSON.parse(text) as Partial<BuilderDraft>) : undefined;
    if (d && typeof d.text === 'string' && Array.isArray(d.goals)) return { ...EMPTY, ...d };
  } catch {
    // A damaged draft: start a new one.
  }
  return EMPTY;
}

export const createLessonBuilderSlice =
  (options: {
    storage?: Storage | undefined;
  }): StateCreator<LabState, [], [], LessonBuilderSlice> =>
  (set, get) => {
    const edit = (patch: Partial<BuilderDraft>) => {
      const builderDraft = { ...get().builderDraft, ...patch };
      set({ builderDraft, builderCheck: { state: 'idle' } });
      try {
        options.storage?.setItem(DRAFT_STORAGE_KEY, JSON.stringify(builderDraft));
      } catch {
        // Full or blocked storage: the draft stays for this visit.
      }
    };

    const capture = (): CapturedLab => {
      const s = get();
      return {
        dockerfile: s.dockerfile,
        files: s.files.map((f) => ({ ...f })),
        build: {
          tag: s.tag.trim() || 'app:latest',
          builder: s.builder,
          noCache: s.noCache,
          buildArgs: Object.fromEntries(
            s.buildArgs.filter((a) => a.name.trim()).map((a) => [a.name.trim(), a.value]),
          ),
        },
        commands: '',
      };
    };

    const draftOf = (d: BuilderDraft): LessonDraft | undefined => {
      if (!d.start || !d.goal) return undefined;
      const changed = changedFiles(d.start.files, d.goal.files);
      return {
        id: d.id.trim(),
        title: d.title.trim(),
        summary: d.summary.trim(),
        text: d.text,
        start: {
          dockerfile: d.start.dockerfile,
          files: lessonFiles(d.start.files),
          commands: commandList(d.start.commands),
          daemon: { experimental: d.start.experimental },
          store: d.start.store,
        },
        build: d.goal.build,
        goals: d.goals,
        hints: commandList(d.hints),
        solution: {
          ...(d.goal.dockerfile !== d.start.dockerfile ? { dockerfile: d.goal.dockerfile } : {}),
          ...(changed.length > 0 ? { files: lessonFiles(changed) } : {}),
          commands: commandList(d.goal.commands),
        },
      };
    };

    return {
      builderOpen: false,
      setBuilderOpen: (builderOpen) => set({ builderOpen }),
      builderDraft: savedDraft(options.storage),
      builderCheck: { state: 'idle' },
      editDraft: (patch) => edit(patch),

      editCommands: (which, commands) => {
        const d = get().builderDraft;
        if (which === 'start' && d.start) edit({ start: { ...d.start, commands } });
        if (which === 'goal' && d.goal) edit({ goal: { ...d.goal, commands } });
      },

      setDraftExperimental: async (on) => {
        edit({ experimental: on });
        const start = get().builderDraft.start;
        if (start) edit({ start: { ...start, experimental: on } });
        await get().engine().setExperimental(on);
      },

      captureStart: () => {
        const s = get();
        const experimental = s.builderDraft.experimental ?? false;
        // The lab runs the mode the lesson will start with (a reload may have lost it).
        void s
          .engine()
          .setExperimental(experimental)
          .catch(() => {});
        edit({
          start: {
            ...capture(),
            // The commands that made the lab's images so far: the start replays them.
            commands: workedLines(s.terminal, -1),
            store: s.imageStore,
            experimental,
            mark: s.terminal.at(-1)?.id ?? -1,
          },
          goal: undefined,
          goals: [],
        });
      },

      captureGoal: async () => {
        const s = get();
        const start = s.builderDraft.start;
        if (!start) return;
        const candidates = await s.engine().lessonCandidates();
        const d = get().builderDraft;
        // Goals already picked stay picked when the new capture still has them.
        const goals = d.goals.filter((g) => candidates.some((c) => sameCheck(c, g.check)));
        edit({
          goal: { ...capture(), commands: workedLines(s.terminal, start.mark), candidates },
          goals,
        });
      },

      toggleGoal: (check, text) => {
        const d = get().builderDraft;
        const has = d.goals.some((g) => sameCheck(g.check, check));
        edit({
          goals: has
            ? d.goals.filter((g) => !sameCheck(g.check, check))
            : [...d.goals, { check, text }],
        });
      },

      setGoalText: (index, text) => {
        const d = get().builderDraft;
        edit({ goals: d.goals.map((g, i) => (i === index ? { ...g, text } : g)) });
      },

      checkDraft: async () => {
        const draft = draftOf(get().builderDraft);
        const code = await lessonCode();
        if (!draft) {
          const r: BuilderCheck = { state: 'failed', errors: [] };
          set({ builderCheck: r });
          return r;
        }
        const file = `${draft.id || 'lesson'}.md`;
        const text = code.writeLesson(draft);
        const parsed = code.parseLesson(file, text);
        if (!parsed.ok) {
          const r: BuilderCheck = {
            state: 'failed',
            errors: parsed.errors.map(code.formatLessonError),
          };
          set({ builderCheck: r });
          return r;
        }
        set({ builderCheck: { state: 'checking' } });
        let r: BuilderCheck;
        try {
          const replay = await get().engine().lessonReplay(parsed.lesson);
          const problems = code.problemsAt(file, text, code.replayProblems(parsed.lesson, replay));
          r =
            problems.length === 0
              ? { state: 'ok', file, text }
              : { state: 'failed', errors: problems.map(code.formatLessonError) };
        } catch (e) {
          r = {
            state: 'failed',
            errors: [`${file}: ${e instanceof Error ? e.message : String(e)}`],
          };
        }
        set({ builderCheck: r });
        return r;
      },

      draftBody: async () => (await lessonCode()).readBody(get().builderDraft.text),
    };
  };
