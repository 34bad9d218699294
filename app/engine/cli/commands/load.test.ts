/**
 * `docker load -i` of real Docker 28.5 saves (conformance/load/): what it prints, and the image
 * it makes as `docker images`, `docker history` and `docker inspect` show it, against what the
 * real daemon showed for the same file in each store.
 */
import { describe, expect, it } from 'vitest';
import { fixture, recorded } from '../../images/load/testing/fixtures.ts';
import type { ImageStoreKind } from '../../images/stores.ts';
import { lab } from '../testing/lab.ts';
import { loadEngine, saveEngine, type EngineState } from '../../daemon/persist.ts';
import { diffId, MergedView } from '../../fs/index.ts';

const STORES: ImageStoreKind[] = ['overlay2', 'containerd'];
const NAMES = [
  'tiny.overlay2.tar',
  'tiny.containerd.tar',
  'tiny.zstd.tar',
  'tiny-untagged.overlay2.tar',
  'tiny.legacy.tar',
  'tiny.oci.tar',
  'bb.containerd.tar',
];

function loaded(name: string, store: ImageStoreKind) {
  const l = lab({}, [{ path: name, content: fixture(name) }], { store });
  return { ...l, result: l.docker('load', '-i', name) };
}

/** dockerd names its temporary directory with a random number. */
const tmpless = (s: string) => s.replace(/\/var\/lib\/[^ ]*docker-import-\d+\//, 'TMP/');

describe('docker load -i, as Docker 28.5 did it', () => {
  for (const name of [...NAMES, 'bad-random.bin', 'bad-truncated.tar', 'bad-rootfs.tar']) {
    for (const store of STORES) {
      const real = recorded.recorded[name]![store];
      it(`${name} into the ${store} store`, () => {
        const { result, docker } = loaded(name, store);
        expect(result.exitCode).toBe(real.status);
        expect(result.stdout.trimEnd()).toBe(real.stdout);
        expect(tmpless(result.stderr.trimEnd())).toBe(tmpless(real.stderr));
        for (const image of real.images) {
          if (!image.id) continue;
          const ref = image.ref;
          const id = docker('inspect', '--format', '{{.Id}}', ref).stdout.trim();
          expect(id).toBe(image.id);
          if (image.rootfsLayers)
            expect(
              docker('inspect', '--format', '{{json .RootFS.Layers}}', ref).stdout.trim(),
            ).toBe(JSON.stringify(image.rootfsLayers));
          if (image.history && store === 'overlay2') {
            const rows = docker(
              'history',
              '--no-trunc',
              '--format',
              '{{.ID}}|{{.CreatedBy}}|{{.Size}}|{{.Comment}}',
              ref,
            ).stdout;
            expect(rows.trimEnd().split('\n')).toEqual(
              image.history.map((h) => `${h.ID}|${h.CreatedBy}|${h.Size}|${h.Comment}`),
            );
          }
        }
      });
    }
  }

  it('says when a tag moves off an older image (overlay2), and loading again changes nothing', () => {
    const { docker } = loaded('tiny-untagged.overlay2.tar', 'overlay2');
    docker(
      'tag',
      'sha256:bfb12219dcc3e74ac218d8ffa65896f67d83cd7cd5243018c198a95704b47593',
      'layerlab/tiny:1',
    );
    const l = lab({}, [{ path: 'a.tar', content: fixture('tiny.zstd.tar') }]);
    l.docker('load', '-i', 'a.tar');
    l.docker('tag', 'layerlab/tiny:zstd', 'layerlab/tiny:1');
    l.workspace.set('b.tar', { path: 'b.tar', content: fixture('tiny.overlay2.tar') });
    const again = l.docker('load', '-i', 'b.tar');
    expect(again.stdout).toBe(
      'The image layerlab/tiny:1 already exists, renaming the old one with ID sha256:5d0c94dc515144fd037edd570d5af177ca84753f0aa53425a61f96081c6e228d to empty string\nLoaded image: layerlab/tiny:1\n',
    );
    expect(l.docker('load', '-i', 'b.tar').stdout).toBe(`${recorded.recorded.again}\n`);
  });

  it('refuses a missing file, a terminal on stdin and arguments as the CLI does', () => {
    const { docker } = lab({});
    expect(docker('load', '-i', 'nope.tar').stderr).toBe(
      'open nope.tar: no such file or directory\n',
    );
    expect(docker('load').stderr).toBe('requested load from stdin, but stdin is empty\n');
    expect(docker('load', 'app.tar').stderr).toMatch(/^"docker load" accepts no arguments\./);
  });

  it('runs the loaded image and builds on nothing else', () => {
    const { docker } = loaded('bb.containerd.tar', 'overlay2');
    const run = docker('run', '--rm', 'layerlab/bb:1', 'cat', '/etc/greeting');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).not.toBe('');
  });
});

describe('a loaded image in a saved lab', () => {
  it('survives a save and a load: ID, diffIDs, kept bytes, sizes and digests of big files', () => {
    const a = loaded('bb.containerd.tar', 'overlay2');
    const json = JSON.parse(JSON.stringify(saveEngine(a.engine))) as EngineState;
    const b = lab({});
    loadEngine(b.engine, json);
    const before = a.engine.images.resolve('layerlab/bb:1');
    const after = b.engine.images.resolve('layerlab/bb:1');
    expect(after.id).toBe(before.id);
    expect(after.layers.map((l) => diffId(l))).toEqual(before.layers.map((l) => diffId(l)));
    expect(after.layers.map((l) => l.stats.size)).toEqual(before.layers.map((l) => l.stats.size));
    expect(b.docker('run', '--rm', 'layerlab/bb:1', 'cat', '/etc/greeting').stdout).toBe(
      a.docker('run', '--rm', 'layerlab/bb:1', 'cat', '/etc/greeting').stdout,
    );
    const busybox = MergedView.of(after.layers).lookup('/bin/busybox');
    expect(busybox?.type === 'file' && busybox.digest).toMatch(/^sha256:/);
  });
});
