import type { Stat } from './port.ts';
import { FsError } from './port.ts';
import type { DirNode, FileNode, FsNode, SymlinkNode, TreeNode, WhiteoutNode } from './types.ts';

/**
 * A directory of the writable (upper) layer: mutable, like overlayfs' upperdir. Only
 * directories made by {@link upperDir} are changed in place; an upper layer may also hold
 * immutable `DirNode`s (whole prebuilt subtrees merged in by `mergeTree`, shared with whatever
 * else holds them), which are copied, one level at a time, on their first change.
 */
export interface UpperDir {
  readonly type: 'dir';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  readonly children: Map<string, UpperNode>;
  /** Set when the directory replaced a lower one: lower contents stay hidden. */
  opaque: boolean;
}

export type UpperNode = UpperDir | DirNode | FileNode | SymlinkNode | WhiteoutNode;
/** What a path shows through the overlay. */
export type Visible = UpperDir | FsNode;

const mutable = new WeakSet<object>();

/** A new, mutable upper directory. */
export function upperDir(
  meta: { mode: number; uid: number; gid: number; mtime: number },
  children: Map<string, UpperNode>,
  opaque: boolean,
): UpperDir {
  const { mode, uid, gid, mtime } = meta;
  const dir: UpperDir = { type: 'dir', mode, uid, gid, mtime, children, opaque };
  mutable.add(dir);
  return dir;
}

/** True for a directory the upper layer may change in place (not a shared, frozen subtree). */
export function isUpperDir(node: UpperNode | FsNode): node is UpperDir {
  return mutable.has(node);
}

/** The directory itself when it is the upper layer's own, else a mutable copy of one level. */
export function thaw(dir: UpperDir | DirNode): UpperDir {
  return isUpperDir(dir) ? dir : upperDir(dir, new Map(dir.children), dir.opaque === true);
}

/**
 * A position in the overlay: the upper node and the lower (merged image) node at one path.
 * `l` is the lower entry even when an upper whiteout hides it, because whether a delete needs a
 * whiteout, or a new directory must be opaque, depends on it.
 */
export interface Cursor {
  u: UpperNode | undefined;
  readonly l: FsNode | undefined;
  readonly parent: Cursor | undefined;
  readonly name: string;
}

export function visible(c: Cursor): Visible | undefined {
  if (c.u !== undefined) return c.u.type === 'whiteout' ? undefined : c.u;
  return c.l;
}

function lowerChildrenVisible(c: Cursor): c is Cursor & { l: DirNode } {
  return c.l?.type === 'dir' && (c.u === undefined || (c.u.type === 'dir' && !c.u.opaque));
}

export function step(c: Cursor, name: string): Cursor {
  const u = c.u?.type === 'dir' ? c.u.children.get(name) : undefined;
  const l = lowerChildrenVisible(c) ? (c.l.children.get(name) as FsNode | undefined) : undefined;
  return { u, l, parent: c, name };
}

export function cursorPath(c: Cursor): string {
  const names: string[] = [];
  for (let k: Cursor | undefined = c; k?.parent; k = k.parent) names.push(k.name);
  return '/' + names.reverse().join('/');
}

/** Visible names in a directory, unsorted. */
export function childNames(c: Cursor): Set<string> {
  const names = new Set<string>();
  if (lowerChildrenVisible(c)) for (const name of c.l.children.keys()) names.add(name);
  if (c.u?.type === 'dir') {
    for (const [name, node] of c.u.children) {
      if (node.type === 'whiteout') names.delete(name);
      else names.add(name);
    }
  }
  return names;
}

/** Linux gives up after 40 symlinks in one lookup. */
export const MAX_SYMLINKS = 40;

/**
 * Walk a path, following symlinks in every directory component (and in the last one when
 * `followLast`). The last component may be missing; a missing or non-directory intermediate
 * component throws ENOENT or ENOTDIR, too many links ELOOP.
 */
export function resolve(root: Cursor, path: string, followLast: boolean): Cursor {
  const todo = components(path).reverse();
  let cur = root;
  let links = 0;
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (name === '..') {
      cur = cur.parent ?? cur;
      continue;
    }
    const next = step(cur, name);
    const vis = visible(next);
    const last = todo.length === 0;
    if (vis?.type === 'symlink' && (!last || followLast)) {
      if (++links > MAX_SYMLINKS)
        throw new FsError('ELOOP', path, `${path}: Too many levels of symbolic links`);
      if (vis.target.startsWith('/')) cur = root;
      todo.push(...components(vis.target).reverse());
      continue;
    }
    if (!last) {
      if (vis === undefined)
        throw new FsError('ENOENT', path, `${path}: No such file or directory`);
      if (vis.type !== 'dir') throw new FsError('ENOTDIR', path, `${path}: Not a directory`);
    }
    cur = next;
  }
  return cur;
}

function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/**
 * Freeze the upper tree into a layer diff; shares the immutable file and symlink nodes and the
 * frozen subtrees merged in whole.
 */
export function freeze(dir: UpperDir): DirNode {
  const children = new Map<string, TreeNode>();
  for (const [name, node] of dir.children)
    children.set(name, node.type === 'dir' && isUpperDir(node) ? freeze(node) : node);
  const { mode, uid, gid, mtime } = dir;
  return dir.opaque
    ? { type: 'dir', mode, uid, gid, mtime, children, opaque: true }
    : { type: 'dir', mode, uid, gid, mtime, children };
}

const encoder = new TextEncoder();

export function statOf(node: Visible): Stat {
  const base = { mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime };
  switch (node.type) {
    case 'file':
      return { type: 'file', ...base, size: node.size, nlink: node.nlink ?? 1 };
    case 'symlink':
      return { type: 'symlink', ...base, size: encoder.encode(node.target).length, nlink: 1 };
    case 'dir':
      return { type: 'dir', ...base, size: 4096, nlink: 2 };
  }
}

/** Thrown when a step writes more than its budget; the builder reports the limit. */
export class BudgetExceededError extends FsError {
  readonly budgetExceeded = true;
  readonly limit: number;
  readonly attempted: number;
  constructor(path: string, limit: number, attempted: number) {
    super(
      'ENOSPC',
      path,
      `${path}: No space left on device (this step wrote more than ${limit} bytes)`,
    );
    this.limit = limit;
    this.attempted = attempted;
  }
}
