import type { DirNode, FsNode, TreeNode } from './types.ts';
import { FIXED_MTIME } from './types.ts';
import { compareNames, splitPath } from './path.ts';
import type { Layer } from './layer.ts';
import { lookup } from './tree.ts';

const EMPTY_ROOT: DirNode = {
  type: 'dir',
  mode: 0o755,
  uid: 0,
  gid: 0,
  mtime: FIXED_MTIME,
  children: new Map(),
};

/** Directories of a diff with no whiteout or opaque marker below them, found once per node. */
const clean = new WeakMap<DirNode, boolean>();

function isClean(dir: DirNode): boolean {
  let known = clean.get(dir);
  if (known === undefined) {
    known = !dir.opaque;
    if (known) {
      for (const child of dir.children.values()) {
        if (child.type === 'whiteout' || (child.type === 'dir' && !isClean(child))) {
          known = false;
          break;
        }
      }
    }
    clean.set(dir, known);
  }
  return known;
}

/**
 * Put a layer diff on top of a merged tree and return the new merged tree. Directories the
 * diff does not touch are shared, so the cost follows the size of the diff, not of the image.
 * Opaque directories drop what is below them before their own children apply; whiteouts
 * remove the path they name.
 *
 * @example
 * const merged = applyLayer(baseRoot, layer.root);
 */
export function applyLayer(lower: DirNode, diff: DirNode): DirNode {
  return applyDir(lower, diff);
}

function applyDir(lower: DirNode | undefined, diff: DirNode): DirNode {
  if ((lower === undefined || lower.children.size === 0) && isClean(diff)) {
    // Nothing to merge and nothing to strip: the layer's own directory is the merged one.
    return diff;
  }
  const base = diff.opaque || lower === undefined ? undefined : lower.children;
  const children = new Map<string, TreeNode>(base);
  for (const [name, child] of diff.children) {
    if (child.type === 'whiteout') children.delete(name);
    else if (child.type === 'dir') {
      const below = base?.get(name);
      children.set(name, applyDir(below?.type === 'dir' ? below : undefined, child));
    } else children.set(name, child);
  }
  const { mode, uid, gid, mtime } = diff;
  return { type: 'dir', mode, uid, gid, mtime, children };
}

/** How one layer bears on one path, top-most layer first in {@link Provenance.layers}. */
export interface LayerPart {
  /** Index of the layer in the stack (0 = base). */
  readonly layer: number;
  /**
   * `file`/`dir`/`symlink`: the layer has an entry at the path. `whiteout`: the layer deletes
   * the path (itself or an ancestor). `opaque`: an opaque directory above the path in this
   * layer hides lower layers' entries.
   */
  readonly role: 'file' | 'dir' | 'symlink' | 'whiteout' | 'opaque';
}

export interface Provenance {
  readonly path: string;
  /** What the merged view shows, if anything. */
  readonly node: FsNode | undefined;
  /** The layer whose entry is visible (for a directory: whose metadata is shown). */
  readonly providedBy: number | undefined;
  /** Lower layers whose entries at the path the visible one replaces (files, or a dir over a non-dir). */
  readonly shadows: readonly number[];
  /** For directories: lower layers whose directory is merged into the visible one. */
  readonly mergedWith: readonly number[];
  /** When a whiteout or an opaque directory hides the path: that layer. */
  readonly deletedBy: number | undefined;
  /** Lower layers whose entries a whiteout or opaque directory hides. */
  readonly hides: readonly number[];
  /** Every layer that says something about the path, top-most first. */
  readonly layers: readonly LayerPart[];
}

/**
 * The union of a stack of layers, as overlay2 shows it. Immutable; `push` makes the view of
 * one more layer in time proportional to that layer's diff.
 *
 * @example
 * const view = MergedView.of([base, step1, step2]);
 * view.lookup('/app/a.txt'); // FileNode | undefined
 * view.provenance('/data/del.txt').deletedBy; // 2
 */
export class MergedView {
  readonly layers: readonly Layer[];
  readonly root: DirNode;

  private constructor(layers: readonly Layer[], root: DirNode) {
    this.layers = layers;
    this.root = root;
  }

  static readonly empty = new MergedView([], EMPTY_ROOT);

  static of(layers: Iterable<Layer>): MergedView {
    let view = MergedView.empty;
    for (const layer of layers) view = view.push(layer);
    return view;
  }

  push(layer: Layer): MergedView {
    return new MergedView([...this.layers, layer], applyLayer(this.root, layer.root));
  }

  /** The visible node at a canonical path (symlinks not followed). */
  lookup(path: string): FsNode | undefined {
    return lookup(this.root, path) as FsNode | undefined;
  }

  /** Visible names in a directory, sorted; undefined when it is not a directory. */
  readdir(path: string): string[] | undefined {
    const node = this.lookup(path);
    return node?.type === 'dir' ? [...node.children.keys()].sort(compareNames) : undefined;
  }

  /**
   * Which layer provides a path, which lower entries it shadows or merges with, and which
   * layer deleted it. Walks the stack top-down: O(layers x depth), for the explorer.
   */
  provenance(path: string): Provenance {
    const parts = splitPath(path);
    const layers: LayerPart[] = [];
    const shadows: number[] = [];
    const mergedWith: number[] = [];
    const hides: number[] = [];
    let providedBy: number | undefined;
    let deletedBy: number | undefined;
    // seeking: nothing seen yet; dir: a visible directory still merging lower ones;
    // covered: the visible entry hides everything lower; deleted: a whiteout/opaque hides it.
    let state: 'seeking' | 'dir' | 'covered' | 'deleted' = 'seeking';
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const part = partOf(this.layers[i]!.root, parts);
      if (part === undefined) continue;
      layers.push({ layer: i, role: part.role });
      const entry = part.role !== 'whiteout' && part.role !== 'opaque';
      if (state === 'seeking') {
        if (entry) {
          providedBy = i;
          state = part.role === 'dir' && !part.hidesBelow ? 'dir' : 'covered';
        } else {
          deletedBy = i;
          state = 'deleted';
        }
      } else if (state === 'dir') {
        if (part.role === 'dir') {
          mergedWith.push(i);
          if (part.hidesBelow) state = 'covered';
        } else {
          if (entry) shadows.push(i);
          state = 'covered';
        }
      } else if (entry) (state === 'covered' ? shadows : hides).push(i);
    }
    return {
      path: '/' + parts.join('/'),
      node: lookup(this.root, parts) as FsNode | undefined,
      providedBy,
      shadows,
      mergedWith,
      deletedBy,
      hides,
      layers,
    };
  }
}

interface Part {
  role: LayerPart['role'];
  /** Lower layers' entries at the path are hidden by this layer (opaque dir at or above it). */
  hidesBelow: boolean;
}

/** What one layer's diff says about a path. */
function partOf(root: DirNode, parts: readonly string[]): Part | undefined {
  let node: TreeNode = root;
  let opaque = false;
  for (const name of parts) {
    // A non-directory above the path replaces the directory the path was in.
    if (node.type !== 'dir') return { role: 'whiteout', hidesBelow: true };
    if (node.opaque) opaque = true;
    const next: TreeNode | undefined = node.children.get(name);
    if (next === undefined) return opaque ? { role: 'opaque', hidesBelow: true } : undefined;
    if (next.type === 'whiteout') return { role: 'whiteout', hidesBelow: true };
    node = next;
  }
  return { role: node.type, hidesBelow: opaque || (node.type === 'dir' && node.opaque === true) };
}
