/**
 * Inputs Docker 28.5 refused (conformance/load/recorded.json), and hostile ones: each ends in a
 * sentence that says what is wrong and, where docker had words, docker's words for each store.
 */
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { layerFromEntries, sha256Digest, treeFromEntries, writeTar } from '../../fs/index.ts';
import { DEFAULT_ARCHIVE_LIMITS } from './archive.ts';
import { LoadError, type ImageStoreKind } from './errors.ts';
import { fixture, readArchive, recorded } from './testing/fixtures.ts';

function refusal(bytes: Uint8Array, store: ImageStoreKind, limits = DEFAULT_ARCHIVE_LIMITS) {
  try {
    readArchive(bytes, store, limits);
  } catch (e) {
    if (e instanceof LoadError) return e;
    throw e;
  }
  throw new Error('loaded what should have been refused');
}

/** dockerd names its temporary directory with a random number. */
const tmpless = (s: string) => s.replace(/\/var\/lib\/[^ ]*docker-import-\d+\//, 'TMP/');

describe('docker load refuses what Docker 28.5 refused, in its words', () => {
  for (const name of ['bad-random.bin', 'bad-truncated.tar', 'bad-rootfs.tar', 'tiny.oci.tar']) {
    for (const store of ['overlay2', 'containerd'] as const) {
      const real = recorded.recorded[name]![store];
      if (real.status === 0) continue;
      it(`${name} in the ${store} store`, () => {
        const e = refusal(fixture(name), store);
        expect(tmpless(e.dockerText(store))).toBe(tmpless(real.stderr));
        expect(e.message).not.toBe(e.dockerText(store));
      });
    }
  }

  it('a layer changed after the save: the wrong diffID (overlay2), the blob that no longer matches its name (containerd)', () => {
    const real = recorded.recorded['bad-blob-digest.tar']!.overlay2;
    const o = refusal(fixture('bad-blob-digest.tar'), 'overlay2');
    expect(o.dockerText('overlay2')).toBe(real.stderr);
    expect(o.message).toMatch(/^Layer 1 does not match the image config/);
    const c = refusal(fixture('bad-blob-digest.tar'), 'containerd');
    expect(c.message).toMatch(
      /^The blob blobs\/sha256\/0e09c18f[0-9a-f]+ does not match its name: its content hashes to sha256:94403a59/,
    );
  });

  it('explains the sentences a learner reads', () => {
    expect(refusal(fixture('bad-random.bin'), 'overlay2').message).toBe(
      'This file is not a tar archive: docker load reads the tar that docker save writes (docker save -o app.tar IMAGE).',
    );
    expect(refusal(fixture('bad-truncated.tar'), 'overlay2').message).toBe(
      'The archive is cut short: it ends inside blobs/sha256/0e09c18fe81fd459caf73d7095ae44e01c200ecbb801f84996ab11bfd334eb41 (3,464 of 6,656 bytes). Copy or download the file again.',
    );
    expect(refusal(fixture('bad-rootfs.tar'), 'containerd').message).toMatch(
      /^This tar holds plain files \(data, .*\), not a saved image: .* use docker import\.$/,
    );
    expect(refusal(new Uint8Array(0), 'overlay2').message).toMatch(/^The file is empty/);
  });
});

describe('hostile archives', () => {
  it('an entry that climbs out of the archive', () => {
    const evil = writeTar(
      treeFromEntries([{ path: '/manifest.json', type: 'file', data: '[]' }]),
    ).slice();
    // Rename the entry to ../manifest.json and fix the header checksum.
    evil.fill(0, 0, 100);
    evil.set(new TextEncoder().encode('../manifest.json'), 0);
    evil.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += evil[i]!;
    evil.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    expect(refusal(evil, 'overlay2').reason).toBe('traversal');
  });

  it('a gzip bomb stops at the limit instead of filling the memory', () => {
    const layer = writeTar(
      layerFromEntries([{ path: '/zeros', type: 'file', data: new Uint8Array(4 << 20) }]).root,
    );
    const save = gzipSync(
      writeTar(treeFromEntries([{ path: '/blobs/sha256/x', type: 'file', data: layer }])),
    );
    const e = refusal(save, 'overlay2', { ...DEFAULT_ARCHIVE_LIMITS, maxPlainBytes: 1 << 20 });
    expect(e.reason).toBe('too-large');
  });

  it('more files than any save holds', () => {
    const many = writeTar(
      treeFromEntries(
        Array.from({ length: 20 }, (_, i) => ({
          path: `/f${i}`,
          type: 'file' as const,
          data: 'x',
        })),
      ),
    );
    expect(refusal(many, 'overlay2', { ...DEFAULT_ARCHIVE_LIMITS, maxFiles: 10 }).reason).toBe(
      'too-many-files',
    );
  });

  it('a layer of a media type docker load cannot unpack, and one whose bytes are not what it says', () => {
    const layer = writeTar(layerFromEntries([{ path: '/a', type: 'file', data: 'a' }]).root);
    const layout = (mediaType: string) => {
      const config = JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [sha256Digest(layer)] },
      });
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256Digest(config),
        },
        layers: [{ mediaType, digest: sha256Digest(layer), size: layer.length }],
      });
      const index = JSON.stringify({
        schemaVersion: 2,
        manifests: [
          {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            digest: sha256Digest(manifest),
          },
        ],
      });
      const blob = (data: string | Uint8Array) => ({
        path: `/blobs/${sha256Digest(data).replace(':', '/')}`,
        type: 'file' as const,
        data,
      });
      return writeTar(
        treeFromEntries([
          blob(layer),
          blob(config),
          blob(manifest),
          { path: '/oci-layout', type: 'file', data: '{"imageLayoutVersion":"1.0.0"}' },
          { path: '/index.json', type: 'file', data: index },
        ]),
      );
    };
    expect(
      readArchive(layout('application/vnd.oci.image.layer.v1.tar'), 'containerd').images,
    ).toHaveLength(1);
    const lzma = refusal(layout('application/vnd.oci.image.layer.v1.tar+lzma'), 'containerd');
    expect(lzma.reason).toBe('media-type');
    expect(lzma.message).toBe(
      'Layer 1 has the media type application/vnd.oci.image.layer.v1.tar+lzma, which docker load cannot unpack (it knows tar layers, plain, gzip or zstd).',
    );
    expect(
      refusal(layout('application/vnd.oci.image.layer.v1.tar+gzip'), 'containerd').message,
    ).toMatch(
      /is said to be application\/vnd\.oci\.image\.layer\.v1\.tar\+gzip, but its bytes are an uncompressed tar\.$/,
    );
  });
});
