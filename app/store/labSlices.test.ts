import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgress, viewedStep } from './progress.ts';
import { createLabStore, restorePersisted } from './store.ts';
import { localEngine } from './testing/localEngine.ts';
import { checkFilePath } from './workspaceSlice.ts';

const DF = 'FROM debian:bookworm-slim\nCOPY app.py /app/\nRUN echo built > /built\n';

describe('lab slices', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the image store the lab was saved with, and switches it', async () => {
    const saved = new Map<string, string>([
      ['lab', JSON.stringify({ state: { dockerfile: DF, imageStore: 'overlay2' }, version: 1 })],
    ]);
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
      removeItem: (k: string) => void saved.delete(k),
    } as Storage;
    const store = createLabStore({ engine: localEngine(), storageKey: 'lab', storage });
    expect(store.getState().imageStore).toBe('overlay2');
    store.getState().loadWorkspace(DF, [{ path: 'app.py', content: 'print(1)\n' }]);
    await store.getState().build();
    // The engine was told before the build: the image is overlay2's (no content size).
    expect(store.getState().engineView.store).toBe('overlay2');
    expect(store.getState().engineView.images[0]!.contentSize).toBeUndefined();
    await store.getState().setImageStore('containerd');
    expect(store.getState().imageStore).toBe('containerd');
    expect(store.getState().engineView).toEqual({
      images: [],
      containers: [],
      store: 'containerd',
    });
  });

  it('builds the workspace, keeps each build, and plays it step by step', async () => {
    const store = createLabStore({ engine: localEngine(), initialDockerfile: DF });
    store.getState().loadWorkspace(DF, [{ path: 'app.py', content: 'print(1)\n' }]);
    await store.getState().build();
    let s = store.getState();
    expect(s.builds).toHaveLength(1);
    expect(s.builds[0]!.view.ok).toBe(true);
    expect(s.cursor).toBe(0);
    s.stepForward();
    const afterOne = store.getState().cursor;
    expect(afterOne).toBeGreaterThan(0);
    s.stepForward();
    expect(store.getState().cursor).toBeGreaterThan(afterOne);
    s.stepBack();
    expect(store.getState().cursor).toBe(afterOne);
    expect(store.getState().engineView.images.flatMap((i) => i.names)).toContain('app:latest');
    await store.getState().build();
    s = store.getState();
    expect(s.builds.map((b) => b.number)).toEqual([1, 2]);
    const outcomes = s.builds[1]!.view.events.flatMap((e) =>
      e.type === 'step-done' ? [e.outcome] : [],
    );
    expect(outcomes).not.toContain('built');
  });

  it('right after a build, Step and Back count from the step the view rests on', async () => {
    // A trailing CMD: the cursor ends on it while the view rests on the RUN before it.
    const df =
      'FROM debian:bookworm-slim\nCOPY app.py /app/\nRUN echo built > /built\nCMD ["sh"]\n';
    const store = createLabStore({ engine: localEngine(), initialDockerfile: df });
    store.getState().loadWorkspace(df, [{ path: 'app.py', content: 'print(1)\n' }]);
    await store.getState().build();
    const view = store.getState().builds[0]!.view;
    store.setState({ cursor: view.events.length, playing: false });
    const at = () => {
      const s = store.getState();
      return viewedStep(buildProgress(view, s.cursor), {
        selected: s.selectedStep,
        resting: s.resting,
      });
    };
    expect(store.getState().resting).toBe(true);
    expect(at()).toBe(2);
    store.getState().stepBack();
    expect(at()).toBe(1);
    store.setState({ cursor: view.events.length, resting: true });
    store.getState().stepForward();
    expect(at()).toBe(3);
    expect(store.getState().cursor).toBe(view.events.length);
  });

  it('runs terminal commands and records a docker build as a build', async () => {
    const store = createLabStore({ engine: localEngine(), initialDockerfile: DF });
    store.getState().loadWorkspace(DF, [{ path: 'app.py', content: 'x' }]);
    const e = await store.getState().runCommand('docker build -t t1 .');
    expect(e.exitCode).toBe(0);
    expect(store.getState().builds[0]!.origin).toBe('terminal');
    const bad = await store.getState().runCommand('docker imagez');
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr).toContain('imagez');
  });

  it('writes the Build button’s build into the terminal, as the docker build line it stands for', async () => {
    const store = createLabStore({ engine: localEngine(), initialDockerfile: DF });
    store.getState().loadWorkspace(DF, [{ path: 'app.py', content: 'x' }]);
    store.setState({ builder: 'classic', noCache: true, tag: 'app:1' });
    await store.getState().build();
    const entry = store.getState().terminal.at(-1)!;
    expect(entry).toMatchObject({
      input: 'DOCKER_BUILDKIT=0 docker build --no-cache -t app:1 .',
      echo: true,
      exitCode: 0,
      buildLog: 'classic',
    });
    // As Docker 28.5's legacy builder prints it: its notice first, then the steps.
    expect(entry.stderr).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    expect(entry.stderr).toContain('Step 3/3 : RUN echo built > /built');
    expect(entry.stderr).toContain('Successfully tagged app:1');
  });

  it('validates context file names in plain words', () => {
    const files = [{ path: 'src/app.py', content: '' }];
    expect(checkFilePath('../x', files)).toMatch(/leave the build context/);
    expect(checkFilePath('/etc/passwd', files)).toMatch(/relative/);
    expect(checkFilePath('src', files)).toMatch(/folder/);
    expect(checkFilePath('src/app.py/x', files)).toMatch(/is a file/);
    expect(checkFilePath('my file ü.txt', files)).toBeUndefined();
  });

  it('restores what it can of a damaged save', () => {
    expect(
      restorePersisted({ dockerfile: 'FROM a', files: [{ path: 1 }], builder: 'classic' }),
    ).toEqual({ dockerfile: 'FROM a', builder: 'classic' });
    expect(restorePersisted('garbage')).toEqual({});
    expect(restorePersisted({ dockerfile: 'FROM a', imageStore: 'overlay2' })).toEqual({
      dockerfile: 'FROM a',
      imageStore: 'overlay2',
    });
    expect(restorePersisted({ dockerfile: 'FROM a', imageStore: 'zfs' })).toEqual({
      dockerfile: 'FROM a',
    });
  });
});

describe('two tabs on one lab', () => {
  it('takes the other tab’s save and says so', async () => {
    const listeners: ((e: StorageEvent) => void)[] = [];
    const fakeWindow = {
      addEventListener: (type: string, fn: (e: StorageEvent) => void) => {
        if (type === 'storage') listeners.push(fn);
      },
    };
    vi.stubGlobal('window', fakeWindow);
    const storage = new Map<string, string>();
    const fakeStorage = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
      clear: () => storage.clear(),
      key: () => null,
      length: 0,
    } as Storage;
    const store = createLabStore({ storageKey: 'k', storage: fakeStorage, engine: localEngine() });
    const other = JSON.stringify({
      state: { dockerfile: 'FROM other-tab', files: [] },
      version: 1,
    });
    for (const l of listeners) l({ key: 'k', newValue: other } as StorageEvent);
    expect(store.getState().dockerfile).toBe('FROM other-tab');
    expect(store.getState().otherTabNotice).toBe(true);
    vi.unstubAllGlobals();
  });
});
