import { beforeAll, describe, expect, it } from 'vitest';
import { lessonImages, lessonSources } from '../engine/lessons/testing/sessions.ts';
import { serve } from '../engine/session/dispatch.ts';
import { LabSession, type SessionOptions } from '../engine/session/session.ts';
import { createEngineClient, type Port } from './engineClient.ts';
import { bundledLessonFiles, PROGRESS_STORAGE_KEY, restoreProgress } from './lessonSlice.ts';
import { createLabStore } from './store.ts';

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/** An engine client answering from a session on this thread. */
function localEngine() {
  return () =>
    createEngineClient(() => {
      const session = new LabSession(opts);
      const port: Port = {
        onMessage: undefined,
        post(req) {
          serve(session, structuredClone(req), (m) => {
            const copy = structuredClone(m);
            queueMicrotask(() => port.onMessage?.(copy));
          });
        },
        terminate() {},
      };
      return port;
    });
}

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const makeStore = (storage: Storage = memoryStorage()) =>
  createLabStore({
    storageKey: 'lab',
    storage,
    saveDelayMs: 0,
    engine: localEngine(),
    lessonFiles: () => Promise.resolve(lessonSources()),
  });

/** Resolves once `ok` holds, checking after every change of the store (a hang fails the test). */
async function until(store: ReturnType<typeof makeStore>, ok: () => boolean): Promise<void> {
  if (ok()) return;
  await new Promise<void>((resolve) => {
    const stop = store.subscribe(() => {
      if (!ok()) return;
      stop();
      resolve();
    });
  });
  expect(ok()).toBe(true);
}

describe('lesson slice', () => {
  it('loads the course in index order, with no errors', async () => {
    const store = makeStore();
    const course = await store.getState().loadCourse();
    expect(course.errors).toEqual([]);
    expect(course.lessons[0]?.id).toBe('images-and-containers');
    expect(course.lessons.length).toBeGreaterThanOrEqual(15);
  });

  it('bundles every lesson file through Vite', async () => {
    const files = await bundledLessonFiles();
    const paths = files.map((f) => f.path);
    expect(paths).toContain('lessons/index.json');
    expect(paths).toContain('lessons/04-build-cache.md');
    expect(files.find((f) => f.path === 'lessons/04-build-cache.md')?.text).toMatch(/^---/);
  });

  it('opens a lesson into its start state, ticks goals after commands, and saves progress', async () => {
    const storage = memoryStorage();
    const store = makeStore(storage);
    store.getState().runCommand('docker images');
    await store.getState().openLesson('images-and-containers');
    const s = store.getState();
    expect(s.lesson?.id).toBe('images-and-containers');
    expect(s.files.map((f) => f.path)).toEqual(['hello.txt']);
    expect(s.dockerfile).toContain('COPY hello.txt');
    expect(s.terminal).toEqual([]);
    expect(s.goalResults?.map((g) => g.met)).toEqual([false, false, false]);

    await store.getState().runCommand('docker build -t hello:1 .');
    await until(store, () => store.getState().goalResults?.[0]?.met === true);
    await store.getState().runCommand('docker run --name first hello:1');
    await store.getState().runCommand('docker run hello:1');
    await until(store, () => store.getState().goalResults?.every((g) => g.met) === true);

    expect(store.getState().progress['images-and-containers']?.status).toBe('done');
    const saved = JSON.parse(storage.getItem(PROGRESS_STORAGE_KEY)!) as unknown;
    expect(restoreProgress(saved)['images-and-containers']?.status).toBe('done');
    // A new visit reads the saved progress.
    expect(makeStore(storage).getState().progress['images-and-containers']?.status).toBe('done');
  });

  it('shows the solution: edits, commands in the terminal, the build, and goals met', async () => {
    const store = makeStore();
    await store.getState().openLesson('copy-cache', 1);
    expect(store.getState().lessonStep).toBe(1);
    await store.getState().showSolution();
    const s = store.getState();
    expect(s.files.map((f) => f.path)).toContain('.dockerignore');
    expect(s.terminal.map((t) => t.input)).toEqual(['docker build -t site:1 .']);
    expect(s.builds).toHaveLength(2); // the lesson's start build, then the solution's
    expect(s.goalResults?.every((g) => g.met)).toBe(true);
    expect(s.progress['copy-cache']).toMatchObject({ status: 'done', solutionShown: true });
  });

  it('resets a lesson, counts hints, and keeps the first predict answer', async () => {
    const store = makeStore();
    await store.getState().openLesson('build-cache');
    // The start build (app:1) is in the layer panels, played to its end.
    expect(store.getState().builds).toHaveLength(1);
    expect(store.getState().cursor).toBe(store.getState().builds[0]?.view.events.length);
    store.getState().showHint();
    store.getState().showHint();
    store.getState().answerPredict(0, 1);
    store.getState().answerPredict(0, 0);
    expect(store.getState().progress['build-cache']).toMatchObject({
      hints: 2,
      answers: { '0': 1 },
    });
    store.getState().setDockerfile('FROM scratch\n');
    await store.getState().resetLesson();
    expect(store.getState().dockerfile).toBe(store.getState().lesson?.start.dockerfile);
    expect(store.getState().progress['build-cache']).toMatchObject({ hints: 0, answers: {} });
  });

  it("sets the Build button to the lesson's tag, and gives the learner's own back on close", async () => {
    const store = makeStore();
    store.setState({ tag: 'mine:1', builder: 'classic', buildArgs: [{ name: 'A', value: '1' }] });
    await store.getState().openLesson('build-cache');
    expect(store.getState()).toMatchObject({ tag: 'app:1', builder: 'buildkit', buildArgs: [] });
    await store.getState().openLesson('arg-env-cache');
    expect(store.getState()).toMatchObject({
      tag: 'app:1',
      buildArgs: [{ name: 'BUILD_DATE', value: '2024-04-01' }],
    });
    store.getState().closeLesson();
    expect(store.getState()).toMatchObject({
      tag: 'mine:1',
      builder: 'classic',
      buildArgs: [{ name: 'A', value: '1' }],
    });
  });

  it('starts a lesson with a clean terminal', async () => {
    const store = makeStore();
    await store.getState().runCommand('docker images');
    const epoch = store.getState().terminalEpoch;
    await store.getState().openLesson('images-and-containers');
    expect(store.getState().terminal).toEqual([]);
    expect(store.getState().terminalEpoch).toBe(epoch + 1);
  });

  it('meets lesson 4 with the Build button, and says which goal the learner undid', async () => {
    const store = makeStore();
    await store.getState().openLesson('build-cache');
    const edit = (text: string) => store.getState().setFileContent('message.txt', text);
    edit('Goodbye, cache!\n');
    await store.getState().build({ animate: false });
    await until(store, () => store.getState().goalResults?.every((g) => g.met) === true);
    // Building app:1 again from the terminal changes nothing: it is the same image.
    await store.getState().runCommand('docker build -t app:1 .');
    await store.getState().checkGoals();
    expect(store.getState().goalResults?.every((g) => g.met)).toBe(true);
    edit('Hello, cache!\n');
    await store.getState().build({ animate: false });
    await until(store, () => store.getState().goalResults?.[0]?.met === false);
    expect(store.getState().goalsWereMet[0]).toBe(true);
    expect(store.getState().goalResults?.[0]?.detail).toContain('does not contain "Goodbye"');
  });

  it('runs chmod and touch on the context files from the terminal', async () => {
    const store = makeStore();
    await store.getState().openLesson('copy-cache');
    const chmod = await store.getState().runCommand('chmod +x index.html');
    expect(chmod.exitCode).toBe(0);
    expect(store.getState().files.find((f) => f.path === 'index.html')?.mode).toBe(0o755);
    const missing = await store.getState().runCommand('chmod +x nope.txt');
    expect(missing).toMatchObject({
      exitCode: 1,
      stderr: "chmod: cannot access 'nope.txt': No such file or directory\n",
    });
    await store.getState().runCommand('touch notes.txt');
    expect(store.getState().files.find((f) => f.path === 'notes.txt')?.content).toBe('');
    // The Build button and the terminal send the new mode with the file: COPY copies it.
    await store.getState().build({ animate: false });
    const ls = await store.getState().runCommand('docker run --rm site:1 ls -l /site/index.html');
    expect(ls.stdout).toMatch(/^-rwxr-xr-x /);
  });

  it('says which lesson does not exist', async () => {
    const store = makeStore();
    await store.getState().openLesson('no-such-lesson');
    expect(store.getState().lessonStatus).toEqual({
      kind: 'failed',
      message: 'There is no lesson called "no-such-lesson".',
    });
  });

  it('previews a lesson file, or reports its file, field and reason', async () => {
    const store = makeStore();
    const text = lessonSources().find((f) => f.path.endsWith('04-build-cache.md'))!.text;
    expect(await store.getState().previewLesson('mine.md', text)).toBe(true);
    expect(store.getState()).toMatchObject({ lessonPreview: true, authoringErrors: [] });
    expect(store.getState().lesson?.id).toBe('build-cache');

    const first = lessonSources().find((f) => f.path.endsWith('01-images-and-containers.md'))!;
    const bad = first.text.replace('"imageTagged"', '"imageTaged"');
    expect(await store.getState().previewLesson('mine.md', bad)).toBe(false);
    expect(store.getState().authoringErrors.join('\n')).toMatch(
      /^mine\.md:\d+: goals\[\d+\]\.check: unknown check 'imageTaged'/m,
    );
    expect(await store.getState().previewLessonUrl('http://example.com/a.md')).toBe(false);
    expect(store.getState().authoringErrors).toEqual([
      'http://example.com/a.md: lessons load only from https:// addresses.',
    ]);
  });

  it('previews a lesson from an https URL, and says why one could not be fetched', async () => {
    const text = lessonSources().find((f) => f.path.endsWith('09-container-writable-layer.md'))!;
    const asked: string[] = [];
    const store = createLabStore({
      engine: localEngine(),
      lessonFiles: () => Promise.resolve(lessonSources()),
      fetch: (url) => {
        asked.push(url);
        return Promise.resolve(
          url.endsWith('/gone.md')
            ? { ok: false, status: 404, text: () => Promise.resolve('') }
            : { ok: true, status: 200, text: () => Promise.resolve(text.text) },
        );
      },
    });
    expect(await store.getState().previewLessonUrl('https://x.org/l/09.md')).toBe(true);
    expect(store.getState().lesson?.file).toBe('https://x.org/l/09.md');
    expect(await store.getState().previewLessonUrl('https://x.org/gone.md')).toBe(false);
    expect(store.getState().authoringErrors).toEqual([
      'https://x.org/gone.md: the server answered 404.',
    ]);
    expect(asked).toEqual(['https://x.org/l/09.md', 'https://x.org/gone.md']);
  });

  it('exports progress as JSON that restores to the same marks', async () => {
    const store = makeStore();
    await store.getState().openLesson('images-and-containers');
    const exported = JSON.parse(store.getState().exportProgress()) as { version: number };
    expect(exported.version).toBe(1);
    expect(restoreProgress(exported)).toEqual(store.getState().progress);
    expect(restoreProgress({ lessons: { x: { status: 'weird' }, y: null } })).toEqual({});
  });
});
