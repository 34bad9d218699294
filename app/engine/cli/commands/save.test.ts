/**
 * `docker save` as Docker 28.5 writes it in each image store, checked against 28.5's own saves
 * of the same images (conformance/load/), and the round trip: what the lab's save writes, the
 * lab's load reads back to the same image.
 */
import { describe, expect, it } from 'vitest';
import { cmd, copy, env, from, plan, run } from '../../build/testing/steps.ts';
import { readTar, type TarEntry } from '../../fs/index.ts';
import { fixture } from '../../images/load/testing/fixtures.ts';
import type { ImageStoreKind } from '../../images/stores.ts';
import { lab } from '../testing/lab.ts';

const STORES: ImageStoreKind[] = ['overlay2', 'containerd'];

const PLANS = {
  app: plan([
    from('layerlab/bb:1'),
    copy(['notes.txt'], '/srv/notes.txt'),
    run('echo built > /built.txt && rm /etc/greeting'),
    env('MODE', 'saved'),
    cmd(['cat', '/built.txt']),
  ]),
};

/** A lab with `names` loaded from the fixtures, and `more` workspace files. */
function loaded(store: ImageStoreKind, names: string[]) {
  const l = lab(
    PLANS,
    [
      ...names.map((n) => ({ path: n, content: fixture(n) })),
      { path: 'notes.txt', content: 'kept across a save\n' },
    ],
    { store },
  );
  for (const n of names) expect(l.docker('load', '-i', n).exitCode).toBe(0);
  return l;
}

function bytesOf(l: ReturnType<typeof lab>, path: string): Uint8Array {
  const f = l.workspace.get(path);
  if (!f || typeof f.content === 'string') throw new Error(`${path} is no binary file`);
  return f.content;
}

/** Name, type, mode, mtime and content of each entry, comparable with toEqual. */
const listing = (entries: TarEntry[]) =>
  entries.map((e) => ({
    name: e.name,
    type: e.type,
    mode: e.mode.toString(8),
    mtime: e.name === 'blobs/sha256/' ? 'save time' : e.mtime,
    uname: e.uname,
    data: Buffer.from(e.data).toString('base64'),
  }));

/**
 * What an image is, as docker inspect and history show it. The IMAGE column of history names
 * local parents: the overlay2 store links them again from manifest.json's Parent; the
 * containerd store's save carries no such link, so only the rows themselves are compared.
 */
function described(docker: ReturnType<typeof lab>['docker'], ref: string, store: ImageStoreKind) {
  const fmt = (f: string) => docker('inspect', '--format', f, ref).stdout;
  return {
    id: fmt('{{.Id}}'),
    layers: fmt('{{json .RootFS.Layers}}'),
    config: fmt('{{json .Config}}'),
    history: docker(
      'history',
      '--no-trunc',
      '--format',
      `${store === 'overlay2' ? '{{.ID}} ' : ''}{{.CreatedBy}} {{.Size}} {{.Comment}}`,
      ref,
    ).stdout,
  };
}

describe('docker save writes what Docker 28.5 writes', () => {
  it('overlay2: the OCI layout, uncompressed layer blobs, manifest.json with LayerSources, repositories', () => {
    const l = loaded('overlay2', ['tiny.overlay2.tar']);
    expect(l.docker('save', '-o', 'out.tar', 'layerlab/tiny:1')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    const real = readTar(fixture('tiny.overlay2.tar'));
    // 28.5 also writes one legacy v1 JSON per layer that nothing points at; the lab does not.
    const v1 = real.filter(
      (e) => e.data.length && /^\{"id":"[0-9a-f]{64}"/.test(new TextDecoder().decode(e.data)),
    );
    expect(v1).toHaveLength(4);
    expect(listing(readTar(bytesOf(l, 'out.tar')))).toEqual(
      listing(real.filter((e) => !v1.includes(e))),
    );
  });

  it('containerd: the content store as it holds it, byte for byte (index, attestation, gzip layers)', () => {
    const l = loaded('containerd', ['tiny.containerd.tar']);
    expect(l.docker('save', '-o', 'out.tar', 'layerlab/tiny:1').exitCode).toBe(0);
    expect(
      Buffer.from(bytesOf(l, 'out.tar')).equals(Buffer.from(fixture('tiny.containerd.tar'))),
    ).toBe(true);
  });

  it('an image named by ID is saved untagged: manifest.json says RepoTags null, no repositories', () => {
    const l = loaded('overlay2', ['tiny.overlay2.tar']);
    const id = l.docker('inspect', '--format', '{{.Id}}', 'layerlab/tiny:1').stdout.trim();
    expect(l.docker('save', '-o', 'id.tar', id.slice(7, 19)).exitCode).toBe(0);
    const files = new Map(readTar(bytesOf(l, 'id.tar')).map((e) => [e.name, e]));
    expect(files.has('repositories')).toBe(false);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json')!.data));
    expect(manifest[0].RepoTags).toBeNull();
    const fresh = lab({}, [{ path: 'id.tar', content: bytesOf(l, 'id.tar') }], {
      store: 'overlay2',
    });
    expect(fresh.docker('load', '-i', 'id.tar').stdout).toBe(`Loaded image ID: ${id}\n`);
  });
});

describe('the round trip: the lab loads what the lab saves to the same image', () => {
  for (const store of STORES)
    it(`a loaded image and one built FROM it, ${store} store`, () => {
      const a = loaded(store, ['bb.containerd.tar']);
      expect(a.docker('build', '-t', 'app:1', '.').exitCode).toBe(0);
      expect(a.docker('save', '-o', 'both.tar', 'app:1', 'layerlab/bb:1').exitCode).toBe(0);
      const b = lab({}, [{ path: 'both.tar', content: bytesOf(a, 'both.tar') }], { store });
      expect(b.docker('load', '-i', 'both.tar').stdout).toBe(
        'Loaded image: app:1\nLoaded image: layerlab/bb:1\n',
      );
      for (const ref of ['app:1', 'layerlab/bb:1'])
        expect(described(b.docker, ref, store)).toEqual(described(a.docker, ref, store));
      expect(b.docker('run', '--rm', 'app:1').stdout).toBe('built\n');
      expect(b.docker('run', '--rm', 'app:1', 'cat', '/srv/notes.txt').stdout).toBe(
        'kept across a save\n',
      );
    });
});

describe('what docker save refuses', () => {
  it("says which layer it cannot write byte for byte, and the lab's load refuses that layer", () => {
    const l = lab(PLANS, [], { store: 'overlay2' });
    expect(l.docker('pull', '-q', 'debian:bookworm-slim').exitCode).toBe(0);
    const r = l.docker('save', '-o', 'd.tar', 'debian:bookworm-slim');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(
      /^Layerlab: layer 1 of debian:bookworm-slim holds files the lab knows only by their size and digest \(the catalog keeps no bytes of package payloads\): they are written as zeros, so it does not match its digest and docker load will refuse this archive\.\n$/,
    );
    const back = lab({}, [{ path: 'd.tar', content: bytesOf(l, 'd.tar') }], { store: 'overlay2' });
    expect(back.docker('load', '-i', 'd.tar').stderr).toMatch(/invalid diffID for layer 0/);
  });

  it('a missing image, no image, and a terminal for output, as the CLI does', () => {
    const l = lab({}, []);
    expect(l.docker('save', '-o', 'x.tar', 'nope:1').stderr).toBe(
      'Error response from daemon: No such image: nope:1\n',
    );
    expect(l.docker('save', 'nope:1').stderr).toBe(
      'cowardly refusing to save to a terminal. Use the -o flag or redirect\n',
    );
    expect(l.docker('save').stderr).toMatch(/^"docker save" requires at least 1 argument\./);
  });
});
