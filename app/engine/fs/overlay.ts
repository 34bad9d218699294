import type { MergeTreeOptions, ShellFs, Stat } from './port.ts';
import { FsError } from './port.ts';
import type { DirNode, FileNode } from './types.ts';
import type { Cursor, Visible } from './overlay-core.ts';
import { childNames, cursorPath, resolve, statOf, thaw, visible } from './overlay-core.ts';
import { checkName, sortedNames } from './path.ts';
import { Layer } from './layer.ts';
import { MergedView } from './merge.ts';
import { mergeTree } from './overlay-merge.ts';
import { nextIno } from './tree.ts';
import type { OverlayOptions } from './upper.ts';
import { UpperLayer } from './upper.ts';

export type { OverlayOptions } from './upper.ts';

const err = (code: FsError['code'], path: string, what: string): FsError =>
  new FsError(code, path, `${path}: ${what}`);

/**
 * A writable layer over an image: overlayfs semantics (copy-up, whiteouts, opaque
 * directories, EXDEV for lower directories) behind the shell's {@link ShellFs} port, recording
 * every change so {@link RecordingOverlay.commit} can hand back the layer diff. Opening one costs
 * nothing: the image's nodes are shared, never copied.
 *
 * Simplifications, on purpose: no permission checks (build steps run as root); writing to one
 * path of a hard link gives that path its own file (as overlay's copy-up does for image files);
 * names starting with `.wh.` are refused, since a layer tar could not tell them from whiteouts.
 */
export class RecordingOverlay implements ShellFs {
  readonly #w: UpperLayer;
  readonly #maxRead: number;

  constructor(lower: DirNode, opts: OverlayOptions = {}) {
    this.#w = new UpperLayer(lower, opts);
    this.#maxRead = opts.maxReadBytes ?? 64 * 1024 * 1024;
  }

  /** The merged image this overlay writes over. */
  get lower(): DirNode {
    return this.#w.lower;
  }

  /** Bytes written so far (content plus copy-ups), as the size budget counts them. */
  get bytesWritten(): number {
    return this.#w.written;
  }

  /**
   * The changes so far as an immutable layer diff. The overlay stays usable, so a running
   * container can be diffed or committed more than once.
   */
  commit(opts: { diffId?: string } = {}): Layer {
    return new Layer(this.#w.freeze(), opts);
  }

  #at(path: string, follow: boolean): Cursor {
    return resolve(this.#w.cursor(), path, follow);
  }

  #existing(path: string, follow: boolean): { c: Cursor; node: Visible } {
    const c = this.#at(path, follow);
    const node = visible(c);
    if (node === undefined) throw err('ENOENT', path, 'No such file or directory');
    return { c, node };
  }

  stat(path: string): Stat {
    return statOf(this.#existing(path, true).node);
  }

  lstat(path: string): Stat {
    return statOf(this.#existing(path, false).node);
  }

  exists(path: string): boolean {
    try {
      return visible(this.#at(path, true)) !== undefined;
    } catch (e) {
      if (e instanceof FsError) return false;
      throw e;
    }
  }

  readFile(path: string): Uint8Array {
    const { node } = this.#existing(path, true);
    if (node.type === 'dir') throw err('EISDIR', path, 'Is a directory');
    if (node.type !== 'file') throw err('EINVAL', path, 'Invalid argument');
    if (node.data) return node.data;
    if (node.size > this.#maxRead)
      throw err('EINVAL', path, `file too large to read (${node.size} bytes)`);
    return new Uint8Array(node.size);
  }

  writeFile(path: string, data: Uint8Array, opts: { mode?: number; append?: boolean } = {}): void {
    const c = this.#at(path, true);
    const old = visible(c);
    if (old?.type === 'dir') throw err('EISDIR', path, 'Is a directory');
    if (old === undefined) this.#checkNew(c, path);
    const prev = old?.type === 'file' ? old : undefined;
    // Appending to an image file copies it up whole first.
    const copyUp = opts.append && prev && c.u === undefined ? prev.size : 0;
    this.#w.charge(path, data.length + copyUp);
    let content: Pick<FileNode, 'size' | 'data'>;
    if (opts.append && prev) {
      // A file whose content is not stored stays content-less: only its size grows.
      content = prev.data
        ? { size: prev.size + data.length, data: concat(prev.data, data) }
        : { size: prev.size + data.length };
    } else content = { size: data.length, data };
    this.#w.put(c, {
      type: 'file',
      mode: prev ? prev.mode : (opts.mode ?? 0o644),
      uid: prev ? prev.uid : this.#w.owner.uid,
      gid: prev ? prev.gid : this.#w.owner.gid,
      mtime: this.#w.now(),
      ...content,
    });
  }

  writeSizedFile(path: string, size: number, opts: { mode?: number; digest?: string } = {}): void {
    const c = this.#at(path, true);
    const old = visible(c);
    if (old?.type === 'dir') throw err('EISDIR', path, 'Is a directory');
    if (old === undefined) this.#checkNew(c, path);
    if (!Number.isSafeInteger(size) || size < 0) throw err('EINVAL', path, `invalid size ${size}`);
    this.#w.charge(path, size);
    const prev = old?.type === 'file' ? old : undefined;
    this.#w.put(c, {
      type: 'file',
      mode: opts.mode ?? prev?.mode ?? 0o644,
      uid: prev ? prev.uid : this.#w.owner.uid,
      gid: prev ? prev.gid : this.#w.owner.gid,
      mtime: this.#w.now(),
      size,
      ...(opts.digest !== undefined ? { digest: opts.digest } : {}),
    });
  }

  #checkNew(c: Cursor, path: string): void {
    if (c.parent === undefined) throw err('EEXIST', path, 'File exists');
    checkName(c.name, path);
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (opts.recursive) {
      const parts = path.split('/').filter((p) => p !== '');
      for (let i = 1; i <= parts.length; i++) {
        const sub = '/' + parts.slice(0, i).join('/');
        const c = this.#at(sub, true);
        const node = visible(c);
        if (node?.type === 'dir') continue;
        // Linux: EEXIST for the path itself, ENOTDIR when a file stands in its way.
        if (node !== undefined) {
          if (i === parts.length) throw err('EEXIST', path, 'File exists');
          throw err('ENOTDIR', path, 'Not a directory');
        }
        this.#mkdirAt(c, sub, opts.mode ?? 0o755);
      }
      return;
    }
    const c = this.#at(path, false);
    if (visible(c) !== undefined) throw err('EEXIST', path, 'File exists');
    this.#mkdirAt(c, path, opts.mode ?? 0o755);
  }

  #mkdirAt(c: Cursor, path: string, mode: number): void {
    this.#checkNew(c, path);
    this.#w.put(c, this.#w.newDir(c, mode));
  }

  readdir(path: string): string[] {
    const { c, node } = this.#existing(path, true);
    if (node.type !== 'dir') throw err('ENOTDIR', path, 'Not a directory');
    return sortedNames(childNames(c));
  }

  unlink(path: string): void {
    const { c, node } = this.#existing(path, false);
    if (node.type === 'dir') throw err('EISDIR', path, 'Is a directory');
    this.#w.remove(c);
  }

  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    const { c, node } = this.#existing(path, false);
    if (node.type !== 'dir') throw err('ENOTDIR', path, 'Not a directory');
    if (c.parent === undefined) throw err('EINVAL', path, 'Device or resource busy');
    if (!opts.recursive && childNames(c).size > 0)
      throw err('ENOTEMPTY', path, 'Directory not empty');
    // One whiteout deletes a lower subtree: the layer gets `.wh.dir`, nothing below it.
    this.#w.remove(c);
  }

  rename(from: string, to: string): void {
    const src = this.#existing(from, false);
    const dst = this.#at(to, false);
    if (src.c.parent === undefined || dst.parent === undefined)
      throw err('EINVAL', from, 'Invalid argument');
    const fromPath = cursorPath(src.c);
    const toPath = cursorPath(dst);
    if (fromPath === toPath) return;
    if (toPath.startsWith(fromPath + '/')) throw err('EINVAL', to, 'Invalid argument');
    const target = visible(dst);
    const node = src.node;
    if (node.type === 'dir') {
      const merged = src.c.l?.type === 'dir' && !(src.c.u?.type === 'dir' && src.c.u.opaque);
      if (merged) throw err('EXDEV', from, 'Invalid cross-device link');
      if (target !== undefined && target.type !== 'dir')
        throw err('ENOTDIR', to, 'Not a directory');
      if (target !== undefined && childNames(dst).size > 0)
        throw err('ENOTEMPTY', to, 'Directory not empty');
    } else if (target?.type === 'dir') throw err('EISDIR', to, 'Is a directory');
    if (target === undefined) this.#checkNew(dst, to);
    if (node.type === 'file' && src.c.u === undefined) this.#w.charge(to, node.size);
    this.#w.remove(src.c);
    if (node.type === 'dir') {
      const moved = thaw(node);
      moved.opaque = moved.opaque || dst.l !== undefined;
      this.#w.put(dst, moved);
    } else this.#w.put(dst, node);
  }

  symlink(target: string, path: string): void {
    const c = this.#at(path, false);
    if (visible(c) !== undefined) throw err('EEXIST', path, 'File exists');
    this.#checkNew(c, path);
    this.#w.put(c, {
      type: 'symlink',
      mode: 0o777,
      ...this.#w.owner,
      mtime: this.#w.now(),
      target,
    });
  }

  readlink(path: string): string {
    const { node } = this.#existing(path, false);
    if (node.type !== 'symlink') throw err('EINVAL', path, 'Invalid argument');
    return node.target;
  }

  link(existing: string, path: string): void {
    const src = this.#existing(existing, false);
    const dst = this.#at(path, false);
    if (src.node.type === 'dir')
      throw err('EACCES', existing, 'hard link not allowed for directory');
    if (visible(dst) !== undefined) throw err('EEXIST', path, 'File exists');
    this.#checkNew(dst, path);
    if (src.node.type === 'symlink') return this.#w.put(dst, src.node);
    const file = src.node;
    const linked: FileNode = { ...file, ino: file.ino ?? nextIno(), nlink: (file.nlink ?? 1) + 1 };
    this.#w.update(src.c, file, linked);
    this.#w.put(dst, linked);
  }

  chmod(path: string, mode: number): void {
    this.#setMeta(path, { mode: mode & 0o7777 });
  }

  chown(path: string, uid: number, gid: number): void {
    this.#setMeta(path, { uid, gid });
  }

  /** chown without following a final symlink (`chown -h`). */
  lchown(path: string, uid: number, gid: number): void {
    this.#setMeta(path, { uid, gid }, false);
  }

  utimes(path: string, mtime: number): void {
    this.#setMeta(path, { mtime });
  }

  #setMeta(
    path: string,
    meta: { mode?: number; uid?: number; gid?: number; mtime?: number },
    follow = true,
  ): void {
    const { c, node } = this.#existing(path, follow);
    if (node.type === 'dir') Object.assign(this.#w.dir(c), meta);
    else this.#w.update(c, node, { ...node, ...meta });
  }

  mergeTree(tree: DirNode, opts: MergeTreeOptions): boolean {
    return mergeTree(this.#w, tree, opts);
  }

  realpath(path: string): string {
    const { c } = this.#existing(path, true);
    return cursorPath(c);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Open a recording overlay over an image (a merged view or its root).
 *
 * @example
 * const fs = openOverlay(view, { maxBytes: 1 << 30 });
 * fs.writeFile('/app/a.txt', new TextEncoder().encode('hi\n'));
 * const layer = fs.commit(); // the step's diff: app/ and app/a.txt
 */
export function openOverlay(
  lower: MergedView | DirNode,
  opts: OverlayOptions = {},
): RecordingOverlay {
  return new RecordingOverlay(lower instanceof MergedView ? lower.root : lower, opts);
}
