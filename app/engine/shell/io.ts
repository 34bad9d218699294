import { noteRun, type OutputRun, type OutputStream } from '../common/output-order.ts';
import type { ShellFs } from '../fs/port.ts';
import { FsError } from '../fs/port.ts';
import { sizeLimitMessage } from '../limits/messages.ts';
import { BudgetSignal } from './signals.ts';
import type { Shell } from './state.ts';
import type { Sink } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const encode = (s: string): Uint8Array => encoder.encode(s);
export const decode = (b: Uint8Array): string => decoder.decode(b);

/**
 * A command's standard input: text read at most once, by lines, by counts or all at once.
 * Input from a pipe whose writer was stopped because the pipe filled up (see `pipe.ts`) is
 * `cut`: reading past its end means the command needed more than the simulator kept, and ends
 * the run with the size budget; a reader that stops earlier closed the pipe (the writer gets
 * SIGPIPE).
 */
export class Input {
  protected pos = 0;
  /** Set once a read reached the end of the available text. */
  reachedEnd = false;
  constructor(
    private readonly text: string,
    private readonly cut: (() => BudgetSignal) | null = null,
  ) {}
  private end(): void {
    this.reachedEnd = true;
    if (this.cut) throw this.cut();
  }
  /** The rest of the input (cat, sort, ...). */
  all(): string {
    const rest = this.text.slice(this.pos);
    this.pos = this.text.length;
    this.end();
    return rest;
  }
  /** One line without its newline, or null at end of input (`read`). */
  line(): string | null {
    const l = this.lineWithEnd();
    return l === null ? null : l.endsWith('\n') ? l.slice(0, -1) : l;
  }
  /** One line with its newline if it has one, or null at end of input (`head -n`). */
  lineWithEnd(): string | null {
    if (this.pos >= this.text.length) {
      this.end();
      return null;
    }
    let end = this.text.indexOf('\n', this.pos);
    if (end < 0) {
      end = this.text.length - 1;
      this.end();
    }
    const line = this.text.slice(this.pos, end + 1);
    this.pos = end + 1;
    return line;
  }
  /** Up to `n` characters (`head -c`). */
  take(n: number): string {
    const out = this.text.slice(this.pos, this.pos + n);
    this.pos += out.length;
    if (out.length < n) this.end();
    return out;
  }
}

export const noInput = (): Input => new Input('');

/**
 * A file larger than the shell holds as one value (a 30 MB download made with dd): `head -c`,
 * `head -n` and `wc` read it piecewise; reading it whole (`cat f | sort`) stops at the limit.
 */
export class LargeFileInput extends Input {
  private bytes: Uint8Array | null = null;
  constructor(
    private readonly fs: ShellFs,
    private readonly path: string,
    readonly size: number,
    private readonly limit: number,
  ) {
    super('');
  }
  /** The file's bytes, for counting without decoding them into one string. */
  content(): Uint8Array {
    this.bytes ??= this.fs.readFile(this.path);
    return this.bytes;
  }
  private tooLarge(): BudgetSignal {
    return valueTooLarge(this.limit, 'read a file');
  }
  override all(): string {
    throw this.tooLarge();
  }
  override lineWithEnd(): string | null {
    const b = this.content();
    if (this.pos >= b.length) {
      this.reachedEnd = true;
      return null;
    }
    const nl = b.indexOf(10, this.pos);
    const end = nl < 0 ? b.length : nl + 1;
    return this.take(end - this.pos);
  }
  override take(n: number): string {
    const b = this.content();
    if (n > this.limit && this.pos + this.limit < b.length) throw this.tooLarge();
    const piece = b.subarray(this.pos, Math.min(b.length, this.pos + n));
    this.pos += piece.length;
    if (this.pos >= b.length) this.reachedEnd = true;
    return decode(piece);
  }
}

/**
 * Collects output in memory. With a shell it is the run's own stdout/stderr and counts against
 * the output budget; with a `cap` (command substitution) it holds at most that many characters.
 */
export class StringSink implements Sink {
  // One growing string: V8 appends in constant time, and there is no array to outgrow.
  private buf = '';
  /** `order`: a run's stdout or stderr, noting each write in the order both streams wrote. */
  constructor(
    private readonly sh?: Shell,
    private readonly cap?: number,
    private readonly order?: { runs: OutputRun[]; stream: OutputStream },
  ) {}
  write(s: string): void {
    if (this.sh) this.sh.output(s.length);
    if (this.cap !== undefined && this.buf.length + s.length > this.cap)
      throw valueTooLarge(this.cap);
    this.buf += s;
    if (this.order) noteRun(this.order.runs, this.order.stream, s.length);
  }
  text(): string {
    return this.buf;
  }
}

/**
 * The sentence for a string the shell would hold in memory (a variable, `$(...)`, a here-doc,
 * a padded printf field, a file read as text) growing past the simulator's value limit.
 */
export function valueTooLarge(limit: number, what = 'built a value'): BudgetSignal {
  return new BudgetSignal(
    'size',
    `this step ${what} too large for the simulator (limit ${limit} bytes)`,
  );
}

export const NULL_SINK: Sink = { write: () => {} };

const BATCH = 64 * 1024;

/** Output redirected to a file: buffered, appended to the file when the command finishes. */
export class FileSink implements Sink {
  private pending = '';
  private flushed = 0;
  constructor(
    private readonly fs: ShellFs,
    readonly path: string,
  ) {}
  write(s: string): void {
    this.pending += s;
    // Keep memory bounded for long loops writing to a file, but flush in batches that grow
    // with the file: each append copies the file, so fixed batches would be quadratic.
    if (this.pending.length >= Math.max(BATCH, this.flushed)) this.flush();
  }
  /**
   * An endless writer (`cat /dev/zero > f`): the file would grow until the size budget, which
   * ends the run with its sentence. Nothing is held in memory.
   */
  endless(): void {
    this.flush();
    this.fs.writeSizedFile(this.path, Number.MAX_SAFE_INTEGER);
  }
  flush(): void {
    if (this.pending === '') return;
    const data = encode(this.pending);
    this.flushed += this.pending.length;
    this.pending = '';
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
  if (fs.mergeTree) {
    const merge = fs.mergeTree.bind(fs);
    // Only root writes without the checks and chowns above, at the clock the tree was made at.
    g.mergeTree = (tree, o) => {
      const { uid, gid, now } = who();
      return uid === 0 && gid === 0 && now === o.mtime && merge(tree, o);
    };
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
