import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compressedLayer, diffId, tarDigest } from './digest.ts';
import { layerFromEntries } from './layer.ts';
import { layerFromTar, readTar } from './tar-read.ts';
import { tarChunks, writeTar } from './tar-write.ts';

const longDir = 'very-long-directory-name-'.repeat(5);
const layer = layerFromEntries([
  { path: '/app/a.txt', type: 'file', data: 'hello\n', mtime: 1_700_000_000 },
  { path: `/${longDir}/file-with-a-long-name.txt`, type: 'file', data: 'long\n' },
  { path: '/app/caf\u00e9.txt', type: 'file', data: 'accent\n' },
  { path: '/app/link', type: 'symlink', target: 'a.txt' },
  { path: '/app/hard', type: 'hardlink', target: '/app/a.txt' },
  { path: '/app/big.bin', type: 'file', size: 1_000_000, mode: 0o600, uid: 1000, gid: 1000 },
  { path: '/data/.wh.del.txt', type: 'file' },
  { path: '/repl/new', type: 'file', data: 'new\n' },
  { path: '/repl/.wh..wh..opq', type: 'file' },
  { path: '/.wh.gone', type: 'file' },
]);

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('writeTar / readTar', () => {
  it('writes Docker order: parents first, opaque marker after its directory, whiteouts in name order', () => {
    expect(readTar(writeTar(layer.root)).map((e) => e.name)).toEqual([
      'app/',
      'app/a.txt',
      'app/big.bin',
      'app/caf\u00e9.txt',
      'app/hard',
      'app/link',
      'data/',
      'data/.wh.del.txt',
      '.wh.gone',
      'repl/',
      'repl/.wh..wh..opq',
      'repl/new',
      `${longDir}/`,
      `${longDir}/file-with-a-long-name.txt`,
    ]);
  });

  it('round-trips every field through the reader', () => {
    const bytes = writeTar(layer.root, { mtime: 'preserve' });
    const written = [...layer.records()];
    const read = readTar(bytes);
    expect(read.map((e) => [e.name, e.mode, e.uid, e.gid, e.size, e.mtime, e.linkname])).toEqual(
      written.map((r) => [r.name, r.mode, r.uid, r.gid, r.size, r.mtime, r.linkname ?? '']),
    );
    const again = layerFromTar(bytes);
    expect([...again.records()].map((r) => [r.name, r.kind, r.size])).toEqual(
      written.map((r) => [r.name, r.kind, r.size]),
    );
    expect(sha256Hex(writeTar(again.root, { mtime: 'preserve' }))).toBe(sha256Hex(bytes));
  });

  it('fixes mtimes by default and writes zero bytes for content-less files', () => {
    const entries = readTar(writeTar(layer.root));
    expect(new Set(entries.map((e) => e.mtime))).toEqual(new Set([0]));
    const big = entries.find((e) => e.name === 'app/big.bin')!;
    expect(big.size).toBe(1_000_000);
    expect(big.data.every((b) => b === 0)).toBe(true);
  });

  it('hashes the stream to the sha256 of the whole tar when every byte is stored', () => {
    const real = layerFromEntries(
      [...layer.records()]
        .filter((r) => r.path !== '/app/big.bin')
        .map((r) =>
          r.kind === 'file' && r.node?.type === 'file'
            ? { path: r.path, type: 'file' as const, data: r.node.data! }
            : { path: r.path, type: 'dir' as const },
        ),
    );
    const bytes = writeTar(real.root);
    expect(tarDigest(real)).toEqual({
      diffId: 'sha256:' + sha256Hex(bytes),
      tarSize: bytes.length,
      standIn: false,
    });
    expect(bytes.length % 512).toBe(0);
  });

  it('names a layer with stand-in files by a description, never by hashing invented zeros', () => {
    const bytes = writeTar(layer.root);
    const d = tarDigest(layer);
    expect(d.standIn).toBe(true);
    expect(d.diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(d.diffId).not.toBe('sha256:' + sha256Hex(bytes));
    // The size is still the real tar's, PAX headers included.
    expect(d.tarSize).toBe(bytes.length);
    // Deterministic, and it follows what the headers and the stand-in's own digest say.
    const entry = (over: object) =>
      layerFromEntries([{ path: '/big', type: 'file', size: 1000, digest: 'sha256:aa', ...over }]);
    expect(diffId(entry({}))).toBe(diffId(entry({})));
    expect(diffId(entry({ digest: 'sha256:bb' }))).not.toBe(diffId(entry({})));
    expect(diffId(entry({ size: 1001 }))).not.toBe(diffId(entry({})));
    expect(diffId(entry({ mode: 0o600 }))).not.toBe(diffId(entry({})));
    // A stored file's bytes count through their own sha256.
    const mixed = (data: string) =>
      layerFromEntries([
        { path: '/big', type: 'file', size: 1000 },
        { path: '/small', type: 'file', data },
      ]);
    expect(diffId(mixed('a'))).not.toBe(diffId(mixed('b')));
  });

  it('never holds a large content-less file in one buffer', () => {
    const huge = layerFromEntries([{ path: '/zero', type: 'file', size: 100 * 1024 * 1024 }]);
    let largest = 0;
    let total = 0;
    for (const chunk of tarChunks(huge.root)) {
      largest = Math.max(largest, chunk.length);
      total += chunk.length;
    }
    expect(largest).toBeLessThanOrEqual(64 * 1024);
    expect(total).toBe(512 + 100 * 1024 * 1024 + 1024);
  });

  it('writes a PAX size record beyond the 8 GiB octal limit', () => {
    const chunks = tarChunks(layerFromEntries([{ path: '/x', type: 'file', size: 2 ** 34 }]).root);
    const first = chunks.next().value as Uint8Array;
    expect(String.fromCharCode(first[156]!)).toBe('x');
    const body = new TextDecoder().decode(first.subarray(512, 532));
    expect(body).toBe('20 size=17179869184\n');
  });

  it('reads GNU base-256 sizes', () => {
    const bytes = writeTar(layerFromEntries([{ path: '/x', type: 'file', data: 'abc' }]).root);
    const h = bytes.slice(0, 512);
    h.fill(0, 124, 136);
    h[124] = 0x80;
    h[135] = 3;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    h.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    bytes.set(h, 0);
    expect(readTar(bytes)[0]).toMatchObject({ name: 'x', size: 3 });
  });

  it('compresses a stored tar, and counts stand-in files at their size', () => {
    const zeros = layerFromEntries([{ path: '/z', type: 'file', data: new Uint8Array(100_000) }]);
    const c = compressedLayer(zeros);
    expect(c.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(c.size).toBeLessThan(tarDigest(zeros).tarSize / 10);
    const s = compressedLayer(layer);
    expect(s.size).toBeGreaterThan(1_000_000);
    expect(s.size).toBeLessThan(1_010_000);
  });

  it('compresses a tar once: the same layer made again gets the blob already measured', () => {
    const make = () =>
      layerFromEntries([{ path: '/app/x.txt', type: 'file', data: 'same bytes\n'.repeat(50) }]);
    const first = compressedLayer(make());
    const again = compressedLayer(make());
    // The very object: nothing was compressed the second time.
    expect(again).toBe(first);
    // A different tar is compressed on its own.
    const other = layerFromEntries([{ path: '/app/x.txt', type: 'file', data: 'other\n' }]);
    expect(compressedLayer(other).digest).not.toBe(first.digest);
    // The level is part of what is remembered.
    expect(compressedLayer(make(), { level: 1 })).not.toBe(first);
  });
});

let gnuTar: string | undefined;
try {
  gnuTar = execFileSync('tar', ['--version'], { encoding: 'utf8' });
} catch {
  gnuTar = undefined;
}

describe.skipIf(!gnuTar?.includes('GNU tar'))('GNU tar reads our tars', () => {
  it('lists names, modes, owners, links and sizes as we wrote them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-tar-'));
    try {
      const file = join(dir, 'layer.tar');
      writeFileSync(file, writeTar(layer.root, { mtime: 1_700_000_000 }));
      const listing = execFileSync('tar', ['-tvf', file, '--utc'], { encoding: 'utf8' });
      const lines = listing.trim().split('\n');
      expect(lines).toHaveLength(14);
      expect(lines[0]).toMatch(/^drwxr-xr-x root\/root +0 2023-11-14 22:13 app\/$/);
      expect(lines[2]).toMatch(/^-rw------- 1000\/1000 +1000000 .* app\/big\.bin$/);
      expect(lines[3]).toMatch(/ app\/caf\u00e9\.txt$/);
      expect(lines[4]).toMatch(/^hrw-r--r-- .* app\/hard link to app\/a\.txt$/);
      expect(lines[5]).toMatch(/^lrwxrwxrwx .* app\/link -> a\.txt$/);
      expect(lines[7]).toMatch(/^-rw------- root\/root +0 .* data\/\.wh\.del\.txt$/);
      expect(lines[10]).toMatch(/^-rwxr-xr-x .* 1970-01-01 00:00 repl\/\.wh\.\.wh\.\.opq$/);
      expect(lines[13]).toMatch(new RegExp(`${longDir}/file-with-a-long-name\\.txt$`));
      const content = execFileSync('tar', ['-xOf', file, 'app/a.txt'], { encoding: 'utf8' });
      expect(content).toBe('hello\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
