/**
 * Loaded images kept in the browser: a loaded archive is kept and loaded again when the lab
 * starts anew (a reload), the Images panel's Delete and Delete all forget them, and a storage
 * that refuses the archive costs that archive only, said in a sentence.
 */
import { describe, expect, it } from 'vitest';
import { createEngineClient } from './engineClient.ts';
import { memoryShelf, type Shelf } from './shelf.ts';
import { createLabStore } from './store.ts';
import { fixtureFile, readingPort } from './testing/readingPort.ts';

const lab = (shelf: Shelf) =>
  createLabStore({
    shelf,
    engine: () => createEngineClient(() => readingPort([], { on: false })),
  });

const names = (store: ReturnType<typeof lab>) =>
  store.getState().engineView.images.flatMap((i) => i.names);

describe('loaded images kept across reloads', () => {
  it('keeps a loaded archive and loads it again when the lab starts anew', async () => {
    const shelf = memoryShelf();
    const first = lab(shelf);
    await first.getState().loadImageFile(fixtureFile('bb.containerd.tar'));
    await expect.poll(() => first.getState().kept.length).toBe(1);
    const kept = first.getState().kept[0]!;
    expect(kept).toMatchObject({
      name: 'bb.containerd.tar',
      size: fixtureFile('bb.containerd.tar').size,
      images: ['layerlab/bb:1'],
      store: first.getState().imageStore,
    });
    // A reload: a new store over the same shelf, with an engine that has never seen the image.
    const second = lab(shelf);
    await expect.poll(() => names(second)).toContain('layerlab/bb:1');
    expect(second.getState().kept.map((k) => k.name)).toEqual(['bb.containerd.tar']);
    expect(second.getState().keepProblem).toBeUndefined();
  });

  it('Delete forgets one archive and Delete all the rest; the images stay until a reload', async () => {
    const shelf = memoryShelf();
    const store = lab(shelf);
    await store.getState().loadImageFile(fixtureFile('bb.containerd.tar'));
    await store.getState().loadImageFile(fixtureFile('tiny.overlay2.tar'));
    await expect.poll(() => store.getState().kept.length).toBe(2);
    await store.getState().forgetKept(store.getState().kept[0]!.key);
    expect(store.getState().kept.map((k) => k.name)).toEqual(['tiny.overlay2.tar']);
    expect((await shelf.list()).map((k) => k.name)).toEqual(['tiny.overlay2.tar']);
    await store.getState().forgetAllKept();
    expect(store.getState().kept).toEqual([]);
    expect(await shelf.list()).toEqual([]);
    expect(names(store)).toContain('layerlab/bb:1');
    // After a reload nothing comes back.
    const again = lab(shelf);
    await again.getState().restoreKept();
    expect(names(again)).not.toContain('layerlab/bb:1');
  });

  it('a full storage keeps nothing, says so, and loses nothing else of the lab', async () => {
    const full: Shelf = {
      ...memoryShelf(),
      put: () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    };
    const store = lab(full);
    store.getState().setDockerfile('FROM layerlab/bb:1\nRUN echo hi\n');
    const entry = await store.getState().loadImageFile(fixtureFile('bb.containerd.tar'));
    expect(entry.exitCode).toBe(0);
    await expect.poll(() => store.getState().keepProblem?.kind).toBe('quota');
    expect(store.getState().keepProblem).toMatchObject({ name: 'bb.containerd.tar' });
    expect(store.getState().kept).toEqual([]);
    expect(names(store)).toContain('layerlab/bb:1');
    expect(store.getState().dockerfile).toBe('FROM layerlab/bb:1\nRUN echo hi\n');
  });

  it('an archive that no longer loads is named, and the others still come back', async () => {
    const shelf = memoryShelf();
    const store = lab(shelf);
    await store.getState().loadImageFile(fixtureFile('bb.containerd.tar'));
    await expect.poll(() => store.getState().kept.length).toBe(1);
    const [good] = await shelf.list();
    await shelf.put({
      ...good!,
      key: 'broken',
      name: 'broken.tar',
      kept: 0,
      file: new File([new Uint8Array(1024).fill(7)], 'broken.tar'),
    });
    const again = lab(shelf);
    await expect.poll(() => again.getState().keepProblem?.kind).toBe('restore-failed');
    expect(again.getState().keepProblem?.name).toBe('broken.tar');
    await expect.poll(() => names(again)).toContain('layerlab/bb:1');
  });
});
