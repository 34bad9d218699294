import type { StateCreator } from 'zustand';
import type { ImageStoreKind } from '../engine/images/stores.ts';
import {
  KEEP_LIMIT,
  problemKind,
  type KeepProblem,
  type KeptArchive,
  type KeptRecord,
  type Shelf,
} from './shelf.ts';
import { CancelledError } from './engineClient.ts';
import type { LabState } from './state.ts';
import { shellWord } from './loadLine.ts';

export interface KeptSlice {
  /** Archives kept in the browser (their bytes stay in IndexedDB), oldest first. */
  kept: KeptArchive[];
  /** The last archive that could not be kept or brought back, and why. */
  keepProblem: KeepProblem | undefined;
  /** Keeps a loaded archive so it comes back after a reload (within KEEP_LIMIT). */
  keepArchive: (file: File, images: string[]) => Promise<void>;
  /**
   * Lists the kept archives and loads those of the image store in use into the engine (once
   * per store and archive): at start, and after the store is switched.
   */
  restoreKept: () => Promise<void>;
  /** Stops keeping one archive (its images stay loaded until the page is reloaded). */
  forgetKept: (key: string) => Promise<void>;
  forgetAllKept: () => Promise<void>;
  dismissKeepProblem: () => void;
}

const strip = ({ file: _file, ...meta }: KeptRecord): KeptArchive => meta;

export const createKeptSlice =
  (shelf: Shelf | undefined): StateCreator<LabState, [], [], KeptSlice> =>
  (set, get) => {
    /** `store\0key` of archives loaded into that store's engine since the page started. */
    const restored = new Set<string>();
    const fail = (problem: KeepProblem) => set({ keepProblem: problem });
    return {
      kept: [],
      keepProblem: undefined,
      keepArchive: async (file, images) => {
        if (!shelf || images.length === 0) return;
        const problem = { name: file.name, size: file.size };
        if (file.size > KEEP_LIMIT) return fail({ kind: 'too-big', ...problem });
        const store: ImageStoreKind = get().imageStore;
        const key = `${store}\0${file.name}\0${file.size}\0${file.lastModified}`;
        const record: KeptRecord = {
          key,
          name: file.name,
          size: file.size,
          store,
          images,
          kept: Date.now(),
          file,
        };
        try {
          await shelf.put(record);
        } catch (e) {
          return fail({ kind: problemKind(e), ...problem, detail: String(e) });
        }
        restored.add(`${store}\0${key}`);
        set({
          kept: [...get().kept.filter((k) => k.key !== key), strip(record)],
          keepProblem: undefined,
        });
      },
      restoreKept: async () => {
        if (!shelf) return;
        let records: KeptRecord[];
        try {
          records = (await shelf.list()).sort((a, b) => a.kept - b.kept);
        } catch {
          // No storage for this site: nothing was kept, nothing to bring back.
          return;
        }
        set({ kept: records.map(strip) });
        const store = get().imageStore;
        for (const r of records) {
          const id = `${store}\0${r.key}`;
          if (r.store !== store || restored.has(id)) continue;
          restored.add(id);
          const engine = get().engine();
          // The Images panel shows the read as for a picked file, with Cancel.
          set({ loading: { name: r.name, read: 0, total: r.size } });
          engine.onProgress = (p) => set({ loading: p });
          try {
            await engine.bring(r.name, r.file);
            const out = await engine.command(
              `docker load -q -i ${shellWord(r.name)}`,
              [],
              get().dockerfile,
            );
            set({ engineView: out.engine });
            if (out.exitCode !== 0)
              fail({
                kind: 'restore-failed',
                name: r.name,
                size: r.size,
                detail: out.stderr.trim(),
              });
          } catch (e) {
            // Cancel: the learner stopped bringing the kept images back this time.
            if (e instanceof CancelledError) break;
            fail({ kind: 'restore-failed', name: r.name, size: r.size, detail: String(e) });
          } finally {
            engine.onProgress = undefined;
            set({ loading: undefined });
          }
        }
      },
      forgetKept: async (key) => {
        if (!shelf) return;
        try {
          await shelf.remove(key);
        } catch {
          // Already gone, or storage refused: the list below says what is left.
        }
        set({ kept: get().kept.filter((k) => k.key !== key) });
      },
      forgetAllKept: async () => {
        if (!shelf) return;
        try {
          await shelf.clear();
        } catch {
          // As above.
        }
        set({ kept: [] });
      },
      dismissKeepProblem: () => set({ keepProblem: undefined }),
    };
  };
