/**
 * A layer tar read as it streams in (from a `docker save`, after decompression): the sha256
 * of every byte is the layer's diffID; the entries become a {@link Layer}, `.wh.` whiteouts and
 * `.wh..wh..opq` markers included. As in the catalog, small files keep their bytes (so `cat`
 * and `COPY --from` work) and larger ones keep their size and their own sha256, never the
 * bytes: a 1 GB layer costs the memory of its file list.
 */
import { createSha256, type Hasher } from './hash.ts';
import type { Layer } from './layer.ts';
import { layerFromEntries, type LayerOptions } from './layer.ts';
import { TarFormatError, TarStream, type TarHeader } from './tar-stream.ts';
import type { EntrySpec } from './tree.ts';

export interface LayerReadLimits {
  /** Files up to this many bytes keep their content. */
  keepFileBytes: number;
  /** Content kept over the whole read (shared by every layer of an archive). */
  keepBudget: { left: number };
  /**
   * Layer blobs kept whole, as stored, for `docker save` to write again (shared by every layer
   * of an archive; none kept without it).
   */
  storedBudget?: { left: number };
  /** Entries in one layer. */
  maxEntries: number;
  /** Characters in an entry's path, and directories deep. */
  maxPathLength: number;
  maxDepth: number;
}

export const DEFAULT_LAYER_LIMITS: Omit<LayerReadLimits, 'keepBudget'> = {
  keepFileBytes: 256 * 1024,
  maxEntries: 500_000,
  // Linux's PATH_MAX and a depth no real image comes near.
  maxPathLength: 4096,
  maxDepth: 256,
};

/** A layer entry no image may hold: the sentence says which and why. */
export class LayerEntryError extends Error {
  readonly entry: string;
  constructor(entry: string, message: string) {
    super(message);
    this.name = 'LayerEntryError';
    this.entry = entry;
  }
}

export interface LayerRead {
  layer: Layer;
  /** `sha256:` of the uncompressed tar. */
  diffId: string;
  /** Bytes of the uncompressed tar. */
  tarSize: number;
}

/**
 * Feed a layer tar's plain bytes with `push`, then `end()` for the layer and its diffID.
 *
 * @example
 * const r = new LayerReader({ ...DEFAULT_LAYER_LIMITS, keepBudget: { left: 1 << 26 } });
 * r.push(tarBytes);
 * r.end().diffId; // 'sha256:…'
 */
export class LayerReader {
  private readonly hash: Hasher = createSha256();
  private readonly tar: TarStream;
  private readonly specs: EntrySpec[] = [];
  private readonly limits: LayerReadLimits;
  private size = 0;

  constructor(limits: LayerReadLimits) {
    this.limits = limits;
    this.tar = new TarStream((h) => this.entry(h));
  }

  push(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    this.tar.push(chunk);
  }

  /** The input is over: the layer (made with `opts` and its diffID) and its digest. */
  end(opts: Omit<LayerOptions, 'diffId'> = {}): LayerRead {
    this.tar.end();
    const diffId = `sha256:${this.hash.hex()}`;
    return { layer: layerFromEntries(this.specs, { ...opts, diffId }), diffId, tarSize: this.size };
  }

  private entry(h: TarHeader) {
    if (this.specs.length >= this.limits.maxEntries)
      throw new TarFormatError(
        'too-large',
        h.offset,
        `the layer has more than ${this.limits.maxEntries.toLocaleString('en')} entries`,
      );
    const path = entryPath(h.name, this.limits);
    if (path === '/') return undefined;
    const meta = { mode: h.mode, uid: h.uid, gid: h.gid, mtime: h.mtime };
    switch (h.type) {
      case 'dir':
        this.specs.push({ path, type: 'dir', ...meta });
        return undefined;
      case 'symlink':
        this.specs.push({ path, type: 'symlink', target: h.linkname, ...meta });
        return undefined;
      case 'hardlink':
        this.specs.push({ path, type: 'hardlink', target: entryPath(h.linkname, this.limits) });
        return undefined;
      case 'other':
        // Devices, FIFOs: the lab has no such files; whiteouts are never of this kind.
        return undefined;
      case 'file':
        return this.file(path, h, meta);
    }
  }

  private file(
    path: string,
    h: TarHeader,
    meta: Omit<EntrySpec & { type: 'dir' }, 'path' | 'type'>,
  ) {
    const budget = this.limits.keepBudget;
    const keep = h.size <= this.limits.keepFileBytes && h.size <= budget.left;
    if (keep) {
      budget.left -= h.size;
      const data = new Uint8Array(h.size);
      let at = 0;
      const spec = { path, type: 'file' as const, ...meta, data };
      this.specs.push(spec);
      return {
        data(piece: Uint8Array) {
          data.set(piece, at);
          at += piece.length;
        },
      };
    }
    const own = createSha256();
    const spec: EntrySpec & { type: 'file' } = { path, type: 'file', ...meta, size: h.size };
    this.specs.push(spec);
    return {
      data: (piece: Uint8Array) => own.update(piece),
      end: () => {
        spec.digest = `sha256:${own.hex()}`;
      },
    };
  }
}

/**
 * An entry's absolute path in the image, or an error for names that climb out of the layer
 * (`../`), are too long or too deep: Docker's layer extraction refuses them too.
 */
function entryPath(name: string, limits: LayerReadLimits): string {
  if (name.length > limits.maxPathLength)
    throw new LayerEntryError(
      name.slice(0, 80) + '…',
      `an entry's name is ${name.length.toLocaleString('en')} characters long (Linux allows ${limits.maxPathLength})`,
    );
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0)
        throw new LayerEntryError(name, `the entry "${name}" points outside the image ("../")`);
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  if (parts.length > limits.maxDepth)
    throw new LayerEntryError(
      name.slice(0, 80) + '…',
      `an entry is ${parts.length} directories deep (the lab reads up to ${limits.maxDepth})`,
    );
  return '/' + parts.join('/');
}
