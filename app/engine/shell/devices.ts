import type { ShellFs, Stat } from '../fs/port.ts';
import { FsError } from '../fs/port.ts';
import { Input } from './io.ts';
import { BudgetSignal } from './signals.ts';
import type { Budget } from './state.ts';
import type { Io } from './types.ts';

/**
 * The devices every container has whatever its image holds. In Docker they come from the
 * runtime (a tmpfs mounted on /dev), not from the image: they work in RUN and in containers,
 * and nothing written to them ever reaches a layer. The shell serves them itself, in front of
 * the image's filesystem.
 */
const DEVICES = [
  'full',
  'null',
  'random',
  'stderr',
  'stdin',
  'stdout',
  'tty',
  'urandom',
  'zero',
] as const;

const FD_NAMES = ['0', '1', '2'];

/** The device a path names (`/dev/fd/1` is `stdout`), or null. */
export function deviceOf(path: string): string | null {
  if (!path.startsWith('/dev/')) return null;
  const name = path.slice(5);
  if ((DEVICES as readonly string[]).includes(name)) return name;
  const fd = /^fd\/([012])$/.exec(name)?.[1];
  return fd === undefined ? null : (['stdin', 'stdout', 'stderr'][Number(fd)] as string);
}

/** Devices whose reading never ends. */
export const ENDLESS = new Set(['zero', 'random', 'urandom', 'full']);

/** `this step ran too long for the simulator (limit 100000)`: reading an endless device whole. */
export function neverEnds(budget: Budget): BudgetSignal {
  budget.steps = budget.maxSteps;
  return new BudgetSignal(
    'steps',
    `this step ran too long for the simulator (limit ${budget.maxSteps})`,
  );
}

/**
 * Reading an endless device: zeros, or for the random devices a deterministic stream of
 * pseudo-random ASCII bytes (the simulator is reproducible).
 */
export class DeviceInput extends Input {
  private seed = 0x2545f491;
  constructor(
    private readonly device: string,
    private readonly budget: Budget,
  ) {
    super('');
  }
  override all(): string {
    throw neverEnds(this.budget);
  }
  override lineWithEnd(): string | null {
    if (this.device !== 'random' && this.device !== 'urandom') throw neverEnds(this.budget);
    let line = '';
    for (;;) {
      const c = this.take(1);
      line += c;
      if (c === '\n') return line;
    }
  }
  override take(n: number): string {
    if (this.device !== 'random' && this.device !== 'urandom') return '\0'.repeat(n);
    let out = '';
    for (let i = 0; i < n; i++) {
      this.seed ^= this.seed << 13;
      this.seed ^= this.seed >>> 17;
      this.seed ^= this.seed << 5;
      out += String.fromCharCode((this.seed >>> 0) & 0x7f);
    }
    return out;
  }
}

/** No such device or address: a container started without `-t` has no terminal. */
export class NoTty extends FsError {
  constructor() {
    super('ENXIO', '/dev/tty');
  }
}

/**
 * Input for a device read as a file (`cat /dev/zero`, `< /dev/stdin`), or null when `path` is
 * not a device. `/dev/tty` throws `NoTty`.
 */
export function deviceInput(path: string, io: Io, budget: Budget): Input | null {
  const dev = deviceOf(path);
  if (dev === null) return null;
  if (dev === 'tty') throw new NoTty();
  if (dev === 'stdin') return io.stdin;
  if (ENDLESS.has(dev)) return new DeviceInput(dev, budget);
  return new Input('');
}

const DEVICE_STAT: Stat = {
  type: 'file',
  mode: 0o666,
  uid: 0,
  gid: 0,
  size: 0,
  mtime: 0,
  nlink: 1,
};
const DIR_STAT: Stat = { type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, mtime: 0, nlink: 2 };

/**
 * `fs` with the runtime's /dev in front: the devices stat, list, read and take writes (thrown
 * away) without touching `fs`, so a RUN step writing to /dev/null leaves nothing in its layer.
 * Reading an endless device whole ends the run at the step budget, as it would never end.
 *
 * @example
 * const fs = withDevices(overlay, sh.budget);
 * fs.exists('/dev/null'); // true, whatever the image holds
 */
export function withDevices(fs: ShellFs, budget: Budget): ShellFs {
  const isDir = (p: string): boolean => p === '/dev' || p === '/dev/fd';
  const stat = (p: string, inner: (p: string) => Stat): Stat => {
    if (deviceOf(p) !== null) return { ...DEVICE_STAT };
    try {
      return inner(p);
    } catch (e) {
      if (isDir(p) && e instanceof FsError && e.code === 'ENOENT') return { ...DIR_STAT };
      throw e;
    }
  };
  const refuse = (p: string): void => {
    if (deviceOf(p) !== null || p === '/dev/fd') throw new FsError('EACCES', p);
  };
  const out: ShellFs = {
    ...bindAll(fs),
    stat: (p) => stat(p, (q) => fs.stat(q)),
    lstat: (p) => stat(p, (q) => fs.lstat(q)),
    exists: (p) => deviceOf(p) !== null || isDir(p) || fs.exists(p),
    readdir: (p) => {
      if (p === '/dev/fd') return [...FD_NAMES];
      if (p !== '/dev') return fs.readdir(p);
      const own = fs.exists(p) ? fs.readdir(p) : [];
      return [...new Set([...own, ...DEVICES, 'fd'])].sort();
    },
    readFile: (p) => {
      const dev = deviceOf(p);
      if (dev === null) return fs.readFile(p);
      if (ENDLESS.has(dev)) throw neverEnds(budget);
      return new Uint8Array(0);
    },
    writeFile: (p, d, o) => {
      if (deviceOf(p) === null) fs.writeFile(p, d, o);
    },
    writeSizedFile: (p, n, o) => {
      if (deviceOf(p) === null) fs.writeSizedFile(p, n, o);
    },
    realpath: (p) => (deviceOf(p) !== null || isDir(p) ? p : fs.realpath(p)),
    utimes: (p, t) => {
      if (deviceOf(p) === null) fs.utimes(p, t);
    },
    chmod: (p, m) => {
      refuse(p);
      fs.chmod(p, m);
    },
    chown: (p, u, g) => {
      refuse(p);
      fs.chown(p, u, g);
    },
    unlink: (p) => {
      refuse(p);
      fs.unlink(p);
    },
    rename: (a, b) => {
      refuse(a);
      refuse(b);
      fs.rename(a, b);
    },
  };
  if (fs.mergeTree) {
    const merge = fs.mergeTree.bind(fs);
    // A tree with /dev in it is written entry by entry, past the devices above.
    out.mergeTree = (tree, o) => !tree.children.has('dev') && merge(tree, o);
  }
  if (fs.copyFile) {
    const copy = fs.copyFile.bind(fs);
    out.copyFile = (a, b, o) => {
      if (deviceOf(b) !== null) return;
      const dev = deviceOf(a);
      if (dev === null) copy(a, b, o);
      else if (ENDLESS.has(dev)) throw neverEnds(budget);
      else fs.writeFile(b, new Uint8Array(0), o?.mode === undefined ? {} : { mode: o.mode });
    };
  }
  return out;
}

function bindAll(fs: ShellFs): ShellFs {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(fs) as (keyof ShellFs)[]) {
    const v = fs[key];
    if (typeof v === 'function') out[key] = (v as (...a: unknown[]) => unknown).bind(fs);
  }
  // Class instances keep their methods on the prototype.
  let proto = Object.getPrototypeOf(fs) as object | null;
  while (proto && proto !== Object.prototype) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const v = (fs as unknown as Record<string, unknown>)[key];
      if (key !== 'constructor' && typeof v === 'function' && !(key in out))
        out[key] = (v as (...a: unknown[]) => unknown).bind(fs);
    }
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return out as unknown as ShellFs;
}
