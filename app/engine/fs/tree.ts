import type { DirNode, FileNode, FsNode, NodeMeta, SymlinkNode, TreeNode } from './types.ts';
import { FIXED_MTIME } from './types.ts';
import { compareNames, splitPath } from './path.ts';

/** Metadata a caller may leave out: root-owned, fixed mtime, 0644 files and 0755 dirs. */
export interface MetaSpec {
  mode?: number;
  uid?: number;
  gid?: number;
  mtime?: number;
}

/** One entry of a tree or a layer, as a catalog, a build context or a tar lists it. */
export type EntrySpec =
  | (MetaSpec & {
      path: string;
      type: 'file';
      /** Stored content; a string is UTF-8 encoded. */
      data?: Uint8Array | string;
      /** Size of content that is not stored (read and tarred as zero bytes). */
      size?: number;
      digest?: string;
    })
  | (MetaSpec & { path: string; type: 'dir' })
  | (MetaSpec & { path: string; type: 'symlink'; target: string })
  /** A hard link to `target`, an absolute path listed earlier in the same list. */
  | { path: string; type: 'hardlink'; target: string }
  /** Only for layers: `path` is deleted from lower layers. */
  | { path: string; type: 'whiteout' }
  /** Only for layers: the directory at `path` hides lower layers' contents. */
  | { path: string; type: 'opaque' };

const encoder = new TextEncoder();

function meta(spec: MetaSpec, defaultMode: number): NodeMeta {
  // Called once per entry of a 10,000-entry base: plain reads, no spreads.
  return {
    mode: spec.mode ?? defaultMode,
    uid: spec.uid ?? 0,
    gid: spec.gid ?? 0,
    mtime: spec.mtime ?? FIXED_MTIME,
  };
}

/**
 * A directory under construction. Building with mutable maps and handing them out as
 * `ReadonlyMap`s avoids the path copying that inserting into a persistent tree would cost:
 * a 10,000-entry base is built in one pass.
 */
interface Draft extends NodeMeta {
  type: 'dir';
  children: Map<string, TreeNode | Draft>;
  opaque?: boolean;
}

function draftDir(m: NodeMeta): Draft {
  return { type: 'dir', ...m, children: new Map() };
}

/**
 * Build a directory tree from entries, in any order. Missing parent directories are created
 * root-owned with mode 0755; a later entry for the same path replaces an earlier one (a
 * directory entry keeps the children it already has).
 *
 * @example
 * const root = treeFromEntries([
 *   { path: '/etc/os-release', type: 'file', data: 'ID=debian\n' },
 *   { path: '/bin', type: 'symlink', target: 'usr/bin' },
 * ]);
 * lookup(root, '/etc/os-release')?.type; // 'file'
 */
export function treeFromEntries(entries: Iterable<EntrySpec>): DirNode {
  const root = draftDir(meta({}, 0o755));
  // Paths of each hard-link group, filled only when a link is met.
  const pathsOf = new Map<FileNode, string[]>();
  for (const e of entries) {
    const parts = splitPath(e.path);
    const name = parts.pop();
    let dir = root;
    for (const p of parts) {
      const next = dir.children.get(p);
      if (next && next.type === 'dir') {
        dir = next as Draft;
      } else {
        const made = draftDir(meta({}, 0o755));
        dir.children.set(p, made);
        dir = made;
      }
    }
    if (name === undefined) {
      if (e.type === 'dir') Object.assign(root, meta(e, 0o755));
      continue;
    }
    switch (e.type) {
      case 'dir': {
        const old = dir.children.get(name);
        const made = draftDir(meta(e, 0o755));
        if (old && old.type === 'dir') {
          made.children = (old as Draft).children;
          if (old.opaque) made.opaque = true;
        }
        dir.children.set(name, made);
        break;
      }
      case 'file': {
        const data = typeof e.data === 'string' ? encoder.encode(e.data) : e.data;
        const node: FileNode = {
          type: 'file',
          ...meta(e, 0o644),
          size: data ? data.length : (e.size ?? 0),
          ...(data ? { data } : {}),
          ...(e.digest !== undefined ? { digest: e.digest } : {}),
        };
        dir.children.set(name, node);
        break;
      }
      case 'symlink': {
        const node: SymlinkNode = { type: 'symlink', ...meta(e, 0o777), target: e.target };
        dir.children.set(name, node);
        break;
      }
      case 'hardlink': {
        const targetPath = '/' + splitPath(e.target).join('/');
        const target = lookup(root as DirNode, targetPath);
        if (target?.type !== 'file')
          throw new Error(`hard link ${e.path}: target ${e.target} is not a file listed before it`);
        const linked: FileNode = {
          ...target,
          ino: target.ino ?? nextIno(),
          nlink: (target.nlink ?? 1) + 1,
        };
        // Every path of the link shares one node, so later readers see one file.
        const paths = [...(pathsOf.get(target) ?? [targetPath]), '/' + [...parts, name].join('/')];
        for (const p of paths) setDraft(root, p, linked);
        pathsOf.delete(target);
        pathsOf.set(linked, paths);
        break;
      }
      case 'whiteout':
        dir.children.set(name, { type: 'whiteout' });
        break;
      case 'opaque': {
        const old = dir.children.get(name);
        if (old && old.type === 'dir') (old as Draft).opaque = true;
        else {
          const made = draftDir(meta({}, 0o755));
          made.opaque = true;
          dir.children.set(name, made);
        }
        break;
      }
    }
  }
  return root as DirNode;
}

let inodes = 0;
/** A fresh inode number for a new hard-link group. */
export function nextIno(): number {
  return ++inodes;
}

function setDraft(root: Draft, path: string, node: FileNode): void {
  const parts = splitPath(path);
  const name = parts.pop();
  let dir: Draft = root;
  for (const p of parts) dir = dir.children.get(p) as Draft;
  if (name !== undefined) dir.children.set(name, node);
}

/**
 * The node at a canonical path, without following symlinks; O(depth).
 *
 * @example
 * lookup(root, '/usr/bin'); // DirNode | undefined
 */
export function lookup(root: DirNode, path: string | readonly string[]): TreeNode | undefined {
  let node: TreeNode = root;
  for (const name of typeof path === 'string' ? splitPath(path) : path) {
    if (node.type !== 'dir') return undefined;
    const next: TreeNode | undefined = node.children.get(name);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/**
 * A new tree with `node` at `path` (or the path removed when `node` is undefined). Only the
 * directories on the path are copied; every other subtree is shared with `root`.
 *
 * @example
 * const next = setPath(root, '/app/a.txt', file); // root is unchanged
 */
export function setPath(
  root: DirNode,
  path: string | readonly string[],
  node: TreeNode | undefined,
): DirNode {
  const parts = typeof path === 'string' ? splitPath(path) : path;
  if (parts.length === 0) {
    if (node?.type !== 'dir') throw new Error('the root must stay a directory');
    return node;
  }
  return setIn(root, parts, 0, node);
}

function setIn(
  dir: DirNode,
  parts: readonly string[],
  i: number,
  node: TreeNode | undefined,
): DirNode {
  const name = parts[i]!;
  const children = new Map(dir.children);
  if (i === parts.length - 1) {
    if (node) children.set(name, node);
    else children.delete(name);
  } else {
    const child = dir.children.get(name);
    const sub: DirNode =
      child?.type === 'dir'
        ? child
        : { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: FIXED_MTIME, children: new Map() };
    children.set(name, setIn(sub, parts, i + 1, node));
  }
  return { ...dir, children };
}

/** One node of a depth-first walk; `parts` is the path from the root. */
export interface WalkItem {
  readonly parts: readonly string[];
  readonly node: TreeNode;
}

/**
 * Every node below `root` depth-first, each directory's children in Go's name order: the
 * order Docker writes a layer tar in (parents before children).
 *
 * @example
 * for (const { parts, node } of walk(root)) console.log('/' + parts.join('/'), node.type);
 */
export function* walk(root: DirNode, prefix: readonly string[] = []): Generator<WalkItem> {
  const names = [...root.children.keys()].sort(compareNames);
  for (const name of names) {
    const node = root.children.get(name)!;
    const parts = [...prefix, name];
    yield { parts, node };
    if (node.type === 'dir') yield* walk(node, parts);
  }
}

/**
 * Number of nodes below the root.
 *
 * @example
 * countNodes(treeFromEntries([{ path: '/a/b', type: 'file' }])); // 2
 */
export function countNodes(root: DirNode): number {
  let n = 0;
  for (const child of root.children.values()) {
    n++;
    if (child.type === 'dir') n += countNodes(child);
  }
  return n;
}

/** Narrow a diff node to what a merged tree may hold. */
export function isFsNode(node: TreeNode | undefined): node is FsNode {
  return node !== undefined && node.type !== 'whiteout';
}
