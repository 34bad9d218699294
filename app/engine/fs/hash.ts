/**
 * SHA-256 for the whole engine, synchronous, from the fastest hasher the host offers: Node's
 * crypto in Node (the CLI, tests, benchmarks), a WebAssembly hasher in the worker (WebCrypto
 * only hashes asynchronously, and the engine is synchronous), and `@noble/hashes` (pure
 * JavaScript, always there) until one is installed. Every one of them hashes the real bytes:
 * they differ in speed, never in the digest.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** One running hash: feed bytes, then read the digest once. */
export interface Hasher {
  update(data: Uint8Array): void;
  /** Lowercase hex of the digest; the hasher is spent afterwards. */
  hex(): string;
}

/** Makes a fresh hasher, or undefined when none is free (the pure one is used instead). */
export type HasherFactory = () => Hasher | undefined;

let fast: HasherFactory | undefined;
let fastName = '@noble/hashes (JavaScript)';

/**
 * Installs a faster SHA-256 (Node's crypto, a WebAssembly hasher). Called once by the host
 * before the engine runs.
 *
 * @example
 * useSha256(() => { const h = createHash('sha256'); return { update: (b) => void h.update(b), hex: () => h.digest('hex') }; }, 'node:crypto');
 */
export function useSha256(factory: HasherFactory, name: string): void {
  fast = factory;
  fastName = name;
}

/** Which SHA-256 the engine uses (benchmarks print it). */
export function sha256Name(): string {
  return fastName;
}

/**
 * A new SHA-256 hasher.
 *
 * @example
 * const h = createSha256(); h.update(bytes); h.hex(); // '2cf24dba...'
 */
export function createSha256(): Hasher {
  const h = fast?.();
  if (h) return h;
  const n = nobleSha256.create();
  return {
    update: (data) => void n.update(data),
    hex: () => bytesToHex(n.digest()),
  };
}

const encoder = new TextEncoder();

/**
 * Hex SHA-256 of bytes or of a string's UTF-8.
 *
 * @example
 * sha256Hex('hello'); // '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
 */
export function sha256Hex(data: Uint8Array | string): string {
  const h = createSha256();
  h.update(typeof data === 'string' ? encoder.encode(data) : data);
  return h.hex();
}
