/**
 * `docker cp` inside the engine: read a path of a container as the entries its tar would
 * hold, and write such entries into a container's writable layer (copy-up rules apply, so a
 * copy over an image file lands in the writable layer and `docker diff` shows it).
 */
import { FsError } from '../fs/port.ts';
import type { Container } from './container.ts';

export interface CopyEntry {
  /** Relative to the copied item: '' is the item itself, `sub/file` below a directory. */
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  data: Uint8Array;
  target: string;
}

const EMPTY = new Uint8Array(0);

/** Normalise a container path: absolute, no `.`/`..`, no trailing slash. */
export function cleanPath(path: string, cwd = '/'): string {
  const parts: string[] = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

/** What a path in the container is, or undefined when nothing is there. */
export function statIn(
  c: Container,
  path: string,
  follow = false,
): 'file' | 'dir' | 'symlink' | undefined {
  try {
    return (follow ? c.rw.stat(path) : c.rw.lstat(path)).type;
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}

/**
 * A path of the container and everything below it, parents before children. With `follow`
 * a symlink given as the source is copied as what it points to (`docker cp -L`).
 */
export function readEntries(c: Container, path: string, follow: boolean): CopyEntry[] {
  const out: CopyEntry[] = [];
  const visit = (abs: string, rel: string, followThis: boolean) => {
    const st = followThis ? c.rw.stat(abs) : c.rw.lstat(abs);
    if (st.type === 'symlink') {
      out.push({
        path: rel,
        type: 'symlink',
        mode: st.mode,
        data: EMPTY,
        target: c.rw.readlink(abs),
      });
    } else if (st.type === 'file') {
      out.push({ path: rel, type: 'file', mode: st.mode, data: c.rw.readFile(abs), target: '' });
    } else {
      out.push({ path: rel, type: 'dir', mode: st.mode, data: EMPTY, target: '' });
      for (const name of c.rw.readdir(abs).sort())
        visit(abs === '/' ? `/${name}` : `${abs}/${name}`, rel ? `${rel}/${name}` : name, false);
    }
  };
  visit(path, '', follow);
  return out;
}

/**
 * Write entries into the container under `dest` (the item itself lands at `dest`). Files are
 * owned by root, as docker cp does without `-a`.
 */
export function writeEntries(c: Container, dest: string, entries: readonly CopyEntry[]): void {
  for (const e of entries) {
    const at = e.path ? (dest === '/' ? `/${e.path}` : `${dest}/${e.path}`) : dest;
    const there = statIn(c, at);
    if (e.type === 'dir') {
      if (there !== 'dir') {
        if (there !== undefined) c.rw.unlink(at);
        c.rw.mkdir(at, { mode: e.mode });
      }
      continue;
    }
    if (there === 'symlink' || (there === 'file' && e.type === 'symlink')) c.rw.unlink(at);
    if (e.type === 'symlink') c.rw.symlink(e.target, at);
    else {
      c.rw.writeFile(at, e.data, { mode: e.mode });
      if (there === 'file') c.rw.chmod(at, e.mode);
    }
  }
}

/** Bytes of the tar stream docker cp moves: a 512-byte header per entry, data in 512-byte blocks, 1 KiB end. */
export function tarBytes(entries: readonly CopyEntry[]): number {
  let n = 1024;
  for (const e of entries) n += 512 + Math.ceil(e.data.length / 512) * 512;
  return n;
}
