/**
 * Loading a picked or dropped `docker save` tar from the page: the progress the store shows
 * while the engine reads it, and Cancel, which stops the read and leaves the lab as it was.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../engine/images/load/testing/fixtures.ts';
import type { ReadProgress } from '../engine/session/brought.ts';
import type { Request } from '../engine/session/protocol.ts';
import { createEngineClient } from './engineClient.ts';
import { createLabStore } from './store.ts';
import { fixtureFile as file, readingPort as port } from './testing/readingPort.ts';

describe('loading a tar from the page', () => {
  it('shows bytes read of the file size while the engine reads, then the loaded image', async () => {
    const store = createLabStore({
      engine: () => createEngineClient(() => port([], { on: false })),
    });
    const seen: (ReadProgress | undefined)[] = [];
    store.subscribe((s, before) => {
      if (s.loading !== before.loading) seen.push(s.loading);
    });
    const size = fixture('bb.containerd.tar').length;
    const entry = await store.getState().loadImageFile(file('bb.containerd.tar'));
    expect(entry.stdout).toBe('Loaded image: layerlab/bb:1\n');
    expect(seen[0]).toEqual({ name: 'bb.containerd.tar', read: 0, total: size });
    // The engine read the file in slices and said so after each one, up to the whole file.
    expect(seen.at(-2)).toEqual({ name: 'bb.containerd.tar', read: size, total: size });
    expect(seen.at(-1)).toBeUndefined();
    expect(store.getState().engineView.images.flatMap((i) => i.names)).toContain('layerlab/bb:1');
  });

  it('Cancel stops the read, restarts the engine where it was, and adds no image', async () => {
    const hang = { on: false };
    const logs: Request[][] = [];
    const store = createLabStore({
      engine: () =>
        createEngineClient(() => {
          const log: Request[] = [];
          logs.push(log);
          return port(log, hang);
        }),
    });
    await store.getState().loadImageFile(file('tiny.overlay2.tar'));
    const before = store.getState().engineView.images.map((i) => i.id);
    hang.on = true;
    const running = store.getState().loadImageFile(file('bb.containerd.tar'));
    await expect.poll(() => logs[0]!.at(-1)?.method).toBe('command');
    expect(store.getState().loading?.name).toBe('bb.containerd.tar');
    store.getState().cancelLoad();
    const entry = await running;
    expect(entry.stderr).toBe('^C (cancelled)\n');
    expect(store.getState().loading).toBeUndefined();
    // The new engine starts from the state saved before the load: the first image, no other.
    expect(logs[1]![0]!.method).toBe('load');
    hang.on = false;
    const view = await store.getState().engine().view();
    expect(view.images.map((i) => i.id)).toEqual(before);
  });
});
