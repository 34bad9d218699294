/** The engine's SHA-256 in Node: OpenSSL through node:crypto (SHA extensions where the CPU has them). */
import { createHash } from 'node:crypto';
import { useSha256 } from '../engine/fs/hash.ts';

/** Makes the engine hash with node:crypto. Importing this module does it. */
export function useNodeSha256(): void {
  useSha256(() => {
    const h = createHash('sha256');
    return {
      update: (data) => void h.update(data),
      hex: () => h.digest('hex'),
    };
  }, 'node:crypto');
}

useNodeSha256();
