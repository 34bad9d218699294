import { Gzip } from 'fflate';
import { createSha256, sha256Hex } from './hash.ts';
import type { Layer } from './layer.ts';
import type { TarOptions } from './tar-write.ts';
import { standInDescription } from './stand-in.ts';
import { tarChunks } from './tar-write.ts';

/**
 * `sha256:<hex>` of bytes or of a string's UTF-8.
 *
 * @example
 * sha256Digest('hello'); // 'sha256:2cf24dba...'
 */
export function sha256Digest(data: Uint8Array | string): string {
  return 'sha256:' + sha256Hex(data);
}

export interface TarDigest {
  /**
   * The layer's diffID. When all its bytes are stored: `sha256:<hex>` of the uncompressed tar,
   * as Docker computes it. Otherwise a stand-in's (see `standIn`).
   */
  readonly diffId: string;
  /** Bytes of the uncompressed tar. */
  readonly tarSize: number;
  /**
   * True when some files of the layer are stand-ins (a size and the real file's digest, no
   * bytes: package payloads, downloads, `dd` output). Their layer's digest is then the sha256
   * of a description (the tar headers, the stored content, and each stand-in's own digest,
   * see stand-in.ts): deterministic, and equal for equal layers, but not the sha256 a real
   * tar of the same files would have, so the UI says so where it shows one.
   */
  readonly standIn: boolean;
}

function optionsKey(opts: TarOptions): string | undefined {
  // Custom name mappers cannot be keyed; those digests are computed every time.
  if (opts.names || opts.standIns) return undefined;
  return `tar:${opts.mtime ?? 'fixed'}`;
}

/**
 * A layer's diffID (see {@link TarDigest}), computed once and remembered on the layer. A layer
 * made with a known diffID (catalog base layers) is not hashed at all.
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
 * diffID, tar size and whether the digest is a stand-in's, together (one pass), remembered on
 * the layer. Real bytes are hashed for real, streamed chunk by chunk (a large layer is never
 * held in memory); stand-in files are named by their own digest, never hashed as invented bytes.
 *
 * @example
 * const { diffId, tarSize, standIn } = tarDigest(layer);
 */
export function tarDigest(layer: Layer, opts: TarOptions = {}): TarDigest {
  const key = optionsKey(opts);
  const cached = key ? (layer.memo.get(key) as TarDigest | undefined) : undefined;
  if (cached) return cached;
  const hash = createSha256();
  const standIn = layer.stats.standIns > 0;
  let tarSize = 0;
  if (standIn) {
    const size = { bytes: 0 };
    for (const chunk of standInDescription(layer.root, opts, size)) hash.update(chunk);
    tarSize = size.bytes;
  } else {
    for (const chunk of tarChunks(layer.root, opts)) {
      hash.update(chunk);
      tarSize += chunk.length;
    }
  }
  const result: TarDigest = { diffId: 'sha256:' + hash.hex(), tarSize, standIn };
  if (key) layer.memo.set(key, result);
  return result;
}

/**
 * Whether a layer's diffID is a stand-in's (some files have no stored bytes). Catalog base
 * layers carry the real image's diffID and are not.
 *
 * @example
 * isStandInDigest(layer); // true for a layer apt-get installed packages into
 */
export function isStandInDigest(layer: Layer): boolean {
  return layer.knownDiffId === undefined && layer.stats.standIns > 0;
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
  return drain(compressing(layer, opts));
}

/**
 * {@link compressedLayer} in steps: yields after each `slice` bytes of tar it has compressed
 * (a rehearsal compresses a big layer between the learner's requests); returns, and remembers
 * as compressedLayer does, the same result.
 */
export function* compressing(
  layer: Layer,
  opts: TarOptions & { level?: 1 | 6 | 9 } = {},
  slice = Infinity,
): Generator<void, CompressedLayer, void> {
  if (layer.knownCompressedSize !== undefined && layer.knownDiffId !== undefined && !opts.names)
    return {
      digest: layer.knownCompressedDigest ?? sha256Digest(`compressed ${layer.knownDiffId}`),
      size: layer.knownCompressedSize,
    };
  const key = optionsKey(opts);
  const memoKey = key && `gzip${opts.level ?? 6}:${key}`;
  const cached = memoKey ? (layer.memo.get(memoKey) as CompressedLayer | undefined) : undefined;
  if (cached) return cached;
  // Gzip is a function of the tar it reads, and the diffID names that tar: the same layer made
  // again in another engine (the warm-up's rehearsal, a lesson's scratch session) is not
  // compressed again.
  const tarKey = memoKey && `${memoKey}:${diffId(layer, opts)}`;
  const known = tarKey ? compressedByTar.get(tarKey) : undefined;
  if (known) {
    layer.memo.set(memoKey!, known);
    return known;
  }
  const standIn = isStandInDigest(layer);
  const hash = createSha256();
  let size = 0;
  yield* gzipping(
    layer,
    opts,
    (chunk) => {
      hash.update(chunk);
      size += chunk.length;
    },
    slice,
  );
  const result = standIn
    ? {
        digest: sha256Digest(`compressed ${diffId(layer, opts)}`),
        size: size + standInBytes(layer),
      }
    : { digest: 'sha256:' + hash.hex(), size };
  if (memoKey) layer.memo.set(memoKey, result);
  if (tarKey) {
    // A few hundred are kept: the layers of the labs a learner builds, not every one ever seen.
    if (compressedByTar.size >= COMPRESSED_KEPT)
      compressedByTar.delete(compressedByTar.keys().next().value!);
    compressedByTar.set(tarKey, result);
  }
  return result;
}

/** Runs a generator to its end; its result. */
function drain<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Compressed sizes and digests by the tar they were made from (see compressedLayer). */
const compressedByTar = new Map<string, CompressedLayer>();
const COMPRESSED_KEPT = 256;

/**
 * The gzip stream of a layer's tar, as the lab compresses it (level 6, no mtime), in pieces.
 * Stand-in files have no bytes to compress: the stored part is compressed, the stand-ins count
 * at their full size (an upper bound), and the digest is named after the diffID.
 */
export function gzipTar(
  layer: Layer,
  opts: TarOptions & { level?: 1 | 6 | 9 },
  onChunk: (chunk: Uint8Array) => void,
): void {
  drain(gzipping(layer, opts, onChunk, Infinity));
}

/** {@link gzipTar} in steps: yields after each `slice` bytes of tar it has compressed. */
function* gzipping(
  layer: Layer,
  opts: TarOptions & { level?: 1 | 6 | 9 },
  onChunk: (chunk: Uint8Array) => void,
  slice: number,
): Generator<void, void, void> {
  const standIn = isStandInDigest(layer);
  const gz = new Gzip({ level: opts.level ?? 6, mtime: 0 }, (chunk) => onChunk(chunk));
  let since = 0;
  for (const chunk of tarChunks(layer.root, standIn ? { ...opts, standIns: 'omit' } : opts)) {
    gz.push(chunk);
    since += chunk.length;
    if (since >= slice) {
      since = 0;
      yield;
    }
  }
  gz.push(new Uint8Array(0), true);
}

/** Bytes of a layer's stand-in files (their sizes; the bytes themselves are not stored). */
function standInBytes(layer: Layer): number {
  let n = 0;
  for (const r of layer.records())
    if (r.kind === 'file' && r.size > 0 && !(r.node?.type === 'file' && r.node.data)) n += r.size;
  return n;
}
