/**
 * The lesson builder through the store, as the page drives it: the lab's daemon mode, the
 * start and goal captured from what was typed, goals picked, the draft checked by the course's
 * schema and replay, and kept across a reload.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { lessonImages } from '../engine/lessons/testing/sessions.ts';
import type { SessionOptions } from '../engine/session/session.ts';
import { DRAFT_STORAGE_KEY } from './lessonBuilderSlice.ts';
import { createLabStore } from './store.ts';
import { localEngine } from './testing/localEngine.ts';

const DF = 'FROM debian:bookworm-slim\nRUN echo one > /one\nRUN echo two > /two\n';
const SQUASH = 'DOCKER_BUILDKIT=0 docker build --squash -t flat:1 .';
const REPLAY = 600_000;

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('lesson builder slice', () => {
  it(
    "keeps the daemon's experimental mode, captures a squash lesson and checks it by replay",
    { timeout: REPLAY },
    async () => {
      const storage = memoryStorage();
      const store = createLabStore({
        engine: localEngine(opts),
        initialDockerfile: DF,
        storageKey: 'lab',
        storage: storage as Storage,
        saveDelayMs: 0,
      });
      const s = () => store.getState();

      // Without the mode the legacy builder refuses --squash, as Docker 28.5 does.
      expect((await s().runCommand(SQUASH)).exitCode).not.toBe(0);
      await s().setDraftExperimental(true);
      s().captureStart();
      expect(s().builderDraft.start?.experimental).toBe(true);
      // The failed line is no start command.
      expect(s().builderDraft.start?.commands).toBe('');

      expect((await s().runCommand(SQUASH)).exitCode).toBe(0);
      await s().captureGoal();
      const goal = s().builderDraft.goal!;
      expect(goal.commands).toBe(SQUASH);
      const tagged = goal.candidates.find((c) => c.name === 'imageTagged' && c.args === 'flat:1');
      expect(tagged).toBeDefined();
      s().toggleGoal(tagged!, 'An image named flat:1 exists');
      s().editDraft({
        id: 'squash-it',
        title: 'Squash it',
        summary: 'One layer for two RUN steps.',
        text: 'Squash.\n\n## Build\n\nBuild with --squash.\n',
        hints: 'The daemon is in experimental mode.',
      });

      const ok = await s().checkDraft();
      expect(ok).toMatchObject({ state: 'ok', file: 'squash-it.md' });
      if (ok.state !== 'ok') return;
      expect(ok.text).toContain('"daemon": {\n      "experimental": true\n    }');

      // The same lesson without the mode: its solution's command fails, named by its line.
      await s().setDraftExperimental(false);
      const bad = await s().checkDraft();
      expect(bad.state).toBe('failed');
      if (bad.state !== 'failed') return;
      const line = ok.text.split('\n').findIndex((l) => l.includes('--squash')) + 1;
      expect(bad.errors).toEqual([
        expect.stringMatching(
          new RegExp(`^squash-it\\.md:${line - 3}: solution\\.commands\\[0\\]: .*--squash.* fails`),
        ),
        expect.stringMatching(/^squash-it\.md:\d+: goals\[0\]: the solution does not meet/),
      ]);

      // A reload finds the draft as it was left.
      expect(JSON.parse(storage.getItem(DRAFT_STORAGE_KEY)!)).toMatchObject({
        id: 'squash-it',
        experimental: false,
        goals: [{ text: 'An image named flat:1 exists' }],
      });
    },
  );
});
