import { createHash } from 'node:crypto';
import { createSHA256 } from 'hash-wasm';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSha256, sha256Hex, sha256Name, useSha256 } from './hash.ts';
import { useNodeSha256 } from '../../node/hash.ts';

const samples = [
  new Uint8Array(0),
  new TextEncoder().encode('hello'),
  Uint8Array.from({ length: 200_003 }, (_, i) => (i * 31) & 0xff),
];

describe('sha256 hashers', () => {
  afterEach(() => useNodeSha256());

  it('node:crypto, hash-wasm and @noble/hashes give the same digests, streamed or whole', async () => {
    const expected = samples.map((s) => bytesToHex(sha256(s)));
    expect(sha256Hex('hello')).toBe(
      '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
    );
    expect(samples.map((s) => createHash('sha256').update(s).digest('hex'))).toEqual(expected);
    const wasm = await createSHA256();
    useSha256(() => {
      wasm.init();
      return { update: (d) => void wasm.update(d), hex: () => wasm.digest('hex') };
    }, 'wasm');
    expect(sha256Name()).toBe('wasm');
    expect(samples.map((s) => sha256Hex(s))).toEqual(expected);
    // No fast hasher free: the JavaScript one answers, with the same digest.
    useSha256(() => undefined, 'none free');
    const h = createSha256();
    for (let i = 0; i < samples[2]!.length; i += 65_536)
      h.update(samples[2]!.subarray(i, i + 65_536));
    expect(h.hex()).toBe(expected[2]);
  });
});
