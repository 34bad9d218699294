/**
 * A layer's bytes for `docker save`: its uncompressed tar (what the overlay2 store writes,
 * named by the diffID) or the blob an image store holds for it (named by its own digest).
 * A loaded layer gives back the blob `docker load` kept as read (the lab's tar writer cannot
 * reproduce another tool's headers byte for byte); a built layer is written again, as its
 * digests were computed; a layer whose files the lab knows only by size and digest (catalog
 * packages, big files of a big load) has no bytes to give, and says why.
 */
import { concatBytes } from './bytes.ts';
import { decompressor } from './decompress.ts';
import { diffId, gzipTar, isStandInDigest } from './digest.ts';
import { sha256Hex } from './hash.ts';
import type { Layer } from './layer.ts';
import { writeTar } from './tar-write.ts';

/**
 * Why a layer's bytes cannot be written: `stand-in` files without bytes, a `not-kept` loaded
 * blob (too big to keep, or the lab was reloaded since), or bytes that would not hash to the
 * digest the image names (`differs`: a catalog layer whose real tar the lab never had).
 */
export type LayerBytesGap = 'stand-in' | 'not-kept' | 'differs';

const digestOf = (bytes: Uint8Array) => `sha256:${sha256Hex(bytes)}`;

/** Every piece a decompressor hands out, joined. */
function inflate(stored: NonNullable<Layer['stored']>): Uint8Array {
  if (stored.compression === 'none') return stored.bytes;
  const parts: Uint8Array[] = [];
  const d = decompressor(stored.compression, (plain) => parts.push(plain.slice()));
  d.push(stored.bytes);
  d.end();
  return concatBytes(parts);
}

/**
 * The layer's uncompressed tar, whose sha256 is its diffID.
 * @example const tar = layerTarBytes(layer); if (typeof tar !== 'string') hash.update(tar);
 */
export function layerTarBytes(layer: Layer): Uint8Array | LayerBytesGap {
  if (layer.stored) return inflate(layer.stored);
  if (layer.loaded) return 'not-kept';
  if (isStandInDigest(layer)) return 'stand-in';
  const tar = writeTar(layer.root);
  return digestOf(tar) === diffId(layer) ? tar : 'differs';
}

/**
 * The blob named `digest` that holds this layer: the stored one, the plain tar (a blob named
 * by the diffID), or the lab's gzip of it (what a built layer's content digest was made from).
 */
export function layerBlobBytes(layer: Layer, digest: string): Uint8Array | LayerBytesGap {
  const stored = layer.stored;
  if (stored) {
    const own = stored.compression === 'none' ? diffId(layer) : layer.knownCompressedDigest;
    if (own === digest) return stored.bytes;
  }
  const tar = layerTarBytes(layer);
  if (typeof tar === 'string') return tar;
  if (digest === diffId(layer)) return tar;
  const parts: Uint8Array[] = [];
  gzipTar(layer, {}, (chunk) => parts.push(chunk));
  const gz = concatBytes(parts);
  return digestOf(gz) === digest ? gz : 'differs';
}
