/**
 * The images a learner loaded, kept in the browser (IndexedDB) so they come back after a
 * reload: each `docker save` archive is kept as the learner brought it (a Blob, stored by the
 * browser without copying it through JavaScript), with what it loaded, and loaded again into
 * the engine when the lab starts. Nothing else of the lab lives here: a full or refused
 * storage costs the kept images only, never the learner's Dockerfile or files (localStorage).
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { ImageStoreKind } from '../engine/images/stores.ts';

/** A kept archive without its bytes: what the Images panel lists. */
export interface KeptArchive {
  /** The archive's name, size and date as brought, with the image store it was loaded into. */
  key: string;
  name: string;
  size: number;
  store: ImageStoreKind;
  /** What `docker load` said it loaded (`layerlab/bb:1`, or an image ID). */
  images: string[];
  /** When it was kept, ms since the epoch. */
  kept: number;
}

export interface KeptRecord extends KeptArchive {
  file: Blob;
}

/** Where kept archives live: the browser's IndexedDB, or memory in tests. */
export interface Shelf {
  list(): Promise<KeptRecord[]>;
  put(record: KeptRecord): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** Archives bigger than this are not kept (said in the Images panel): a reload drops them. */
export const KEEP_LIMIT = 256 << 20;

const DB = 'layerlab-images';
const STORE = 'loaded';

/** The browser's IndexedDB shelf; undefined where there is no IndexedDB (Node, old browsers). */
export function browserShelf(): Shelf | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  let db: Promise<IDBPDatabase> | undefined;
  const open = () =>
    (db ??= openDB(DB, 1, {
      upgrade(d) {
        d.createObjectStore(STORE, { keyPath: 'key' });
      },
    }));
  return {
    list: async () => (await (await open()).getAll(STORE)) as KeptRecord[],
    put: async (record) => void (await (await open()).put(STORE, record)),
    remove: async (key) => (await open()).delete(STORE, key),
    clear: async () => (await open()).clear(STORE),
  };
}

/** A shelf in memory (tests; a browser that refuses IndexedDB keeps nothing across reloads). */
export function memoryShelf(): Shelf {
  const records = new Map<string, KeptRecord>();
  return {
    list: async () => [...records.values()],
    put: async (r) => void records.set(r.key, r),
    remove: async (key) => void records.delete(key),
    clear: async () => records.clear(),
  };
}

/** Why an archive is not kept (or did not come back); the UI says it in a sentence. */
export interface KeepProblem {
  kind: 'quota' | 'unavailable' | 'failed' | 'too-big' | 'restore-failed';
  name: string;
  size: number;
  /** The browser's or docker load's own words, for 'failed' and 'restore-failed'. */
  detail?: string;
}

/** The kind of problem a refused write is: a full storage, a storage refused, or another. */
export function problemKind(error: unknown): 'quota' | 'unavailable' | 'failed' {
  const kind = error instanceof DOMException ? error.name : '';
  if (kind === 'QuotaExceededError') return 'quota';
  if (kind === 'InvalidStateError' || kind === 'SecurityError') return 'unavailable';
  return 'failed';
}
