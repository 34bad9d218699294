import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STARTER_DOCKERFILE } from './starter.ts';
import { createLabStore } from './store.ts';

/** An in-memory Storage; `failWith` makes every write throw that DOMException name. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  failWith: string | null = null;
  writes = 0;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.writes++;
    if (this.failWith) throw new DOMException('refused', this.failWith);
    this.items.set(key, value);
  }
}

const KEY = 'layerlab:test:lab';

describe('createLabStore', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts from the starter Dockerfile on a first visit', () => {
    const store = createLabStore({ storageKey: KEY, storage });
    expect(store.getState().dockerfile).toBe(STARTER_DOCKERFILE);
  });

  it('saves once typing pauses, and restores on the next visit', () => {
    const store = createLabStore({ storageKey: KEY, storage, saveDelayMs: 300 });
    store.getState().setDockerfile('FROM a');
    store.getState().setDockerfile('FROM al');
    store.getState().setDockerfile('FROM alpine');
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(300);
    expect(storage.writes).toBe(1);
    expect(JSON.parse(storage.getItem(KEY)!)).toMatchObject({
      state: { dockerfile: 'FROM alpine', builder: 'buildkit', noCache: false },
      version: 1,
    });
    expect(createLabStore({ storageKey: KEY, storage }).getState().dockerfile).toBe('FROM alpine');
  });

  it('writes a pending change at once when flushed (the page is closing)', () => {
    const store = createLabStore({ storageKey: KEY, storage });
    store.getState().setDockerfile('FROM scratch');
    store.flushSave();
    expect(JSON.parse(storage.getItem(KEY)!).state.dockerfile).toBe('FROM scratch');
  });

  it('keeps working when the storage is full, says so, and recovers', () => {
    const store = createLabStore({ storageKey: KEY, storage });
    storage.failWith = 'QuotaExceededError';
    store.getState().setDockerfile('FROM busybox');
    store.flushSave();
    expect(store.getState().saveProblem).toBe('quota');
    expect(store.getState().dockerfile).toBe('FROM busybox');
    // Reporting the problem must not start a save loop.
    vi.advanceTimersByTime(5_000);
    expect(storage.writes).toBeLessThanOrEqual(2);

    storage.failWith = null;
    store.getState().setDockerfile('FROM busybox:1');
    store.flushSave();
    expect(store.getState().saveProblem).toBeNull();
    expect(JSON.parse(storage.getItem(KEY)!).state.dockerfile).toBe('FROM busybox:1');
  });

  it('reports a storage the browser refuses', () => {
    const store = createLabStore({ storageKey: KEY, storage: undefined });
    store.getState().setDockerfile('FROM x');
    store.flushSave();
    expect(store.getState().saveProblem).toBe('unavailable');
  });

  it('treats unreadable or foreign saved data as nothing saved', () => {
    storage.items.set(KEY, '{not json');
    expect(createLabStore({ storageKey: KEY, storage }).getState().dockerfile).toBe(
      STARTER_DOCKERFILE,
    );
    storage.items.set(KEY, JSON.stringify({ state: { dockerfile: 42 }, version: 1 }));
    expect(createLabStore({ storageKey: KEY, storage }).getState().dockerfile).toBe(
      STARTER_DOCKERFILE,
    );
  });

  it('keeps labs apart: each store has its own state, and no key means no saving', () => {
    const a = createLabStore({ storageKey: null, storage });
    const b = createLabStore({ storageKey: null, storage });
    a.getState().setDockerfile('FROM a');
    vi.advanceTimersByTime(1_000);
    expect(b.getState().dockerfile).toBe(STARTER_DOCKERFILE);
    expect(storage.writes).toBe(0);
  });

  it('reset goes back to a first visit', () => {
    const store = createLabStore({ storageKey: null, initialDockerfile: 'FROM z' });
    expect(store.getState().dockerfile).toBe('FROM z');
    store.getState().reset();
    expect(store.getState().dockerfile).toBe(STARTER_DOCKERFILE);
    expect(typeof store.getState().setDockerfile).toBe('function');
  });
});
