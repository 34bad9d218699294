import type { StateCreator } from 'zustand';
import type { BuilderKind } from '../engine/build/events.ts';
import type { ImageStoreKind } from '../engine/images/stores.ts';
import type { BuildView, EngineView } from '../engine/session/types.ts';
import { buildCommand } from './buildCommand.ts';
import { CancelledError } from './engineClient.ts';
import {
  clampCursor,
  countFrom,
  keepBuild,
  playFrom,
  shownBuild,
  stepBack,
  stepForward,
  type BuildRecord,
  type BuildSource,
} from './playback.ts';
import { buildProgress, restingStep } from './progress.ts';
import type { LabState } from './state.ts';
import { contextOf, type WorkspaceFile } from './workspaceSlice.ts';

export type { BuildRecord, BuildSource } from './playback.ts';
export { stepBoundaries } from './playback.ts';

/** Whether the editor now holds something other than what `record` was built from. */
export function builtFromOther(
  record: BuildRecord,
  now: { dockerfile: string; files: readonly WorkspaceFile[] },
): boolean {
  const was = record.source;
  if (was.dockerfile !== now.dockerfile) return true;
  if (was.files === now.files) return false;
  return (
    was.files.length !== now.files.length ||
    was.files.some((f, i) => f.path !== now.files[i]!.path || f.content !== now.files[i]!.content)
  );
}

export interface BuildSlice {
  builder: BuilderKind;
  /**
   * The daemon's image store: containerd (Docker 29's default) or overlay2. It decides what an
   * image ID is and how sizes are counted; switching hides the other store's images.
   */
  imageStore: ImageStoreKind;
  noCache: boolean;
  /** `--build-arg` pairs, as typed. */
  buildArgs: { name: string; value: string }[];
  /** The tag the Build button gives the image. */
  tag: string;
  builds: BuildRecord[];
  /** The build the panels show (index into `builds`). */
  shownBuild: number | undefined;
  /** Playback: how many of the shown build's events have happened (all, once played). */
  cursor: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /** `building` while the engine works; `since` lets the UI show progress after 200 ms. */
  status:
    { kind: 'idle' } | { kind: 'building'; since: number } | { kind: 'failed'; message: string };
  engineView: EngineView;
  /** The step (index in the build's step list) the cache and filesystem panels look at. */
  selectedStep: number | undefined;
  /**
   * A build was just added and the learner has not moved its playback yet: once it has played
   * to the end, the panels rest on its most telling step (progress.ts restingStep).
   */
  resting: boolean;
  setBuilder: (b: BuilderKind) => void;
  /** Runs the engine with this image store (the other one's images wait until it is back). */
  setImageStore: (store: ImageStoreKind) => Promise<void>;
  setNoCache: (v: boolean) => void;
  setBuildArgs: (args: { name: string; value: string }[]) => void;
  setTag: (tag: string) => void;
  /**
   * Has the engine load what building the workspace needs (base images, package lists), so
   * the first click on Build waits for the build alone. Best effort: nothing is shown.
   */
  warmUp: () => void;
  /**
   * Where the engine stands with the workspace's first build: 'cold' before any warm-up,
   * 'warming' while one runs, 'ready' once all have finished (the Build button shows it, for
   * benchmarks that click once the page is ready).
   */
  engineWarmth: 'cold' | 'warming' | 'ready';
  /** Builds the workspace; the new build is shown from its first event (press Play or Step). */
  build: (opts?: { animate?: boolean }) => Promise<void>;
  cancelBuild: () => void;
  /** Adds a build and shows it; `source` defaults to the editor's text and files now. */
  addBuild: (view: BuildView, origin: BuildRecord['origin'], source?: BuildSource) => void;
  showBuild: (index: number) => void;
  setEngineView: (view: EngineView) => void;
  /** Playback over the shown build's events. */
  stepForward: () => void;
  stepBack: () => void;
  seek: (cursor: number) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (eventsPerSecond: number) => void;
  selectStep: (step: number | undefined) => void;
}

const EMPTY_VIEW: EngineView = { images: [], containers: [] };

/** Where Step and Back count from: the step the view rests on, else the cursor. */
function fromHere(b: BuildRecord, s: { cursor: number; resting: boolean }): number {
  if (!s.resting) return s.cursor;
  return countFrom(b.view, s.cursor, restingStep(buildProgress(b.view, s.cursor)));
}

/** The learner moved the playback: the panels follow it, not a step chosen or rested on. */
const moved = { selectedStep: undefined, resting: false } as const;

/** A new lab's image store: Docker 29's default (images/stores.ts DEFAULT_IMAGE_STORE). */
export const DEFAULT_STORE: ImageStoreKind = 'containerd';

export const createBuildSlice: StateCreator<LabState, [], [], BuildSlice> = (set, get) => {
  /** Warm-ups asked of the engine and not finished yet. */
  let warmUps = 0;
  return {
    builder: 'buildkit',
    imageStore: DEFAULT_STORE,
    noCache: false,
    buildArgs: [],
    tag: 'app:latest',
    builds: [],
    shownBuild: undefined,
    cursor: 0,
    playing: false,
    speed: 2,
    status: { kind: 'idle' },
    engineView: EMPTY_VIEW,
    selectedStep: undefined,
    resting: false,
    setBuilder: (builder) => set({ builder }),
    setImageStore: async (imageStore) => {
      if (get().imageStore === imageStore) return;
      set({ imageStore });
      try {
        const engineView = await get().engine().setStore(imageStore);
        // Only the answer to the latest switch is shown.
        if (get().imageStore === imageStore) set({ engineView });
        // Images kept from a load into this store come back into it too.
        await get().restoreKept();
      } catch (e) {
        set({ status: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } });
      }
    },
    setNoCache: (noCache) => set({ noCache }),
    setBuildArgs: (buildArgs) => set({ buildArgs }),
    setTag: (tag) => set({ tag }),
    engineWarmth: 'cold',
    warmUp: () => {
      const s = get();
      const files = contextOf(s.files);
      let warming: Promise<void>;
      try {
        warming = s.engine().warm({ dockerfile: s.dockerfile, files });
      } catch {
        // No engine here (a test without one): the build loads what it needs itself.
        return;
      }
      warmUps++;
      set({ engineWarmth: 'warming' });
      const done = () => {
        if (--warmUps === 0) set({ engineWarmth: 'ready' });
      };
      warming.then(done, done);
    },
    build: async (opts = {}) => {
      const s = get();
      if (s.status.kind === 'building') return;
      const building = { kind: 'building', since: Date.now() } as const;
      set({ status: building });
      const source: BuildSource = { dockerfile: s.dockerfile, files: s.files };
      try {
        const { build: view, engine: engineView } = await s.engine().build({
          dockerfile: s.dockerfile,
          files: contextOf(s.files),
          builder: s.builder,
          noCache: s.noCache,
          buildArgs: Object.fromEntries(
            s.buildArgs.filter((a) => a.name.trim() !== '').map((a) => [a.name.trim(), a.value]),
          ),
          tags: s.tag.trim() ? [s.tag.trim()] : [],
        });
        get().addBuild(view, 'button', source);
        // The terminal shows the build as `docker build` prints it, under the command line the
        // button stands for.
        get().echoEntries([
          {
            input: buildCommand(s),
            stdout: '',
            stderr: view.output,
            exitCode: view.ok ? 0 : 1,
            buildLog: s.builder,
          },
        ]);
        set({
          status: { kind: 'idle' },
          engineView,
          ...(opts.animate === false ? { cursor: view.events.length, playing: false } : {}),
        });
      } catch (e) {
        // A build cancelled for a newer one (a lab opened meanwhile) leaves that one's status.
        if (get().status !== building) return;
        set({
          status:
            e instanceof CancelledError
              ? { kind: 'idle' }
              : { kind: 'failed', message: e instanceof Error ? e.message : String(e) },
        });
      }
    },
    cancelBuild: () => {
      if (get().status.kind !== 'building') return;
      get().engine().cancel();
      set({ status: { kind: 'idle' } });
    },
    addBuild: (view, origin, source) => {
      const s = get();
      const record: BuildRecord = {
        number: s.builds.length + 1,
        builder: s.builder,
        noCache: s.noCache,
        origin,
        view,
        source: source ?? { dockerfile: s.dockerfile, files: s.files },
      };
      const builds = keepBuild(s.builds, record);
      set({
        builds,
        shownBuild: builds.length - 1,
        cursor: 0,
        playing: true,
        selectedStep: undefined,
        resting: true,
        shownImage: undefined,
      });
    },
    showBuild: (index) => {
      const b = get().builds[index];
      if (b)
        set({
          shownBuild: index,
          cursor: b.view.events.length,
          playing: false,
          resting: false,
          shownImage: undefined,
        });
    },
    setEngineView: (engineView) => set({ engineView }),
    stepForward: () => {
      const b = shownBuild(get());
      if (b) set({ cursor: stepForward(b.view, fromHere(b, get())), playing: false, ...moved });
    },
    stepBack: () => {
      const b = shownBuild(get());
      if (b) set({ cursor: stepBack(b.view, fromHere(b, get())), playing: false, ...moved });
    },
    seek: (cursor) => {
      const b = shownBuild(get());
      if (b) set({ cursor: clampCursor(b.view, cursor), ...moved });
    },
    play: () => {
      const b = shownBuild(get());
      if (b) set({ cursor: playFrom(b.view, get().cursor), playing: true, ...moved });
    },
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed: Math.max(0.5, Math.min(speed, 60)) }),
    selectStep: (selectedStep) => set({ selectedStep }),
  };
};
