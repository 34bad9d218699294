/**
 * The digest of a layer that holds stand-in files (a size, and the real file's digest when
 * the catalog has it, but no bytes: package payloads, downloads, `dd` output). Hashing zeros in
 * place of the missing bytes would teach nothing and cost seconds, so such a layer's digest is
 * the sha256 of a description made of what its tar headers say (type, name, link target, mode,
 * owner, size, mtime, in tar order) and each file's own digest: the sha256 of its stored bytes,
 * or the stand-in's digest. Deterministic, equal for equal layers, different from any tar's.
 */
import { sha256Hex } from './hash.ts';
import type { DirNode } from './types.ts';
import { layerRecords, type LayerRecord } from './layer.ts';
import { entryMtime, entryTarBytes, TAR_END_BYTES, type TarOptions } from './tar-write.ts';

/** Starts every description, so it can never be mistaken for a tar stream. */
const HEADER = 'layerlab stand-in layer v1\n';
const encoder = new TextEncoder();
/** Lines are gathered up to this many characters before they are encoded and hashed. */
const BATCH = 32 * 1024;

/**
 * The description's bytes, in pieces; `tarSize.bytes` grows by what the real tar would take.
 *
 * @example
 * const size = { bytes: 0 };
 * for (const piece of standInDescription(layer.root, {}, size)) hash.update(piece);
 */
export function* standInDescription(
  root: DirNode,
  opts: TarOptions,
  tarSize: { bytes: number },
): Generator<Uint8Array> {
  let text = HEADER;
  for (const r of layerRecords(root)) {
    tarSize.bytes += entryTarBytes(r, opts);
    text += `${r.kind}\0${r.name}\0${r.linkname ?? ''}\0${(r.mode & 0o7777).toString(8)}\0${r.uid}\0${r.gid}\0${r.size}\0${entryMtime(r, opts)}\0${contentDigest(r)}\n`;
    if (text.length >= BATCH) {
      yield encoder.encode(text);
      text = '';
    }
  }
  tarSize.bytes += TAR_END_BYTES;
  if (text) yield encoder.encode(text);
}

/** A regular file's own digest: its stored bytes hashed, or the stand-in's (`size-only` without one). */
function contentDigest(r: LayerRecord): string {
  if (r.kind !== 'file' || r.size === 0 || r.node?.type !== 'file') return '';
  const { data, digest } = r.node;
  if (data) return `sha256:${sha256Hex(data)}`;
  return digest ?? 'size-only';
}
