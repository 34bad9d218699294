/**
 * The node shapes every part of `fs/` shares. Nodes are immutable once built: trees, layers
 * and merged views share them freely, which is what keeps a container or a rebuild from
 * copying its base image.
 */

/** Metadata common to every filesystem object. `mode` holds permission bits only. */
export interface NodeMeta {
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
}

/**
 * A regular file. Either `data` holds its bytes, or only `size` is known (large catalog files,
 * `dd` output): such files read, and are written into tars, as zero bytes of their size.
 */
export interface FileNode extends NodeMeta {
  readonly type: 'file';
  readonly size: number;
  readonly data?: Uint8Array;
  /** Digest of the real content when it is not stored, e.g. from the package catalog. */
  readonly digest?: string;
  /** Shared by every path that is a hard link to the same file. */
  readonly ino?: number;
  readonly nlink?: number;
}

export interface DirNode extends NodeMeta {
  readonly type: 'dir';
  readonly children: ReadonlyMap<string, TreeNode>;
  /** Only in layer diffs: the directory hides everything below it in lower layers. */
  readonly opaque?: boolean;
}

export interface SymlinkNode extends NodeMeta {
  readonly type: 'symlink';
  readonly target: string;
}

/** Only in layer diffs: the path is deleted from the layers below. */
export interface WhiteoutNode {
  readonly type: 'whiteout';
}

/** What a merged (visible) filesystem holds. */
export type FsNode = FileNode | DirNode | SymlinkNode;
/** What a layer diff may hold. */
export type TreeNode = FsNode | WhiteoutNode;

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

/**
 * The timestamp used unless a caller passes one: reproducible builds (SOURCE_DATE_EPOCH=0)
 * make every image ID repeatable, which the UI says out loud.
 */
export const FIXED_MTIME = 0;
export const FIXED_CREATED = '1970-01-01T00:00:00Z';

export const WHITEOUT: WhiteoutNode = Object.freeze({ type: 'whiteout' });
