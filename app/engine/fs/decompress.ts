/**
 * Layer blobs come uncompressed (the overlay2 store's `docker save`), gzip (registries, the
 * containerd store) or zstd (`compression=zstd` builds). This tells them apart by their first
 * bytes and undoes the compression as the bytes stream in: fflate for gzip (already the
 * engine's compressor), fzstd for zstd (pure JavaScript, streaming, by fflate's author; the
 * WebAssembly decoders on npm want the whole frame in memory).
 */
import { Gunzip } from 'fflate';
import { Decompress } from 'fzstd';

export type Compression = 'none' | 'gzip' | 'zstd';

/** Bytes needed to tell the compression apart. */
export const SNIFF_BYTES = 4;

/**
 * The compression a blob's first bytes announce (gzip `1f 8b`, zstd frame `28 b5 2f fd`), or
 * `none`.
 *
 * @example
 * sniffCompression(new Uint8Array([0x1f, 0x8b, 8, 0])); // 'gzip'
 */
export function sniffCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

/** A streaming decompressor: push compressed bytes, get plain ones in `ondata`. */
export interface Decompressor {
  push(chunk: Uint8Array): void;
  /** No more input: a stream cut short throws. */
  end(): void;
}

/** Thrown when the compressed stream is damaged or cut short. */
export class DecompressError extends Error {
  readonly compression: Compression;
  constructor(compression: Compression, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`the ${compression} stream is damaged or cut short (${why})`);
    this.name = 'DecompressError';
    this.compression = compression;
  }
}

/**
 * A decompressor for `kind` that hands each plain piece to `ondata` as it comes (the piece
 * may be reused afterwards: consume it during the call).
 *
 * @example
 * const d = decompressor('gzip', (plain) => hash.update(plain));
 * d.push(blobChunk); d.end();
 */
export function decompressor(kind: Compression, ondata: (plain: Uint8Array) => void): Decompressor {
  if (kind === 'none') return { push: ondata, end: () => {} };
  // What the receiver throws (a damaged inner tar, a limit) passes through as it is; only the
  // library's own errors mean a damaged stream.
  let downstream: unknown;
  const receive = ondata;
  ondata = (plain) => {
    try {
      receive(plain);
    } catch (e) {
      downstream = e;
      throw e;
    }
  };
  const wrap = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e === downstream || e instanceof DecompressError) throw e;
      throw new DecompressError(kind, e);
    }
  };
  // Both libraries say `final` when the stream's own end was read; a stream the input stops
  // before (a cut-short download) never says it, which is the error.
  let ended = false;
  if (kind === 'gzip') {
    // fflate's stream does not check the gzip trailer, and calls a stream cut inside its last
    // block final: the trailer's length (ISIZE, the plain size modulo 2^32) is checked here.
    let plain = 0;
    let members = 0;
    const tail = new Uint8Array(8);
    let tailFill = 0;
    const gz = new Gunzip((data, final) => {
      plain += data.length;
      if (data.length) ondata(data);
      if (final) ended = true;
    });
    gz.onmember = () => members++;
    return {
      push: (chunk) =>
        wrap(() => {
          keepTail(tail, tailFill, chunk);
          tailFill = Math.min(8, tailFill + chunk.length);
          gz.push(chunk);
        }),
      end: () =>
        wrap(() => {
          gz.push(new Uint8Array(0), true);
          const isize = new DataView(tail.buffer).getUint32(4, true);
          const whole = tailFill === 8 && (members > 1 || isize === plain % 2 ** 32);
          if (!ended || !whole) throw new Error('unexpected end of data');
        }),
    };
  }
  const zs = new Decompress((data, final) => {
    if (data.length) ondata(data);
    if (final) ended = true;
  });
  return {
    push: (chunk) => wrap(() => zs.push(chunk)),
    end: () =>
      wrap(() => {
        zs.push(new Uint8Array(0), true);
        if (!ended) throw new Error('unexpected end of data');
      }),
  };
}

/** Keep the last 8 bytes seen in `tail` (holding `fill` of them) after `chunk`. */
function keepTail(tail: Uint8Array, fill: number, chunk: Uint8Array): void {
  if (chunk.length >= 8) {
    tail.set(chunk.subarray(chunk.length - 8));
    return;
  }
  const keep = Math.min(fill, 8 - chunk.length);
  tail.copyWithin(0, fill - keep, fill);
  tail.set(chunk, keep);
}
