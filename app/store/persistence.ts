import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { SaveProblem } from './saveSlice.ts';

export interface DebouncedStorageOptions {
  /** The browser storage to write to; undefined when the browser refuses access to it. */
  storage: Storage | undefined;
  /** Writes wait this long after the last change, so typing writes once per pause. */
  delayMs: number;
  /** Told after each write: null when it worked, otherwise why it did not. */
  onResult: (problem: SaveProblem | null) => void;
}

export interface DebouncedStorage<S> extends PersistStorage<S, void> {
  /** Writes a pending change now (page hidden or closing: nothing typed may be lost). */
  flush: () => void;
}

/** The browser's localStorage, or undefined when merely touching it throws (blocked storage). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * A JSON storage for zustand's persist middleware that writes after a pause in changes and
 * never throws: a full or blocked storage is reported through `onResult`, the lab keeps working
 * in memory. Unreadable saved data reads as nothing saved.
 */
export function createDebouncedStorage<S>(options: DebouncedStorageOptions): DebouncedStorage<S> {
  const { storage, delayMs, onResult } = options;
  let pending: { name: string; value: StorageValue<S> } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { name, value } = pending;
    pending = null;
    if (!storage) {
      onResult('unavailable');
      return;
    }
    try {
      storage.setItem(name, JSON.stringify(value));
      onResult(null);
    } catch (error) {
      onResult(isQuotaError(error) ? 'quota' : 'unavailable');
    }
  };

  return {
    getItem(name) {
      if (!storage) return null;
      try {
        const raw = storage.getItem(name);
        return raw === null ? null : (JSON.parse(raw) as StorageValue<S>);
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      pending = { name, value };
      clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    removeItem(name) {
      pending = null;
      clearTimeout(timer);
      try {
        storage?.removeItem(name);
      } catch {
        // Nothing to do: the storage is unavailable, so nothing is saved either.
      }
    },
    flush: write,
  };
}
