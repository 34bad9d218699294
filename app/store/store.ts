import { persist } from 'zustand/middleware';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { createBuildSlice, DEFAULT_STORE } from './buildSlice.ts';
import { createEditorSlice } from './editorSlice.ts';
import { createEngineClient, type EngineClient } from './engineClient.ts';
import { createLessonAuthoringSlice, type LessonAuthoringOptions } from './lessonAuthoringSlice.ts';
import { createLessonSlice } from './lessonSlice.ts';
import { createLessonBuilderSlice } from './lessonBuilderSlice.ts';
import type { SourceFile } from '../engine/lessons/index.ts';
import { createTerminalSlice } from './terminalSlice.ts';
import { createWorkspaceSlice } from './workspaceSlice.ts';
import { browserStorage, createDebouncedStorage, type DebouncedStorage } from './persistence.ts';
import { setLocalImages } from './catalogNames.ts';
import { createKeptSlice } from './keptSlice.ts';
import { LAB_STORAGE_KEY } from './savedLab.ts';
import { browserShelf, type Shelf } from './shelf.ts';
import { createSaveSlice } from './saveSlice.ts';
import { createShownImageSlice } from './shownImage.ts';
import type { LabState, PersistedLabState } from './state.ts';
import type { SharedLab } from '../share/codec.ts';
import { restorePersisted } from './savedLab.ts';

export { LAB_STORAGE_KEY, restorePersisted } from './savedLab.ts';

export interface LabStoreOptions {
  /** Where to keep the lab between visits; null keeps it in memory only. */
  storageKey?: string | null;
  /** The storage to use (tests pass a fake one); the browser's localStorage by default. */
  storage?: Storage | undefined;
  /** Pause after the last change before saving, in ms. */
  saveDelayMs?: number;
  /** Text to start from instead of the saved or starter Dockerfile. */
  initialDockerfile?: string;
  /**
   * A shared lab (link, embed) to start from: it takes the place of the saved lab, which the
   * next save overwrites. Builds are the caller's to start.
   */
  initialLab?: SharedLab;
  /** The engine; a worker by default (tests pass one that runs on their thread). */
  engine?: () => EngineClient;
  /** The lesson files; the bundled lessons/ folder by default. */
  lessonFiles?: () => Promise<SourceFile[]>;
  /** fetch for lesson files previewed from a URL (tests pass their own). */
  fetch?: LessonAuthoringOptions['fetch'];
  /**
   * Where loaded images are kept across reloads: the browser's IndexedDB for the full page's
   * lab (LAB_STORAGE_KEY), none elsewhere (embeds, tests) unless one is passed.
   */
  shelf?: Shelf | undefined;
}

export type LabStore = StoreApi<LabState> & {
  /** Writes a pending save now. */
  flushSave: () => void;
};

/**
 * Two tabs on one lab: the last save wins. When another tab saves, this one takes that version
 * and says so (otherTabNotice), so an edit is never replaced silently.
 */
function followOtherTabs(store: StoreApi<LabState>, key: string): void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
  window.addEventListener('storage', (event) => {
    if (event.key !== key || event.newValue === null) return;
    let saved: unknown;
    try {
      saved = (JSON.parse(event.newValue) as { state?: unknown }).state;
    } catch {
      return;
    }
    const restored = restorePersisted(saved);
    if (restored.dockerfile === undefined) return;
    const current = store.getState();
    const changed =
      restored.dockerfile !== current.dockerfile ||
      JSON.stringify(restored.files ?? current.files) !== JSON.stringify(current.files);
    if (changed) store.setState({ ...restored, otherTabNotice: true });
  });
}

/**
 * Makes one lab's store. Several labs can live on one page (tutorial embeds), so there is no
 * module-level store: each `LabStoreProvider` owns one.
 */
export function createLabStore(options: LabStoreOptions = {}): LabStore {
  const { storageKey = null, saveDelayMs = 300 } = options;
  // Bound after the store exists: a save reports its outcome into the store's own state.
  let report: (problem: LabState['saveProblem']) => void = () => {};
  const storage: DebouncedStorage<PersistedLabState> | undefined =
    storageKey === null
      ? undefined
      : createDebouncedStorage<PersistedLabState>({
          storage: 'storage' in options ? options.storage : browserStorage(),
          delayMs: saveDelayMs,
          onResult: (problem) => report(problem),
        });

  const shelf =
    'shelf' in options
      ? options.shelf
      : storageKey === LAB_STORAGE_KEY
        ? browserShelf()
        : undefined;
  let client: EngineClient | undefined;
  // Bound once the store exists: the engine asks it for the lab's image store.
  const current: { state?: () => LabState } = {};
  const engine = () => {
    if (client) return client;
    client = (options.engine ?? createEngineClient)();
    // The engine starts with Docker 29's default store; a lab saved with the other one says so
    // first (the worker answers in order, so nothing runs on the wrong store).
    const store = current.state?.().imageStore;
    if (store && store !== DEFAULT_STORE) void client.setStore(store).catch(() => {});
    return client;
  };
  // Lesson progress and a lesson draft are kept where the lab is (an embed without storage
  // keeps them in memory).
  const keep =
    storageKey === null ? undefined : 'storage' in options ? options.storage : browserStorage();
  const slices: StateCreator<LabState> = (set, get, api) => ({
    ...createEditorSlice(set, get, api),
    ...createSaveSlice(set, get, api),
    ...createWorkspaceSlice(set, get, api),
    ...createBuildSlice(set, get, api),
    ...createShownImageSlice(set, get, api),
    ...createKeptSlice(shelf)(set, get, api),
    ...createTerminalSlice(set, get, api),
    ...createLessonSlice({
      storage: keep,
      ...(options.lessonFiles ? { files: options.lessonFiles } : {}),
    })(set, get, api),
    ...createLessonAuthoringSlice(options.fetch ? { fetch: options.fetch } : {})(set, get, api),
    ...createLessonBuilderSlice({ storage: keep })(set, get, api),
    engine,
    reset: () => set(api.getInitialState(), true),
  });
  const store: StoreApi<LabState> = storage
    ? createStore<LabState>()(
        persist(slices, {
          name: storageKey ?? '',
          version: 1,
          storage,
          partialize: (state): PersistedLabState => ({
            dockerfile: state.dockerfile,
            files: state.files,
            builder: state.builder,
            imageStore: state.imageStore,
            noCache: state.noCache,
            buildArgs: state.buildArgs,
            tag: state.tag,
          }),
          merge: (persisted, current) => ({ ...current, ...restorePersisted(persisted) }),
        }),
      )
    : createStore<LabState>()(slices);
  report = (problem) => store.getState().setSaveProblem(problem);
  current.state = () => store.getState();
  if (storageKey !== null) followOtherTabs(store, storageKey);
  // An open lesson's goals are checked again after every build and command.
  store.subscribe((s, prev) => {
    if (s.engineView === prev.engineView) return;
    if (s.lesson) void s.checkGoals();
    // The editor does not mark a FROM naming a local image (loaded, built) as one the lab lacks.
    setLocalImages(s.engineView.images.flatMap((i) => i.names));
  });
  // Images loaded in an earlier visit come back (the engine starts when they are found).
  if (shelf) void store.getState().restoreKept();
  if (options.initialDockerfile !== undefined) {
    store.setState({ dockerfile: options.initialDockerfile });
  }
  if (options.initialLab !== undefined) {
    const lab = options.initialLab;
    store.setState({
      dockerfile: lab.dockerfile,
      files: lab.files.map((f) => ({ path: f.path, content: f.content })),
      openFile: 'Dockerfile',
      builder: lab.builder,
      imageStore: lab.imageStore ?? DEFAULT_STORE,
      noCache: lab.noCache,
      buildArgs: lab.buildArgs.map((a) => ({ name: a.name, value: a.value })),
      tag: lab.tag,
    });
  }
  return Object.assign(store, { flushSave: () => storage?.flush() });
}
