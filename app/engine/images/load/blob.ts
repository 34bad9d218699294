/**
 * One file of a `docker save` tar, read as it streams: its sha256 (a blob's name must be its
 * digest), and what it turns out to be from its first bytes. A layer (a tar, plain, gzip or
 * zstd) is read into a layer as it decompresses, its plain bytes hashed into the diffID; a
 * small file (JSON: a config, a manifest, an index) keeps its bytes; anything else is only
 * counted and hashed.
 */
import {
  concatBytes,
  createSha256,
  decompressor,
  looksLikeTar,
  LayerReader,
  SNIFF_BYTES,
  sniffCompression,
  TAR_BLOCK,
  type Compression,
  type Decompressor,
  type Hasher,
  type LayerRead,
  type LayerReadLimits,
} from '../../fs/index.ts';

/** What one archive file held. */
export interface BlobRead {
  /** `sha256:` of the bytes as stored in the archive. */
  digest: string;
  /** Bytes in the archive. */
  size: number;
  compression: Compression;
  /** The layer it holds, when it is a tar (after decompression). */
  layer?: LayerRead;
  /** Its bytes, when it is small and not a layer (JSON documents). */
  bytes?: Uint8Array;
}

/** Files that are not layers keep their bytes up to this size (configs and manifests are KBs). */
export const KEEP_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** Thrown for a file whose content cannot be read (a damaged stream, a hostile layer). */
export class BlobError extends Error {
  readonly path: string;
  constructor(path: string, cause: Error) {
    super(cause.message);
    this.name = 'BlobError';
    this.path = path;
  }
}

type Mode =
  | { kind: 'sniff'; head: Uint8Array[]; fill: number }
  | {
      kind: 'layer';
      reader: LayerReader;
      plain: Decompressor | undefined;
      sniffing: PlainSniff | undefined;
    }
  | { kind: 'document'; parts: Uint8Array[] }
  | { kind: 'opaque'; plain: Decompressor | undefined };

/** The first plain bytes of a compressed blob, gathered until they say whether it is a tar. */
interface PlainSniff {
  parts: Uint8Array[];
  fill: number;
}

/**
 * Reads one archive file.
 *
 * @example
 * const blob = new BlobReader('blobs/sha256/…', size, limits);
 * blob.push(piece); // as the outer tar hands the file's content on
 * blob.end().layer?.diffId;
 */
export class BlobReader {
  private readonly path: string;
  private readonly size: number;
  private readonly limits: LayerReadLimits;
  /** Hash of the stored bytes; a plain tar's is its layer's diffID, computed once. */
  private hash: Hasher | undefined;
  private mode: Mode = { kind: 'sniff', head: [], fill: 0 };
  private compression: Compression = 'none';
  private plainBytes = 0;
  /** The stored bytes of a layer blob, kept whole when the budget allows (for `docker save`). */
  private kept: Uint8Array[] | undefined;

  constructor(path: string, size: number, limits: LayerReadLimits) {
    this.path = path;
    this.size = size;
    this.limits = limits;
  }

  push(piece: Uint8Array): void {
    try {
      this.take(piece);
    } catch (e) {
      throw e instanceof BlobError ? e : new BlobError(this.path, e as Error);
    }
  }

  end(): BlobRead {
    try {
      if (this.mode.kind === 'sniff') this.decide();
      return this.finish();
    } catch (e) {
      throw e instanceof BlobError ? e : new BlobError(this.path, e as Error);
    }
  }

  /** Uncompressed bytes seen so far (tar bombs are stopped on this). */
  get plain(): number {
    return this.plainBytes;
  }

  private take(piece: Uint8Array): void {
    const m = this.mode;
    if (m.kind === 'sniff') {
      // The outer tar's piece is only valid during this call: keep a copy while sniffing.
      m.head.push(piece.slice());
      m.fill += piece.length;
      if (m.fill >= TAR_BLOCK) this.decide();
      return;
    }
    this.hash?.update(piece);
    this.kept?.push(piece.slice());
    this.feed(piece);
  }

  /** The first bytes are in (or the file ended): choose how to read the rest. */
  private decide(): void {
    const m = this.mode as Extract<Mode, { kind: 'sniff' }>;
    const head = concatBytes(m.head);
    this.compression = head.length >= SNIFF_BYTES ? sniffCompression(head) : 'none';
    if (this.compression !== 'none') {
      this.hash = createSha256();
      const sniffing: PlainSniff = { parts: [], fill: 0 };
      const reader = new LayerReader(this.limits);
      const layerMode: Mode = { kind: 'layer', reader, plain: undefined, sniffing };
      layerMode.plain = decompressor(this.compression, (plain) => this.plainPiece(plain));
      this.mode = layerMode;
    } else if (head.length >= TAR_BLOCK && looksLikeTar(head)) {
      // A plain tar's digest is its diffID: the layer reader's hash serves both.
      this.mode = {
        kind: 'layer',
        reader: new LayerReader(this.limits),
        plain: undefined,
        sniffing: undefined,
      };
    } else if (this.size <= KEEP_DOCUMENT_BYTES) {
      this.hash = createSha256();
      this.mode = { kind: 'document', parts: [] };
    } else {
      this.hash = createSha256();
      this.mode = { kind: 'opaque', plain: undefined };
    }
    if (this.mode.kind === 'layer') this.keepStored();
    if (head.length) this.take(head);
  }

  /** A layer blob is kept whole while the archive's budget for them lasts. */
  private keepStored(): void {
    const budget = this.limits.storedBudget;
    if (!budget || this.size > budget.left) return;
    budget.left -= this.size;
    this.kept = [];
  }

  private feed(piece: Uint8Array): void {
    const m = this.mode;
    if (m.kind === 'layer') {
      if (m.plain) m.plain.push(piece);
      else {
        this.plainBytes += piece.length;
        m.reader.push(piece);
      }
    } else if (m.kind === 'document') m.parts.push(piece.slice());
  }

  /** Decompressed bytes of a compressed blob: a tar is read as a layer, anything else counted. */
  private plainPiece(plain: Uint8Array): void {
    const m = this.mode;
    if (m.kind !== 'layer') return;
    this.plainBytes += plain.length;
    const s = m.sniffing;
    if (!s) {
      m.reader.push(plain);
      return;
    }
    s.parts.push(plain.slice());
    s.fill += plain.length;
    if (s.fill >= TAR_BLOCK) this.plainDecided();
  }

  private plainDecided(): boolean {
    const m = this.mode as Extract<Mode, { kind: 'layer' }>;
    const s = m.sniffing!;
    m.sniffing = undefined;
    const head = concatBytes(s.parts);
    if (head.length >= TAR_BLOCK && looksLikeTar(head)) {
      m.reader.push(head);
      return true;
    }
    // Compressed, but not a tar: only its digest matters.
    this.mode = { kind: 'opaque', plain: m.plain };
    return false;
  }

  private finish(): BlobRead {
    const m = this.mode;
    const base = { size: this.size, compression: this.compression };
    if (m.kind === 'layer') {
      m.plain?.end();
      if (m.sniffing && !this.plainDecided()) return { ...base, digest: this.digest() };
      const digest = this.hash ? this.digest() : undefined;
      const stored = this.kept && {
        stored: { bytes: concatBytes(this.kept), compression: this.compression },
      };
      const layer = m.reader.end(
        digest
          ? { loaded: true, compressedDigest: digest, compressedSize: this.size, ...stored }
          : { loaded: true, ...stored },
      );
      return { ...base, digest: digest ?? layer.diffId, layer };
    }
    if (m.kind === 'opaque') {
      m.plain?.end();
      return { ...base, digest: this.digest() };
    }
    if (m.kind === 'document')
      return { ...base, digest: this.digest(), bytes: concatBytes(m.parts) };
    return { ...base, digest: this.digest() };
  }

  private digest(): string {
    return `sha256:${(this.hash ?? createSha256()).hex()}`;
  }
}
