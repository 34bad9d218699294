import type { ShellFs } from './fs-port.ts';
import { FsError } from './fs-port.ts';
import { sizeLimitMessage } from '../limits/messages.ts';
import { BudgetSignal } from './signals.ts';
import type { Shell } from './state.ts';
import type { Sink } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (b: Uint8Array): string => decoder.decode(b);

/** A command's standard input: text read at most once, by lines or all at once. */
export class Input {
  private pos = 0;
  constructor(private readonly text: string) {}
  /** The rest of the input (cat, sort, ...). */
  all(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    return rest;
  }
  /** One line without its newline, or null at end of input (`read`). */
  line(): string | null {
    if (this.pos >= this.text.length) return null;
    let end = this.text.indexOf('\n', this.pos);
    if (end < 0) end = this.text.length;
    const line = this.text.slice(this.pos, end);
    this.pos = end + 1;
    return line;
  }
}

export const noInput = (): Input => new Input('');

/** Collects output in memory (pipes, command substitution, the run's own stdout). */
export class StringSink implements Sink {
  private parts: string[] = [];
  constructor(private readonly sh?: Shell) {}
  write(s: string): void {
    if (this.sh) this.sh.output(s.length);
    this.parts.push(s);
  }
  text(): string {
    const t = this.parts.join('');
    this.parts = [t];
    return t;
  }
}

export const NULL_SINK: Sink = { write: () => {} };

/** Output redirected to a file: buffered, appended to the file when the command finishes. */
export class FileSink implements Sink {
  private parts: string[] = [];
  private pending = 0;
  private flushed = 0;
  constructor(
    private readonly fs: ShellFs,
    readonly path: string,
  ) {}
  write(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    // Keep memory bounded for long loops writing to a file, but flush in batches that grow
    // with the file: each append copies the file, so fixed batches would be quadratic.
    if (this.parts.length > 256 && this.pending >= this.flushed) this.flush();
  }
  flush(): void {
    if (this.parts.length === 0) return;
    const data = encode(this.parts.join(''));
    this.parts = [];
    this.flushed += this.pending;
    this.pending = 0;
    this.fs.writeFile(this.path, data, { append: true });
  }
}

/** Who the shell runs as: checked for permissions, and the owner of what it creates. */
export interface Owner {
  uid: number;
  gid: number;
  /** The clock: files written get it as their mtime, as the kernel does. */
  now: number;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}

/**
 * Wraps the filesystem for one run: running out of the layer's size budget (ENOSPC) stops the
 * whole run with a clear message; for a non-root user, writes need write permission on the
 * directory (or the file), and what is created belongs to the user, as under `USER app`.
 *
 * @example
 * const fs = guardFs(overlay, () => ({ uid: 1000, gid: 1000, now: 1_700_000_000 }));
 */
export function guardFs(fs: ShellFs, who: () => Owner): ShellFs {
  const allowed = (path: string, bit: number): boolean => {
    const { uid, gid } = who();
    if (uid === 0) return true;
    let st;
    try {
      st = fs.stat(path);
    } catch {
      return true;
    }
    const shift = st.uid === uid ? 6 : st.gid === gid ? 3 : 0;
    return ((st.mode >> shift) & bit) !== 0;
  };
  const needWrite = (path: string): void => {
    if (!allowed(path, 2)) throw new FsError('EACCES', path);
  };
  const missing = (path: string): string[] => {
    const out: string[] = [];
    for (let p = path; p !== '/' && !fs.exists(p); p = parentOf(p)) out.push(p);
    return out;
  };
  const own = (paths: string[]): void => {
    const { uid, gid } = who();
    if (uid === 0 && gid === 0) return;
    for (const p of paths) fs.chown(p, uid, gid);
  };
  const creating = (path: string, fn: () => void, parents = false): void => {
    const fresh = parents ? missing(path) : fs.exists(path) ? [] : [path];
    if (fresh.length > 0) needWrite(parentOf(fresh[fresh.length - 1] as string));
    else if (!parents) needWrite(path);
    fn();
    own(fresh);
    const now = who().now;
    for (const p of parents ? fresh : [path]) fs.utimes(p, now);
  };
  const g: ShellFs = {
    stat: (p) => fs.stat(p),
    lstat: (p) => fs.lstat(p),
    exists: (p) => fs.exists(p),
    readFile: (p) => {
      if (!allowed(p, 4)) throw new FsError('EACCES', p);
      return fs.readFile(p);
    },
    writeFile: (p, d, o) => creating(p, () => fs.writeFile(p, d, o)),
    writeSizedFile: (p, n, o) => creating(p, () => fs.writeSizedFile(p, n, o)),
    mkdir: (p, o) => creating(p, () => fs.mkdir(p, o), o?.recursive === true),
    readdir: (p) => fs.readdir(p),
    unlink: (p) => {
      needWrite(parentOf(p));
      fs.unlink(p);
    },
    rmdir: (p, o) => {
      needWrite(parentOf(p));
      fs.rmdir(p, o);
    },
    rename: (a, b) => {
      needWrite(parentOf(a));
      needWrite(parentOf(b));
      fs.rename(a, b);
    },
    symlink: (t, p) => {
      needWrite(parentOf(p));
      fs.symlink(t, p);
    },
    readlink: (p) => fs.readlink(p),
    link: (a, b) => {
      needWrite(parentOf(b));
      fs.link(a, b);
    },
    chmod: (p, m) => {
      const { uid } = who();
      if (uid !== 0 && fs.stat(p).uid !== uid) throw new FsError('EACCES', p);
      fs.chmod(p, m);
    },
    chown: (p, u, gid) => {
      const cur = fs.stat(p);
      if (who().uid !== 0 && (u !== cur.uid || gid !== cur.gid)) throw new FsError('EACCES', p);
      fs.chown(p, u, gid);
    },
    utimes: (p, t) => fs.utimes(p, t),
    realpath: (p) => fs.realpath(p),
  };
  if (fs.copyFile) {
    const copy = fs.copyFile.bind(fs);
    g.copyFile = (a, b, o) => creating(b, () => copy(a, b, o));
  }
  return noSpace(g);
}

/** Turns ENOSPC from any fs call into the run-ending size budget signal. */
function noSpace(fs: ShellFs): ShellFs {
  const out = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(fs) as [string, (...a: unknown[]) => unknown][]) {
    out[name] = (...args: unknown[]): unknown => {
      try {
        return fn(...args);
      } catch (e) {
        if (e instanceof FsError && e.code === 'ENOSPC') {
          // The overlay's size budget says its limit (fs BudgetExceededError); a full disk does not.
          const limit = 'limit' in e && typeof e.limit === 'number' ? e.limit : undefined;
          throw new BudgetSignal('size', sizeLimitMessage(limit, e.path));
        }
        throw e;
      }
    };
  }
  return out as unknown as ShellFs;
}

/**
 * Reads a whole file as text.
 *
 * @example
 * readText(fs, '/etc/hostname'); // 'buildkitsandbox\n'
 */
export function readText(fs: ShellFs, path: string): string {
  return decode(fs.readFile(path));
}
