import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Gzip } from 'fflate';
import type { Layer } from './layer.ts';
import type { TarOptions } from './tar-write.ts';
import { tarChunks } from './tar-write.ts';

const encoder = new TextEncoder();

/**
 * `sha256:<hex>` of bytes or of a string's UTF-8.
 *
 * @example
 * sha256Digest('hello'); // 'sha256:2cf24dba...'
 */
export function sha256Digest(data: Uint8Array | string): string {
  return 'sha256:' + bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}

export interface TarDigest {
  /** `sha256:<hex>` of the uncompressed tar: the layer's diffID. */
  readonly diffId: string;
  /** Bytes of the uncompressed tar. */
  readonly tarSize: number;
}

function optionsKey(opts: TarOptions): string | undefined {
  // Custom name mappers cannot be keyed; those digests are computed every time.
  if (opts.names) return undefined;
  return `tar:${opts.mtime ?? 'fixed'}`;
}

/**
 * A layer's diffID: sha256 of its tar, streamed chunk by chunk (a 100 MB layer is never held
 * in memory) and remembered on the layer, so each layer is hashed at most once per option set.
 * A layer made with a known diffID (catalog base layers) is not hashed at all.
 *
 * @example
 * diffId(layer); // 'sha256:...'
 */
export function diffId(layer: Layer, opts: TarOptions = {}): string {
  if (layer.knownDiffId !== undefined && opts.mtime === undefined && !opts.names)
    return layer.knownDiffId;
  return tarDigest(layer, opts).diffId;
}

/**
 * diffID and tar size together (one pass), remembered on the layer.
 *
 * @example
 * const { diffId, tarSize } = tarDigest(layer);
 */
export function tarDigest(layer: Layer, opts: TarOptions = {}): TarDigest {
  const key = optionsKey(opts);
  const cached = key ? (layer.memo.get(key) as TarDigest | undefined) : undefined;
  if (cached) return cached;
  const hash = sha256.create();
  let tarSize = 0;
  for (const chunk of tarChunks(layer.root, opts)) {
    hash.update(chunk);
    tarSize += chunk.length;
  }
  const result = { diffId: 'sha256:' + bytesToHex(hash.digest()), tarSize };
  if (key) layer.memo.set(key, result);
  return result;
}

/**
 * ChainIDs of a stack of diffIDs: ChainID(L0) = diffID(L0), ChainID(L0..n) =
 * sha256(ChainID(L0..n-1) + " " + diffID(Ln)).
 *
 * @example
 * chainIds(['sha256:a...', 'sha256:b...']); // ['sha256:a...', 'sha256:<sha256("sha256:a... sha256:b...")>']
 */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? id : sha256Digest(`${prev} ${id}`));
  }
  return out;
}

export interface CompressedLayer {
  /** Manifest layer digest: sha256 of the gzip blob. */
  readonly digest: string;
  /** Bytes a registry transfers. */
  readonly size: number;
}

/**
 * Gzip the layer tar as a push would and measure it, streaming (the blob is hashed and
 * counted, not kept). Costly for big layers, so call it lazily (pull/push views); the result is
 * remembered on the layer. Byte-exact equality with Docker's gzip is not promised; the size is
 * an honest estimate of the transfer.
 *
 * @example
 * compressedLayer(layer).size; // e.g. 31_457_280
 */
export function compressedLayer(
  layer: Layer,
  opts: TarOptions & { level?: 1 | 6 | 9 } = {},
): CompressedLayer {
  if (layer.knownCompressedSize !== undefined && layer.knownDiffId !== undefined && !opts.names)
    return {
      digest: sha256Digest(`compressed ${layer.knownDiffId}`),
      size: layer.knownCompressedSize,
    };
  const key = optionsKey(opts);
  const memoKey = key && `gzip${opts.level ?? 6}:${key}`;
  const cached = memoKey ? (layer.memo.get(memoKey) as CompressedLayer | undefined) : undefined;
  if (cached) return cached;
  const hash = sha256.create();
  let size = 0;
  const gz = new Gzip({ level: opts.level ?? 6, mtime: 0 }, (chunk) => {
    hash.update(chunk);
    size += chunk.length;
  });
  for (const chunk of tarChunks(layer.root, opts)) gz.push(chunk);
  gz.push(new Uint8Array(0), true);
  const result = { digest: 'sha256:' + bytesToHex(hash.digest()), size };
  if (memoKey) layer.memo.set(memoKey, result);
  return result;
}
