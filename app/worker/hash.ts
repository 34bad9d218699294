/**
 * The engine's SHA-256 in the worker: hash-wasm's WebAssembly SHA-256, several times faster
 * than JavaScript and synchronous once made (WebCrypto's digest is asynchronous only, and
 * the engine is synchronous). Making a hasher is asynchronous, so a few are made when the
 * worker starts and reused; should the engine ever need more at once, it falls back to the
 * JavaScript one for that hash (same digest, slower).
 */
import { createSHA256, type IHasher } from 'hash-wasm';
import { useSha256 } from '../engine/fs/hash.ts';

/** Hashes running at once: a tar digest, plus a file checksum inside it, is the deepest seen. */
const POOL = 4;

export async function useWasmSha256(): Promise<void> {
  const free: IHasher[] = await Promise.all(Array.from({ length: POOL }, () => createSHA256()));
  useSha256(() => {
    const h = free.pop();
    if (!h) return undefined;
    h.init();
    let done = false;
    return {
      update: (data) => void h.update(data),
      hex: () => {
        const hex = h.digest('hex');
        if (!done) free.push(h);
        done = true;
        return hex;
      },
    };
  }, 'hash-wasm (WebAssembly)');
}
