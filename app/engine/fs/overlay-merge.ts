/**
 * Merging a prebuilt tree into the writable layer in one go: what a package manager unpacking a
 * package does, file by file, costs a walk of the directories the tree shares with the image
 * instead (a directory the image does not have is put in whole, shared, not copied).
 */
import type { MergeTreeOptions } from './port.ts';
import type { DirNode, FsNode, TreeNode } from './types.ts';
import type { Cursor, UpperNode } from './overlay-core.ts';
import { cursorPath, resolve, step, visible } from './overlay-core.ts';
import type { UpperLayer } from './upper.ts';

interface Put {
  c: Cursor;
  node: UpperNode;
}

/**
 * Merge `tree` (rooted at `/`) into the upper layer with the result of writing it entry by
 * entry (see `ShellFs.mergeTree`): a directory of the tree that the image has is entered and
 * keeps its metadata; one it lacks is put whole (opaque over a deleted lower entry, as `mkdir`
 * makes it); a file or symlink is put, replacing a file or symlink (an existing file keeps its
 * owner, as writing over it does); every directory that gets a new entry takes `mtime`.
 * Returns false, having changed nothing, when writing entry by entry could go another way: a
 * symlink in the image where the tree has a file, a file where it has a directory, two paths
 * of the tree reaching one place, a budget the writes would exceed, another owner or clock.
 */
export function mergeTree(w: UpperLayer, tree: DirNode, opts: MergeTreeOptions): boolean {
  if (w.now() !== opts.mtime || w.owner.uid !== opts.owner.uid || w.owner.gid !== opts.owner.gid)
    return false;
  if (!w.fits(opts.bytes)) return false;
  const root = w.cursor();
  const puts: Put[] = [];
  const reached = new Set<string>();
  if (!plan(root, root, tree, opts, puts, reached)) return false;
  w.charge('/', opts.bytes);
  for (const { c, node } of puts) w.put(c, node);
  return true;
}

function plan(
  root: Cursor,
  at: Cursor,
  dir: DirNode,
  opts: MergeTreeOptions,
  puts: Put[],
  reached: Set<string>,
): boolean {
  for (const [name, node] of dir.children) {
    let c = step(at, name);
    let v = visible(c);
    if (node.type === 'dir' && v?.type === 'symlink') {
      // `mkdir -p` and writes go through a symlink to a directory (Debian's /lib -> usr/lib).
      try {
        c = resolve(root, cursorPath(c), true);
      } catch {
        return false;
      }
      v = visible(c);
      if (v?.type !== 'dir') return false;
    }
    if (node.type === 'dir' && v?.type === 'dir') {
      if (!plan(root, c, node, opts, puts, reached)) return false;
      continue;
    }
    const put = placed(c, v, node, opts);
    if (put === undefined) return false;
    // Two routes to one path (through a symlink and directly) would depend on the order.
    const path = cursorPath(c);
    if (reached.has(path)) return false;
    reached.add(path);
    puts.push({ c, node: put });
  }
  return true;
}

/** What goes at `c` for the tree's `node`, or undefined when a bulk merge cannot say. */
function placed(
  c: Cursor,
  v: UpperNode | FsNode | undefined,
  node: TreeNode,
  opts: MergeTreeOptions,
): UpperNode | undefined {
  switch (node.type) {
    case 'dir':
      if (v !== undefined) return undefined;
      return c.l !== undefined && node.opaque !== true ? { ...node, opaque: true } : node;
    case 'file':
      if (v === undefined) return node;
      if (v.type !== 'file' || opts.existingFiles === 'refuse') return undefined;
      {
        const mode = opts.existingFiles === 'rewrite' ? v.mode : node.mode;
        const same = v.uid === node.uid && v.gid === node.gid && mode === node.mode;
        return same ? node : { ...node, mode, uid: v.uid, gid: v.gid };
      }
    case 'symlink':
      return v === undefined || v.type === 'file' || v.type === 'symlink' ? node : undefined;
    case 'whiteout':
      return undefined;
  }
}
