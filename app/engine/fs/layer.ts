import type { Compression } from './decompress.ts';
import type { DirNode, FileNode, FsNode } from './types.ts';
import { OPAQUE_MARKER, WHITEOUT_PREFIX } from './types.ts';
import { compareNames, splitPath } from './path.ts';
import type { EntrySpec } from './tree.ts';
import { treeFromEntries } from './tree.ts';

/** One tar entry of a layer, in the order Docker writes them. */
export interface LayerRecord {
  /** Tar name: relative, directories end with `/`, whiteouts carry the `.wh.` prefix. */
  readonly name: string;
  /** The absolute path the record is about (for a whiteout, the deleted path). */
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
  /** Bytes of content in the tar (regular files only). */
  readonly size: number;
  /** Symlink target, or the tar name of the first path of a hard link. */
  readonly linkname?: string;
  readonly node?: FsNode;
}

/**
 * The records of a layer diff tree, depth-first with each directory's names in Go's order and
 * a directory's opaque marker right after it: the order of Docker's overlay2 and BuildKit
 * layer tars (oracle/observed/wh-*.layers.txt). A whiteout sorts under the name it deletes.
 *
 * @example
 * [...layerRecords(layer.root)].map((r) => r.name); // ['.wh.d1', 'd2/', 'd2/.wh..wh..opq', ...]
 */
export function layerRecords(root: DirNode): IterableIterator<LayerRecord> {
  // Trees never change, so a tree's records are listed (and its names sorted) once: the
  // digest, the stats, the views and the saved state all walk the same list.
  let list = recordLists.get(root);
  if (!list) {
    list = [...recordsIn(root, '', new Map<number, string>())];
    recordLists.set(root, list);
  }
  return list[Symbol.iterator]();
}

const recordLists = new WeakMap<DirNode, readonly LayerRecord[]>();

function* recordsIn(
  dir: DirNode,
  prefix: string,
  firstPathOf: Map<number, string>,
): Generator<LayerRecord> {
  const names = [...dir.children.keys()].sort(compareNames);
  for (const name of names) {
    const node = dir.children.get(name)!;
    const rel = prefix + name;
    const path = '/' + rel;
    switch (node.type) {
      case 'whiteout':
        yield {
          name: prefix + WHITEOUT_PREFIX + name,
          path,
          kind: 'whiteout',
          mode: 0o600,
          uid: 0,
          gid: 0,
          mtime: dir.mtime,
          size: 0,
        };
        break;
      case 'dir':
        yield { name: rel + '/', path, kind: 'dir', ...metaOf(node), size: 0, node };
        if (node.opaque) {
          // Docker gives the marker the directory's permissions and owner and a zero mtime.
          yield {
            name: rel + '/' + OPAQUE_MARKER,
            path,
            kind: 'opaque',
            ...metaOf(node),
            mtime: 0,
            size: 0,
          };
        }
        yield* recordsIn(node, rel + '/', firstPathOf);
        break;
      case 'symlink':
        yield {
          name: rel,
          path,
          kind: 'symlink',
          ...metaOf(node),
          size: 0,
          linkname: node.target,
          node,
        };
        break;
      case 'file': {
        const first = node.ino !== undefined ? firstPathOf.get(node.ino) : undefined;
        if (first !== undefined) {
          yield {
            name: rel,
            path,
            kind: 'hardlink',
            ...metaOf(node),
            size: 0,
            linkname: first,
            node,
          };
        } else {
          if (node.ino !== undefined && (node.nlink ?? 1) > 1) firstPathOf.set(node.ino, rel);
          yield { name: rel, path, kind: 'file', ...metaOf(node), size: node.size, node };
        }
        break;
      }
    }
  }
}

function metaOf(n: FsNode): { mode: number; uid: number; gid: number; mtime: number } {
  return { mode: n.mode, uid: n.uid, gid: n.gid, mtime: n.mtime };
}

/** What `docker history` and the layer panel show about a layer. */
export interface LayerStats {
  /** Sum of regular-file sizes (a hard-linked file counts once): `docker history` SIZE. */
  readonly size: number;
  readonly files: number;
  readonly dirs: number;
  readonly symlinks: number;
  readonly hardlinks: number;
  readonly whiteouts: number;
  readonly opaques: number;
  /** Tar entries in all. */
  readonly entries: number;
  /**
   * Regular files whose bytes are not stored (a size, and the real file's digest when known):
   * with any, the layer's digest is a stand-in's (stand-in.ts), not the tar's.
   */
  readonly standIns: number;
}

export interface LayerOptions {
  diffId?: string;
  compressedSize?: number;
  /** The compressed blob's own digest, when it is known (a layer read from a `docker save`). */
  compressedDigest?: string;
  /** Read from a `docker save` tar by `docker load` (kept whole in saved state, not by reference). */
  loaded?: boolean;
  /**
   * The blob exactly as the archive held it (plain, gzip or zstd), when it was small enough to
   * keep: the lab's tar writer cannot give back another tool's bytes, so `docker save` writes
   * these (overlay2 keeps a layer's original tar through tar-split, containerd its blob).
   */
  stored?: StoredBlob;
}

/** A layer's blob bytes as read, and how they are compressed. */
export interface StoredBlob {
  readonly bytes: Uint8Array;
  readonly compression: Compression;
}

/**
 * An image layer: the diff tree of one step, immutable. Derived facts (stats, diffID) are
 * computed on first use and kept, so untouched layers are never hashed.
 */
export class Layer {
  readonly root: DirNode;
  /** A diffID known in advance (a catalog base layer), used instead of hashing. */
  readonly knownDiffId: string | undefined;
  /** Transfer size known in advance (a catalog layer whose contents are not stored). */
  readonly knownCompressedSize: number | undefined;
  /** The compressed blob's digest, when one was read (`docker load` of gzip or zstd blobs). */
  readonly knownCompressedDigest: string | undefined;
  /** Came from `docker load`: its diffID is known, but no catalog can give it back. */
  readonly loaded: boolean;
  /** The blob as `docker load` read it, when kept (see {@link LayerOptions.stored}). */
  readonly stored: StoredBlob | undefined;
  #stats: LayerStats | undefined;
  /** Cache slots other modules fill (diffID, compressed size); keyed by their options. */
  readonly memo = new Map<string, unknown>();

  constructor(root: DirNode, opts: LayerOptions = {}) {
    this.root = root;
    this.knownDiffId = opts.diffId;
    this.knownCompressedSize = opts.compressedSize;
    this.knownCompressedDigest = opts.compressedDigest;
    this.loaded = opts.loaded ?? false;
    this.stored = opts.stored;
  }

  get stats(): LayerStats {
    return (this.#stats ??= computeStats(this.root));
  }

  /** Records in tar order. */
  records(): IterableIterator<LayerRecord> {
    return layerRecords(this.root);
  }
}

const encoder = new TextEncoder();

function computeStats(root: DirNode): LayerStats {
  const s = {
    size: 0,
    files: 0,
    dirs: 0,
    symlinks: 0,
    hardlinks: 0,
    whiteouts: 0,
    opaques: 0,
    entries: 0,
    standIns: 0,
  };
  for (const r of layerRecords(root)) {
    s.entries++;
    if (r.kind === 'file') {
      s.files++;
      s.size += r.size;
      if (r.size > 0 && !(r.node?.type === 'file' && r.node.data)) s.standIns++;
    } else if (r.kind === 'dir') s.dirs++;
    else if (r.kind === 'symlink') {
      // A symlink's size is its target's length, and the overlay2 driver's DiffSize (moby
      // pkg/directory Size: every non-directory's lstat size) counts it.
      s.symlinks++;
      s.size += encoder.encode(r.linkname ?? '').length;
    } else if (r.kind === 'hardlink') s.hardlinks++;
    else if (r.kind === 'whiteout') s.whiteouts++;
    else s.opaques++;
  }
  return s;
}

/**
 * Make a layer from entries. Entries named `.wh.NAME` become whiteouts of NAME and
 * `DIR/.wh..wh..opq` makes DIR opaque, as in a layer tar; `type: 'whiteout' | 'opaque'` say
 * the same thing directly.
 *
 * @example
 * const layer = layerFromEntries([
 *   { path: '/app/a.txt', type: 'file', data: 'hello\n' },
 *   { path: '/data/.wh.del.txt', type: 'file' },
 * ]);
 * layer.stats.whiteouts; // 1
 */
export function layerFromEntries(entries: Iterable<EntrySpec>, opts: LayerOptions = {}): Layer {
  return new Layer(treeFromEntries(interpretWhiteouts(entries)), opts);
}

function* interpretWhiteouts(entries: Iterable<EntrySpec>): Generator<EntrySpec> {
  for (const e of entries) {
    const parts = splitPath(e.path);
    const base = parts[parts.length - 1];
    if (base === OPAQUE_MARKER) {
      yield { path: '/' + parts.slice(0, -1).join('/'), type: 'opaque' };
    } else if (base !== undefined && base.startsWith(WHITEOUT_PREFIX)) {
      const deleted = base.slice(WHITEOUT_PREFIX.length);
      yield { path: '/' + [...parts.slice(0, -1), deleted].join('/'), type: 'whiteout' };
    } else yield e;
  }
}

/**
 * The regular files of a layer with their paths (tests, `docker save` checks).
 *
 * @example
 * layerFiles(layer).map((f) => f.path); // ['/app/a.txt']
 */
export function layerFiles(layer: Layer): { path: string; node: FileNode }[] {
  const out: { path: string; node: FileNode }[] = [];
  for (const r of layer.records())
    if (r.node?.type === 'file') out.push({ path: r.path, node: r.node });
  return out;
}
