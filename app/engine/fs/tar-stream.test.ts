/**
 * The streaming readers: a tar pushed in pieces of any size reads the same as the whole, gzip
 * and zstd undone as they stream, a layer tar read into a layer with its diffID, and every
 * damaged or hostile input refused with a sentence.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.ts';
import { DecompressError, decompressor, sniffCompression } from './decompress.ts';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';
import { DEFAULT_LAYER_LIMITS, LayerEntryError, LayerReader } from './layer-reader.ts';
import { readTar } from './tar-read.ts';
import { TarFormatError, TarStream, type TarHeader } from './tar-stream.ts';
import { writeTar } from './tar-write.ts';

const longDir = 'a-directory-whose-name-is-long-'.repeat(6);
const layer = layerFromEntries([
  { path: '/etc/greeting', type: 'file', data: 'hello\n' },
  { path: `/${longDir}/file.txt`, type: 'file', data: 'x'.repeat(3000) },
  { path: '/bin/sh', type: 'symlink', target: 'busybox' },
  { path: '/data/.wh.old.txt', type: 'file' },
  { path: '/data/cfg/.wh..wh..opq', type: 'file' },
  { path: '/empty', type: 'file', data: '' },
]);
const tar = writeTar(layer.root);

function* pieces(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Names and contents read by pushing `bytes` in pieces of `size`. */
function streamed(bytes: Uint8Array, size: number): { name: string; data: string }[] {
  const out: { name: string; data: string; parts: Uint8Array[] }[] = [];
  const stream = new TarStream((h: TarHeader) => {
    const e = { name: h.name, data: '', parts: [] as Uint8Array[] };
    out.push(e);
    return {
      data: (p) => e.parts.push(p.slice()),
      end: () => {
        e.data = new TextDecoder().decode(concatBytes(e.parts));
      },
    };
  });
  for (const p of pieces(bytes, size)) stream.push(p);
  stream.end();
  return out.map(({ name, data }) => ({ name, data }));
}

const sha = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

describe('TarStream', () => {
  it('reads the same entries whatever size the pieces come in', () => {
    const whole = readTar(tar).map((e) => ({
      name: e.name,
      data: new TextDecoder().decode(e.data),
    }));
    expect(whole.map((e) => e.name)).toContain(`${longDir}/file.txt`);
    for (const size of [1, 100, 511, 512, 513, 4096]) expect(streamed(tar, size)).toEqual(whole);
  });

  it('says an archive that stops mid-entry is cut short, and where', () => {
    const stream = new TarStream(() => undefined);
    stream.push(tar.subarray(0, 1500));
    expect(() => stream.end()).toThrow(TarFormatError);
    try {
      stream.end();
    } catch (e) {
      expect((e as TarFormatError).code).toBe('truncated');
      expect((e as TarFormatError).message).toBe(
        'the archive ends in the middle of an entry (after 1500 bytes)',
      );
    }
  });

  it('tells a file that is no tar from a tar whose later header is damaged', () => {
    const text = new TextEncoder().encode('{"not":"a tar"}'.padEnd(1024, ' '));
    expect(() => new TarStream(() => undefined).push(text)).toThrow(
      expect.objectContaining({ code: 'not-a-tar' }),
    );
    const damaged = tar.slice();
    const second = readTar(tar)[1]!.offset;
    damaged[second + 3] = damaged[second + 3]! ^ 0xff;
    expect(() => new TarStream(() => undefined).push(damaged)).toThrow(
      expect.objectContaining({ code: 'bad-header', offset: second }),
    );
  });
});

describe('decompressor', () => {
  const plain = new TextEncoder().encode('layer bytes '.repeat(5000));

  function undo(bytes: Uint8Array, size: number): Uint8Array {
    const out: Uint8Array[] = [];
    const d = decompressor(sniffCompression(bytes), (p) => out.push(p.slice()));
    for (const p of pieces(bytes, size)) d.push(p);
    d.end();
    return concatBytes(out);
  }

  it('undoes gzip and zstd as the bytes stream in', () => {
    const gz = gzipSync(plain);
    const zst = new Uint8Array(execFileSync('zstd', ['-q', '-c'], { input: plain }));
    expect(sniffCompression(gz)).toBe('gzip');
    expect(sniffCompression(zst)).toBe('zstd');
    expect(sniffCompression(tar)).toBe('none');
    for (const size of [1, 777, 1 << 16]) {
      expect(sha(undo(gz, size))).toBe(sha(plain));
      expect(sha(undo(zst, size))).toBe(sha(plain));
    }
  });

  it('refuses a compressed stream cut short', () => {
    const gz = gzipSync(plain);
    const zst = new Uint8Array(execFileSync('zstd', ['-q', '-c'], { input: plain }));
    expect(() => undo(gz.subarray(0, gz.length - 20), 100)).toThrow(DecompressError);
    expect(() => undo(zst.subarray(0, zst.length - 20), 100)).toThrow(DecompressError);
  });
});

describe('LayerReader', () => {
  const limits = () => ({ ...DEFAULT_LAYER_LIMITS, keepBudget: { left: 1 << 20 } });

  it("hashes the tar into the diffID and keeps the whiteouts, the opaque marker and small files' bytes", () => {
    const reader = new LayerReader(limits());
    for (const p of pieces(tar, 333)) reader.push(p);
    const read = reader.end({ loaded: true });
    expect(read.diffId).toBe(sha(tar));
    expect(read.tarSize).toBe(tar.length);
    expect(read.layer.loaded).toBe(true);
    expect(read.layer.knownDiffId).toBe(sha(tar));
    const kinds = [...read.layer.records()].map((r) => `${r.kind} ${r.name}`);
    expect(kinds).toContain('whiteout data/.wh.old.txt');
    expect(kinds).toContain('opaque data/cfg/.wh..wh..opq');
    expect(writeTar(read.layer.root)).toEqual(tar);
  });

  it('keeps the size and own digest of a file above the kept size, never its bytes', () => {
    const reader = new LayerReader({ ...limits(), keepFileBytes: 1000 });
    reader.push(tar);
    const file = MergedView.of([reader.end().layer]).lookup(`/${longDir}/file.txt`);
    expect(
      file?.type === 'file' && { size: file.size, digest: file.digest, data: file.data },
    ).toEqual({
      size: 3000,
      digest: sha(new TextEncoder().encode('x'.repeat(3000))),
      data: undefined,
    });
  });

  it('refuses an entry that climbs out of the layer, one too deep, and too many entries', () => {
    const hostile = (name: string) => {
      const t = writeTar(layerFromEntries([{ path: '/x', type: 'file', data: 'x' }]).root);
      const evil = t.slice();
      const bytes = new TextEncoder().encode(name);
      evil.fill(0, 0, 100);
      evil.set(bytes, 0);
      // Fix the header checksum after renaming the entry.
      evil.fill(0x20, 148, 156);
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += evil[i]!;
      evil.set(new TextEncoder().encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
      return evil;
    };
    const run = (bytes: Uint8Array, l = limits()) => {
      const r = new LayerReader(l);
      r.push(bytes);
      return r.end();
    };
    expect(() => run(hostile('../../etc/passwd'))).toThrow(
      new LayerEntryError(
        '../../etc/passwd',
        'the entry "../../etc/passwd" points outside the image ("../")',
      ),
    );
    expect(() => run(hostile('a/b/c/d'), { ...limits(), maxDepth: 3 })).toThrow(
      /4 directories deep \(the lab reads up to 3\)/,
    );
    expect(() => run(tar, { ...limits(), maxEntries: 2 })).toThrow(/more than 2 entries/);
  });
});
