import { persist } from 'zustand/middleware';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { createEditorSlice } from './editorSlice.ts';
import { browserStorage, createDebouncedStorage, type DebouncedStorage } from './persistence.ts';
import { createSaveSlice } from './saveSlice.ts';
import type { LabState, PersistedLabState } from './state.ts';

/** The localStorage key of the lab in the full page. Embeds pass their own key, or none. */
export const LAB_STORAGE_KEY = 'layerlab:v1:lab';

export interface LabStoreOptions {
  /** Where to keep the lab between visits; null keeps it in memory only. */
  storageKey?: string | null;
  /** The storage to use (tests pass a fake one); the browser's localStorage by default. */
  storage?: Storage | undefined;
  /** Pause after the last change before saving, in ms. */
  saveDelayMs?: number;
  /** Text to start from instead of the saved or starter Dockerfile. */
  initialDockerfile?: string;
}

export type LabStore = StoreApi<LabState> & {
  /** Writes a pending save now. */
  flushSave: () => void;
};

function isPersisted(value: unknown): value is PersistedLabState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { dockerfile?: unknown }).dockerfile === 'string'
  );
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

  const slices: StateCreator<LabState> = (set, get, api) => ({
    ...createEditorSlice(set, get, api),
    ...createSaveSlice(set, get, api),
    reset: () => set(api.getInitialState(), true),
  });
  const store: StoreApi<LabState> = storage
    ? createStore<LabState>()(
        persist(slices, {
          name: storageKey ?? '',
          version: 1,
          storage,
          partialize: (state): PersistedLabState => ({ dockerfile: state.dockerfile }),
          merge: (persisted, current) =>
            isPersisted(persisted) ? { ...current, dockerfile: persisted.dockerfile } : current,
        }),
      )
    : createStore<LabState>()(slices);
  report = (problem) => store.getState().setSaveProblem(problem);
  if (options.initialDockerfile !== undefined) {
    store.setState({ dockerfile: options.initialDockerfile });
  }
  return Object.assign(store, { flushSave: () => storage?.flush() });
}
