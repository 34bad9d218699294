/**
 * Real `docker save` tars from Docker 28.5 (conformance/load/), read chunk by chunk: the image
 * ID each store gave them, RootFS.Layers (diffIDs), every blob checked.
 */
import { describe, expect, it } from 'vitest';
import { MergedView } from '../../fs/index.ts';
import type { ImageStoreKind } from './errors.ts';
import { fixture, readArchive, recorded } from './testing/fixtures.ts';

const LOADABLE = [
  'tiny.overlay2.tar',
  'tiny.containerd.tar',
  'tiny.zstd.tar',
  'tiny-untagged.overlay2.tar',
  'tiny.legacy.tar',
  'tiny.buildx-oci.tar',
  'bb.containerd.tar',
];
const STORES: ImageStoreKind[] = ['overlay2', 'containerd'];

describe('docker save tars from Docker 28.5', () => {
  for (const name of LOADABLE) {
    for (const store of STORES) {
      const real = recorded.recorded[name]![store];
      if (real.status !== 0) continue;
      it(`${name} into the ${store} store: the recorded image ID and RootFS.Layers`, () => {
        const { images } = readArchive(fixture(name), store);
        expect(images.map((i) => i.id)).toEqual(real.images.map((i) => i.id));
        expect(images.map((i) => i.diffIds)).toEqual(real.images.map((i) => i.rootfsLayers));
        expect(images.map((i) => i.layers.map((l) => l.diffId))).toEqual(
          real.images.map((i) => i.rootfsLayers),
        );
      });
    }
  }

  it('names what docker load prints: RepoTags, or none for a save by ID', () => {
    expect(readArchive(fixture('tiny.overlay2.tar'), 'overlay2').images[0]!.tags).toEqual([
      'layerlab/tiny:1',
    ]);
    expect(readArchive(fixture('tiny-untagged.overlay2.tar'), 'overlay2').images[0]!.tags).toEqual(
      [],
    );
    expect(readArchive(fixture('tiny.buildx-oci.tar'), 'containerd').images[0]!.tags).toEqual([
      'layerlab/tiny:oci',
    ]);
  });

  it('reads the same image whatever the chunk size', () => {
    const bytes = fixture('tiny.zstd.tar');
    const ids = [1, 511, 512, 513, 65536].map(
      (size) => readArchive(bytes, 'overlay2', undefined, size).images[0]!.id,
    );
    expect(new Set(ids)).toEqual(
      new Set(['sha256:5d0c94dc515144fd037edd570d5af177ca84753f0aa53425a61f96081c6e228d']),
    );
  });

  it("keeps the RUN layer's literal whiteouts and opaque marker, and small files with their bytes", () => {
    // The overlay2 store's differ marks the re-created directory opaque; the containerd
    // store's writes one whiteout per deleted file instead (both recorded on 28.5).
    const kinds = (name: string, store: ImageStoreKind) =>
      [...readArchive(fixture(name), store).images[0]!.layers[2]!.layer.records()]
        .filter((r) => r.kind === 'whiteout' || r.kind === 'opaque')
        .map((r) => `${r.kind} ${r.name}`);
    expect(kinds('tiny.overlay2.tar', 'overlay2')).toEqual([
      'opaque data/cfg/.wh..wh..opq',
      'whiteout data/.wh.gone',
      'whiteout data/.wh.old.txt',
    ]);
    expect(kinds('tiny.containerd.tar', 'containerd')).toEqual([
      'whiteout data/cfg/.wh.old.conf',
      'whiteout data/.wh.gone',
      'whiteout data/.wh.old.txt',
    ]);
    const image = readArchive(fixture('tiny.overlay2.tar'), 'overlay2').images[0]!;
    const merged = MergedView.of(image.layers.map((l) => l.layer));
    const file = merged.lookup('/data/cfg/new.conf');
    expect(file?.type === 'file' && new TextDecoder().decode(file.data)).toBe('y=2\n');
    expect(merged.lookup('/data/old.txt')).toBeUndefined();
    expect(merged.lookup('/data/cfg/old.conf')).toBeUndefined();
    expect(merged.lookup('/data/keep.txt')?.type).toBe('file');
  });

  it('keeps the size and own digest of files above the kept size, not their bytes', () => {
    const image = readArchive(fixture('bb.containerd.tar'), 'containerd').images[0]!;
    const busybox = MergedView.of(image.layers.map((l) => l.layer)).lookup('/bin/busybox');
    expect(busybox?.type).toBe('file');
    if (busybox?.type !== 'file') return;
    expect(busybox.data).toBeUndefined();
    expect(busybox.size).toBe(1_982_256);
    expect(busybox.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
