/**
 * Every tar our writer produces reads back with a standard reader (Python's tarfile, the same
 * family of readers `docker load` and registries use) to the same entries: names, types, modes,
 * owners, times, link targets and content.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerFromEntries, type Layer } from '../fs/layer.ts';
import type { EntrySpec } from '../fs/tree.ts';
import { writeTar } from '../fs/tar-write.ts';

const READER = String.raw`
import hashlib, json, sys, tarfile, os
out = []
for name in sorted(os.listdir(sys.argv[1]), key=int):
    members = []
    with tarfile.open(os.path.join(sys.argv[1], name), 'r:') as t:
        for m in t:
            data = t.extractfile(m).read() if m.isreg() else b''
            members.append([m.name, m.type.decode(), m.mode & 0o7777, m.uid, m.gid, int(m.mtime),
                            m.size if m.isreg() else 0, m.linkname, hashlib.sha256(data).hexdigest()])
    out.append(members)
json.dump(out, sys.stdout)
`;

const segment = fc.oneof(
  fc.constantFrom('a', 'b', 'caf\u00e9', '\u{1f433}', 'n'.repeat(120), 'a b', '.hidden', 'x\ty'),
  // A name that starts with `.wh.` is a whiteout marker in a layer, never a file of its own.
  fc
    .stringMatching(/^[a-z0-9_.-]{1,12}$/)
    .filter((s) => s !== '.' && s !== '..' && !s.startsWith('.wh.')),
);
const meta = {
  mode: fc.constantFrom(0o644, 0o755, 0o600, 0o4755, 0o1777),
  uid: fc.constantFrom(0, 1000, 65534, 3_000_000),
  gid: fc.constantFrom(0, 1000, 2_200_000),
  mtime: fc.constantFrom(0, 1_700_000_000, 2 ** 33 + 5),
};
const entry: fc.Arbitrary<EntrySpec> = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.nat(5))
  .chain(([parts, kind]): fc.Arbitrary<EntrySpec> => {
    const path = '/' + parts.join('/');
    if (kind === 0)
      return fc.record({ path: fc.constant(path), type: fc.constant('dir' as const), ...meta });
    if (kind === 1)
      return fc.record({
        path: fc.constant(path),
        type: fc.constant('symlink' as const),
        target: fc.oneof(segment, fc.constant('../' + 'l'.repeat(150))),
        ...meta,
      });
    if (kind === 2) return fc.constant({ path, type: 'whiteout' as const });
    if (kind === 3)
      return fc.record({
        path: fc.constant(path),
        type: fc.constant('file' as const),
        size: fc.nat(3000),
        ...meta,
      });
    return fc.record({
      path: fc.constant(path),
      type: fc.constant('file' as const),
      data: fc.uint8Array({ maxLength: 700 }),
      ...meta,
    });
  });
const layers = fc
  .tuple(fc.array(entry, { maxLength: 20 }), fc.boolean())
  .map(([entries, opaque]): Layer =>
    layerFromEntries(opaque ? [...entries, { path: '/a', type: 'opaque' }] : entries),
  );

const TYPE: Record<string, string> = { dir: '5', symlink: '2', hardlink: '1' };

/** What a standard reader should see for each record of `layer`. */
function expected(layer: Layer): unknown[][] {
  return [...layer.records()].map((r) => {
    const data =
      r.kind === 'file' && r.node?.type === 'file' && r.node.data
        ? r.node.data
        : new Uint8Array(r.kind === 'file' ? r.size : 0);
    return [
      r.kind === 'dir' ? r.name.replace(/\/$/, '') : r.name,
      TYPE[r.kind] ?? '0',
      r.kind === 'whiteout' || r.kind === 'opaque' ? 0 : r.mode & 0o7777,
      r.uid,
      r.gid,
      r.kind === 'opaque' ? 0 : r.mtime,
      r.kind === 'file' ? r.size : 0,
      r.linkname ?? '',
      bytesToHex(sha256(data)),
    ];
  });
}

const TAR_CASES = 150;

describe('our tars, read by a standard reader', () => {
  it(`reads back ${TAR_CASES} random layers to the same entries`, () => {
    // A fixed seed, so every run checks the same cases; TAR_SEED=<n> explores others.
    const seed = Number(process.env.TAR_SEED ?? 1319336124);
    const samples = fc.sample(layers, { numRuns: TAR_CASES, seed });
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
    try {
      samples.forEach((layer, i) =>
        writeFileSync(join(dir, String(i)), writeTar(layer.root, { mtime: 'preserve' })),
      );
      const read = JSON.parse(
        execFileSync('python3', ['-c', READER, dir], { encoding: 'utf8', maxBuffer: 1 << 28 }),
      ) as unknown[][][];
      expect(read).toHaveLength(TAR_CASES);
      expect(read.flat().length).toBeGreaterThan(TAR_CASES);
      samples.forEach((layer, i) => {
        const want = expected(layer);
        // Whiteout and opaque markers are plain files to a standard reader; their mode is ours.
        const got = read[i]!.map((m, j) =>
          want[j] && /(^|\/)\.wh\./.test(String(m[0])) ? [...m.slice(0, 2), 0, ...m.slice(3)] : m,
        );
        expect(got, `seed ${seed}, case ${i}`).toEqual(want);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
