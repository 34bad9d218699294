/**
 * Public API of the filesystem core: trees, layers, the union view, the recording overlay,
 * tars and the digests and config that identify an image.
 */
export type {
  DirNode,
  FileNode,
  FsNode,
  NodeMeta,
  SymlinkNode,
  TreeNode,
  WhiteoutNode,
} from './types.ts';
export { FIXED_CREATED, FIXED_MTIME, OPAQUE_MARKER, WHITEOUT, WHITEOUT_PREFIX } from './types.ts';
export { compareNames, joinPath, splitPath } from './path.ts';
export type { EntrySpec, MetaSpec, WalkItem } from './tree.ts';
export { countNodes, lookup, setPath, treeFromEntries, walk } from './tree.ts';
export type { LayerOptions, LayerRecord, LayerStats, StoredBlob } from './layer.ts';
export { Layer, layerFiles, layerFromEntries, layerRecords } from './layer.ts';
export { snapshotUsage } from './snapshot-usage.ts';
export type { LayerPart, Provenance } from './merge.ts';
export { MergedView, applyLayer } from './merge.ts';
export type { OverlayOptions } from './overlay.ts';
export { RecordingOverlay, openOverlay } from './overlay.ts';
export { BudgetExceededError, MAX_SYMLINKS } from './overlay-core.ts';
export type { Change, ChangeCounts } from './changes.ts';
export { countChanges, layerChanges } from './changes.ts';
export type { TarOptions } from './tar-write.ts';
export { tarChunks, writeTar } from './tar-write.ts';
export type { TarEntry } from './tar-read.ts';
export { layerFromTar, readTar } from './tar-read.ts';
export type { TarEntrySink, TarHeader } from './tar-stream.ts';
export { looksLikeTar, TAR_BLOCK, TarFormatError, TarStream } from './tar-stream.ts';
export type { CompressedLayer, TarDigest } from './digest.ts';
export type { LayerBytesGap } from './layer-blob.ts';
export { layerBlobBytes, layerTarBytes } from './layer-blob.ts';
export {
  chainIds,
  compressedLayer,
  compressing,
  diffId,
  isStandInDigest,
  sha256Digest,
  tarDigest,
} from './digest.ts';
export type { Hasher, HasherFactory } from './hash.ts';
export { createSha256, sha256Hex, sha256Name, useSha256 } from './hash.ts';
export type { HealthConfig, HistoryEntry, ImageConfigInput, RunConfig } from './config.ts';
export { goTime, imageConfigJson, imageId } from './config.ts';
export type { GoJson } from './json.ts';
export { GoObject, goJson, goMap, goStruct } from './json.ts';
export type { FileType, FsErrorCode, MergeTreeOptions, ShellFs, Stat } from './port.ts';
export { FsError } from './port.ts';
export { resolveUser } from './users.ts';
export type { Compression, Decompressor } from './decompress.ts';
export { DecompressError, SNIFF_BYTES, decompressor, sniffCompression } from './decompress.ts';
export type { LayerRead, LayerReadLimits } from './layer-reader.ts';
export { DEFAULT_LAYER_LIMITS, LayerEntryError, LayerReader } from './layer-reader.ts';
export { concatBytes } from './bytes.ts';
