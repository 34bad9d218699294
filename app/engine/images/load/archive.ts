/**
 * A `docker save` tar read as it streams in, chunk by chunk, never whole in memory: each file
 * is hashed and sniffed as it passes (blob.ts), layers are read into layers as they
 * decompress, documents keep their bytes. What the files mean (manifest.json, index.json,
 * the legacy layout) is worked out once every file is in (layout.ts), because `docker save`
 * writes the blobs first and the manifests last.
 *
 * A `docker save` piped through gzip or zstd (`docker save app | gzip > app.tar.gz`) is read
 * too, as `docker load` reads it.
 */
import {
  concatBytes,
  DEFAULT_LAYER_LIMITS,
  decompressor,
  SNIFF_BYTES,
  sniffCompression,
  TarStream,
  type Compression,
  type Decompressor,
  type LayerReadLimits,
  type TarHeader,
} from '../../fs/index.ts';
import { BlobReader, type BlobRead } from './blob.ts';
import { LoadError } from './errors.ts';

export interface ArchiveLimits extends Omit<LayerReadLimits, 'keepBudget'> {
  /** Bytes of file content kept over the whole archive. */
  keepBytes: number;
  /** Bytes of layer blobs kept whole over the whole archive (for `docker save`). */
  keepStoredBytes: number;
  /** Uncompressed bytes read over the whole archive (a decompression bomb stops here). */
  maxPlainBytes: number;
  /** Files in the archive. */
  maxFiles: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  ...DEFAULT_LAYER_LIMITS,
  keepBytes: 96 * 1024 * 1024,
  keepStoredBytes: 64 * 1024 * 1024,
  maxPlainBytes: 16 * 1024 * 1024 * 1024,
  maxFiles: 100_000,
};

/** Every file of the archive once read: blobs by path, symlinks by path, directories. */
export interface ArchiveFiles {
  files: Map<string, BlobRead>;
  links: Map<string, string>;
  /** Top-level names, in archive order (what a refusal names). */
  topLevel: string[];
  /** Bytes of the archive as given (compressed when it was). */
  bytes: number;
  /** How the whole archive was compressed (`docker save | gzip`). */
  compression: Compression;
}

/**
 * Push the archive's bytes in, then `end()`.
 *
 * @example
 * const reader = new ArchiveReader();
 * for (const chunk of chunks) reader.push(chunk);
 * const files = reader.end();
 */
export class ArchiveReader {
  private readonly limits: ArchiveLimits;
  private readonly layerLimits: LayerReadLimits;
  private readonly tar: TarStream;
  private readonly files = new Map<string, BlobRead>();
  private readonly links = new Map<string, string>();
  private readonly topLevel: string[] = [];
  private outer: Decompressor | undefined;
  private compression: Compression | undefined;
  private head: Uint8Array[] = [];
  private headFill = 0;
  private bytes = 0;
  private plainDone = 0;
  /** The file being read: a cut-short archive names it. */
  private current: { path: string; size: number; got: number } | undefined;

  constructor(limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS) {
    this.limits = limits;
    this.layerLimits = {
      ...limits,
      keepBudget: { left: limits.keepBytes },
      storedBudget: { left: limits.keepStoredBytes },
    };
    this.tar = new TarStream((h) => this.entry(h));
  }

  /** Bytes pushed so far. */
  get position(): number {
    return this.bytes;
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.compression === undefined) {
      // Wait for the few bytes that say whether the whole archive is compressed.
      this.head.push(chunk.slice());
      this.headFill += chunk.length;
      if (this.headFill < SNIFF_BYTES) return;
      this.start();
      return;
    }
    this.guard(() => (this.outer ? this.outer.push(chunk) : this.tar.push(chunk)));
  }

  end(): ArchiveFiles {
    if (this.compression === undefined) {
      if (this.headFill === 0) throw LoadError.notATar('empty');
      this.start();
    }
    this.guard(() => {
      this.outer?.end();
      this.tar.end();
    });
    return {
      files: this.files,
      links: this.links,
      topLevel: this.topLevel,
      bytes: this.bytes,
      compression: this.compression ?? 'none',
    };
  }

  private start(): void {
    const head = concatBytes(this.head);
    this.head = [];
    this.compression = sniffCompression(head);
    if (this.compression !== 'none')
      this.outer = decompressor(this.compression, (plain) => this.tar.push(plain));
    this.guard(() => (this.outer ? this.outer.push(head) : this.tar.push(head)));
  }

  /** Turns what the readers throw into a LoadError (it says what is wrong in a sentence). */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      throw LoadError.from(e, this.current);
    }
  }

  private entry(h: TarHeader) {
    if (this.files.size + this.links.size >= this.limits.maxFiles)
      throw LoadError.tooMany(this.limits.maxFiles);
    const path = archivePath(h.name);
    const top = path.split('/')[0]!;
    if (top && !this.topLevel.includes(top)) this.topLevel.push(top);
    if (h.type === 'symlink' || h.type === 'hardlink') {
      // Docker up to 24 links a layer saved twice to its first copy (`../<id>/layer.tar`).
      const target = h.type === 'symlink' ? resolveLink(path, h.linkname) : archivePath(h.linkname);
      this.links.set(path, target);
      return undefined;
    }
    if (h.type !== 'file') return undefined;
    const blob = new BlobReader(path, h.size, this.layerLimits);
    const current = { path, size: h.size, got: 0 };
    this.current = current;
    return {
      data: (piece: Uint8Array) => {
        current.got += piece.length;
        blob.push(piece);
        if (this.plainDone + blob.plain > this.limits.maxPlainBytes)
          throw LoadError.bomb(this.limits.maxPlainBytes);
      },
      end: () => {
        const read = blob.end();
        this.plainDone += blob.plain;
        this.current = undefined;
        this.files.set(path, read);
      },
    };
  }
}

/** A file's path in the archive, refusing names that climb out of it. */
function archivePath(name: string): string {
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw LoadError.traversal(name);
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}

function resolveLink(from: string, target: string): string {
  if (target.startsWith('/')) return archivePath(target);
  const dir = from.split('/').slice(0, -1).join('/');
  return archivePath(dir ? `${dir}/${target}` : target);
}
