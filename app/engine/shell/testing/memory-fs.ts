import type { FileType, ShellFs, Stat } from '../../fs/port.ts';
import { FsError } from '../../fs/port.ts';

interface Entry {
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  /** Stored bytes; undefined for sized files, which read as zeros. */
  data?: Uint8Array;
  size: number;
  target?: string;
}

const T = 1_700_000_000;

/**
 * A filesystem in a Map of absolute paths, for tests. Symlinks are followed component by
 * component; `limit` (bytes of file data) makes writes past it fail with ENOSPC.
 */
export class MemoryFs implements ShellFs {
  readonly entries = new Map<string, Entry>([['/', dir()]]);
  constructor(private readonly limit = Infinity) {}

  /** Follows symlinks in every component but (unless `followLast`) the last. */
  private walk(path: string, followLast: boolean, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', path);
    let cur = '';
    const parts = path.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const e = this.entries.get(next);
      const last = i === parts.length - 1;
      if (e?.type === 'symlink' && (!last || followLast)) {
        const t = e.target as string;
        const base = t.startsWith('/') ? t : `${cur}/${t}`;
        cur = this.walk(normalize(base), true, depth + 1);
      } else {
        if (!last && e && e.type !== 'dir') throw new FsError('ENOTDIR', path);
        cur = next;
      }
    }
    return cur || '/';
  }
  private get(path: string, follow = true): Entry {
    const e = this.entries.get(this.walk(path, follow));
    if (!e) throw new FsError('ENOENT', path);
    return e;
  }
  private parentOf(path: string): string {
    const real = this.walk(path, false);
    const parent = real.slice(0, real.lastIndexOf('/')) || '/';
    const p = this.entries.get(parent);
    if (!p) throw new FsError('ENOENT', path);
    if (p.type !== 'dir') throw new FsError('ENOTDIR', path);
    return real;
  }
  private used(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.type === 'file') n += e.size;
    return n;
  }

  stat(path: string): Stat {
    return toStat(this.get(path), this.nlink(path));
  }
  lstat(path: string): Stat {
    return toStat(this.get(path, false), 1);
  }
  private nlink(path: string): number {
    const e = this.get(path);
    let n = 0;
    for (const x of this.entries.values()) if (x === e) n++;
    return n;
  }
  exists(path: string): boolean {
    try {
      this.get(path);
      return true;
    } catch {
      return false;
    }
  }
  readFile(path: string): Uint8Array {
    const e = this.get(path);
    if (e.type === 'dir') throw new FsError('EISDIR', path);
    return e.data ?? new Uint8Array(e.size);
  }
  writeFile(path: string, data: Uint8Array, opts: { mode?: number; append?: boolean } = {}): void {
    const real = this.parentOf(this.existingTarget(path));
    const old = this.entries.get(real);
    if (old?.type === 'dir') throw new FsError('EISDIR', path);
    const prev = opts.append && old ? (old.data ?? new Uint8Array(old.size)) : new Uint8Array(0);
    const bytes = new Uint8Array(prev.length + data.length);
    bytes.set(prev);
    bytes.set(data, prev.length);
    if (this.used() - (old?.size ?? 0) + bytes.length > this.limit)
      throw new FsError('ENOSPC', path);
    const e = old ?? file(opts.mode ?? 0o644);
    e.data = bytes;
    e.size = bytes.length;
    this.entries.set(real, e);
  }
  private existingTarget(path: string): string {
    const e = this.entries.get(this.walk(path, false));
    return e?.type === 'symlink' ? this.walk(path, true) : path;
  }
  writeSizedFile(path: string, size: number, opts: { mode?: number } = {}): void {
    const real = this.parentOf(this.existingTarget(path));
    if (this.used() - (this.entries.get(real)?.size ?? 0) + size > this.limit)
      throw new FsError('ENOSPC', path);
    const e = file(opts.mode ?? 0o644);
    e.size = size;
    this.entries.set(real, e);
  }
  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (opts.recursive) {
      let cur = '';
      for (const part of path.split('/').filter(Boolean)) {
        cur += `/${part}`;
        if (!this.exists(cur)) this.mkdir(cur, { mode: opts.mode ?? 0o755 });
        else if (this.get(cur).type !== 'dir') throw new FsError('ENOTDIR', cur);
      }
      return;
    }
    const real = this.parentOf(path);
    if (this.entries.has(real)) throw new FsError('EEXIST', path);
    this.entries.set(real, dir(opts.mode ?? 0o755));
  }
  readdir(path: string): string[] {
    const real = this.walk(path, true);
    const e = this.entries.get(real);
    if (!e) throw new FsError('ENOENT', path);
    if (e.type !== 'dir') throw new FsError('ENOTDIR', path);
    const prefix = real === '/' ? '/' : `${real}/`;
    const names: string[] = [];
    for (const k of this.entries.keys()) {
      if (k !== real && k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
        names.push(k.slice(prefix.length));
    }
    return names.sort();
  }
  unlink(path: string): void {
    const real = this.walk(path, false);
    const e = this.entries.get(real);
    if (!e) throw new FsError('ENOENT', path);
    if (e.type === 'dir') throw new FsError('EISDIR', path);
    this.entries.delete(real);
  }
  rmdir(path: string, opts: { recursive?: boolean } = {}): void {
    const real = this.walk(path, false);
    const e = this.entries.get(real);
    if (!e) throw new FsError('ENOENT', path);
    if (e.type !== 'dir') throw new FsError('ENOTDIR', path);
    const kids = [...this.entries.keys()].filter((k) => k.startsWith(`${real}/`));
    if (kids.length > 0 && !opts.recursive) throw new FsError('ENOTEMPTY', path);
    for (const k of kids) this.entries.delete(k);
    this.entries.delete(real);
  }
  rename(from: string, to: string): void {
    const src = this.walk(from, false);
    if (!this.entries.has(src)) throw new FsError('ENOENT', from);
    const dst = this.parentOf(to);
    if (dst === src || dst.startsWith(`${src}/`)) throw new FsError('EINVAL', to);
    for (const k of [...this.entries.keys()])
      if (k === dst || k.startsWith(`${dst}/`)) this.entries.delete(k);
    for (const [k, e] of [...this.entries]) {
      if (k === src || k.startsWith(`${src}/`)) {
        this.entries.delete(k);
        this.entries.set(dst + k.slice(src.length), e);
      }
    }
  }
  symlink(target: string, path: string): void {
    const real = this.parentOf(path);
    if (this.entries.has(real)) throw new FsError('EEXIST', path);
    this.entries.set(real, { ...file(0o777), type: 'symlink', target, size: target.length });
  }
  readlink(path: string): string {
    const e = this.get(path, false);
    if (e.type !== 'symlink') throw new FsError('EINVAL', path);
    return e.target as string;
  }
  link(existing: string, path: string): void {
    const e = this.get(existing, false);
    const real = this.parentOf(path);
    if (this.entries.has(real)) throw new FsError('EEXIST', path);
    this.entries.set(real, e);
  }
  chmod(path: string, mode: number): void {
    this.get(path).mode = mode & 0o7777;
  }
  chown(path: string, uid: number, gid: number): void {
    const e = this.get(path);
    e.uid = uid;
    e.gid = gid;
  }
  utimes(path: string, mtime: number): void {
    this.get(path).mtime = mtime;
  }
  realpath(path: string): string {
    const real = this.walk(path, true);
    if (!this.entries.has(real)) throw new FsError('ENOENT', path);
    return real;
  }

  /** Test helper: a text file, creating parent directories. */
  put(path: string, text: string, mode = 0o644): this {
    this.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    this.writeFile(path, new TextEncoder().encode(text), { mode });
    return this;
  }
  /** Test helper: a file's text. */
  text(path: string): string {
    return new TextDecoder().decode(this.readFile(path));
  }
}

function dir(mode = 0o755): Entry {
  return { type: 'dir', mode, uid: 0, gid: 0, mtime: T, size: 4096 };
}
function file(mode: number): Entry {
  return { type: 'file', mode, uid: 0, gid: 0, mtime: T, size: 0 };
}
function toStat(e: Entry, nlink: number): Stat {
  return {
    type: e.type,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    mtime: e.mtime,
    nlink,
  };
}
function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return '/' + out.join('/');
}
