import { FsError } from './port.ts';
import type { DirNode, FileNode, SymlinkNode } from './types.ts';
import { FIXED_MTIME, WHITEOUT } from './types.ts';
import type { Cursor, UpperDir, UpperNode } from './overlay-core.ts';
import { BudgetExceededError, cursorPath, freeze, thaw, upperDir } from './overlay-core.ts';

export interface OverlayOptions {
  /** Owner of new files and directories (the Dockerfile's USER); root by default. */
  owner?: { uid: number; gid: number };
  /** Clock for mtimes, in seconds; fixed by default so layers are reproducible. */
  now?: () => number;
  /** Bytes this overlay may write (content written plus files copied up) before ENOSPC. */
  maxBytes?: number;
  /** Reads of content-less files larger than this fail rather than allocate (default 64 MiB). */
  maxReadBytes?: number;
}

/**
 * The writable layer's bookkeeping, as overlayfs keeps its upperdir: directories copied up
 * (metadata only) on the way to a change, whiteouts for deleted lower entries, opaque flags for
 * directories made over deleted ones, and the byte budget.
 */
export class UpperLayer {
  readonly lower: DirNode;
  readonly root: UpperDir;
  readonly owner: { uid: number; gid: number };
  readonly now: () => number;
  readonly #maxBytes: number | undefined;
  #written = 0;

  constructor(lower: DirNode, opts: OverlayOptions) {
    this.lower = lower;
    this.root = upperDir(lower, new Map(), false);
    this.owner = opts.owner ?? { uid: 0, gid: 0 };
    this.now = opts.now ?? (() => FIXED_MTIME);
    this.#maxBytes = opts.maxBytes;
  }

  get written(): number {
    return this.#written;
  }

  cursor(): Cursor {
    return { u: this.root, l: this.lower, parent: undefined, name: '' };
  }

  freeze(): DirNode {
    return freeze(this.root);
  }

  /** Whether `bytes` more fit in the budget. */
  fits(bytes: number): boolean {
    return this.#maxBytes === undefined || this.#written + bytes <= this.#maxBytes;
  }

  charge(path: string, bytes: number): void {
    const total = this.#written + bytes;
    if (this.#maxBytes !== undefined && total > this.#maxBytes) {
      throw new BudgetExceededError(path, this.#maxBytes, total);
    }
    this.#written = total;
  }

  /** The upper directory for a visible directory cursor, copying it (metadata only) up. */
  dir(c: Cursor): UpperDir {
    if (c.parent === undefined) return this.root;
    const parent = this.dir(c.parent);
    const existing = parent.children.get(c.name);
    if (existing?.type === 'dir') {
      const own = thaw(existing);
      if (own !== existing) parent.children.set(c.name, own);
      return (c.u = own);
    }
    const l = c.l;
    if (l?.type !== 'dir') {
      const path = cursorPath(c);
      throw new FsError('ENOENT', path, `${path}: No such file or directory`);
    }
    const made = upperDir(l, new Map(), false);
    parent.children.set(c.name, made);
    return (c.u = made);
  }

  put(c: Cursor, node: UpperNode, touchParent = true): void {
    const parent = this.dir(c.parent!);
    parent.children.set(c.name, node);
    if (touchParent) parent.mtime = this.now();
    c.u = node;
  }

  remove(c: Cursor): void {
    const parent = this.dir(c.parent!);
    // A lower entry needs a whiteout to stay deleted; an upper-only one simply goes.
    if (c.l !== undefined) parent.children.set(c.name, WHITEOUT);
    else parent.children.delete(c.name);
    parent.mtime = this.now();
    c.u = c.l !== undefined ? WHITEOUT : undefined;
  }

  /** Replace a file or symlink's node; a lower file is copied up whole. */
  update(c: Cursor, node: FileNode | SymlinkNode, next: FileNode | SymlinkNode): void {
    if (c.u === undefined && node.type === 'file') this.charge(cursorPath(c), node.size);
    this.put(c, next, false);
  }

  newDir(c: Cursor, mode: number): UpperDir {
    // Over a deleted lower entry the new directory must hide what the lower one held.
    return upperDir({ mode, ...this.owner, mtime: this.now() }, new Map(), c.l !== undefined);
  }
}
