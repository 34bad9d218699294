import { FsError } from '../../fs/port.ts';
import type { Stat } from '../../fs/port.ts';
import { deviceInput } from '../devices.ts';
import { decode, Input, LargeFileInput, readText } from '../io.ts';
import { errText } from '../state.ts';
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';
import { GNU_OPTIONS, type GnuOptions } from './gnu-options.ts';

export interface Parsed {
  /** Short flags by letter, long ones by name; a value when the option takes one. */
  opts: Map<string, string | true>;
  operands: string[];
}

export class UsageError extends Error {}

/** The GNU utility's table of real options, by the name it was called with. */
function gnu(cmd: string): GnuOptions | undefined {
  return GNU_OPTIONS[cmd.slice(cmd.lastIndexOf('/') + 1)];
}

/** A long option's full name from what was typed: exact, or a prefix only one option has. */
function longName(cmd: string, typed: string, real: GnuOptions): string {
  if (typed in real.long) return typed;
  const matches = Object.keys(real.long).filter((n) => n.startsWith(typed));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(`${cmd}: unrecognized option '--${typed}'`);
  throw new UsageError(
    `${cmd}: option '--${typed}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}`,
  );
}

/**
 * GNU-style option parsing: combined short flags (`-rf`), values glued or separate (`-n5`,
 * `-n 5`), `--long[=value]` (or an unambiguous prefix of it), `--` ending options. `flags` are
 * the short letters the simulator implements; `withValue` lists the short letters (and long
 * names, comma separated after a `|`) that take a value. Any other option the real program
 * accepts (GNU_OPTIONS) is accepted too; one it does not know is a UsageError in its words.
 */
export function parseArgs(argv: string[], flags: string, withValue = ''): Parsed {
  const [shortVals = '', longVals = ''] = withValue.split('|');
  const longTakes = new Set(longVals.split(',').filter(Boolean));
  const opts = new Map<string, string | true>();
  const operands: string[] = [];
  const cmd = argv[0] ?? '';
  const real = gnu(cmd);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const typed = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const name = real ? longName(cmd, typed, real) : typed;
      const takes = real?.long[name] ?? (longTakes.has(name) ? 'required' : 'none');
      if (eq >= 0) {
        if (takes === 'none' && real)
          throw new UsageError(`${cmd}: option '--${name}' doesn't allow an argument`);
        opts.set(name, a.slice(eq + 1));
      } else if (takes === 'required') {
        if (i + 1 >= argv.length)
          throw new UsageError(`${cmd}: option '--${name}' requires an argument`);
        opts.set(name, argv[++i] as string);
      } else opts.set(name, true);
      continue;
    }
    if (
      a.length < 2 ||
      !a.startsWith('-') ||
      (/^-\d/.test(a) && !flags.includes(a[1] as string) && !shortVals.includes(a[1] as string))
    ) {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (shortVals.includes(c) || (!flags.includes(c) && real?.shortArg.includes(c))) {
        const rest = a.slice(j + 1);
        if (rest === '' && i + 1 >= argv.length)
          throw new UsageError(`${cmd}: option requires an argument -- '${c}'`);
        opts.set(c, rest !== '' ? rest : (argv[++i] as string));
        break;
      }
      if (!flags.includes(c) && real?.shortOpt.includes(c)) {
        opts.set(c, a.slice(j + 1) || true);
        break;
      }
      if (!flags.includes(c) && !real?.short.includes(c))
        throw new UsageError(`${cmd}: invalid option -- '${c}'`);
      opts.set(c, true);
    }
  }
  return { opts, operands };
}

/** Programs whose operands start a command of their own: their options end at the first one. */
const WRAPPERS = new Set(['env', 'xargs', 'timeout', 'nohup']);

/**
 * Rejects an option the real GNU program does not have, in its words, before the simulator's
 * version runs (which may read only the options it implements). Returns the exit status when
 * it printed an error. Numbers (`-5`) pass: head, tail and seq take them.
 *
 * @example rejectUnknownOptions(['sleep', '--frob'], io) // 1, "sleep: unrecognized option '--frob'"
 */
export function rejectUnknownOptions(argv: readonly string[], io: Io): number | undefined {
  const cmd = argv[0] ?? '';
  const real = gnu(cmd);
  if (!real) return undefined;
  try {
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a === '--') break;
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        const name = longName(cmd, eq < 0 ? a.slice(2) : a.slice(2, eq), real);
        if (eq < 0 && real.long[name] === 'required') i++;
        continue;
      }
      if (a.length < 2 || !a.startsWith('-') || /^-\d/.test(a)) {
        if (WRAPPERS.has(cmd.slice(cmd.lastIndexOf('/') + 1))) break;
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (real.shortArg.includes(c)) {
          if (j === a.length - 1) i++;
          break;
        }
        if (real.shortOpt.includes(c)) break;
        if (!real.short.includes(c)) throw new UsageError(`${cmd}: invalid option -- '${c}'`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e, cmd);
    throw e;
  }
  return undefined;
}

/** Prints the program's usage error (GNU's pair, or its own usage text) and returns its status. */
export function usage(io: Io, e: UsageError, cmd: string, status = 1): number {
  const real = gnu(cmd);
  io.stderr.write(`${e.message}\n${real?.after ?? `Try '${cmd} --help' for more information.`}\n`);
  return real?.status ?? status;
}

/** Runs a command body, turning bad options into the program's usage message. */
export function withUsage(argv: string[], io: Io, status: number, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof UsageError) return usage(io, e, argv[0] ?? '', status);
    throw e;
  }
}

/** Rethrows anything that is not a filesystem error (budget signals must pass through). */
export function fsError(e: unknown): FsError {
  if (e instanceof FsError) return e;
  throw e;
}

/** `cat: /x: No such file or directory` */
export function report(io: Io, cmd: string, path: string, e: unknown): void {
  io.stderr.write(`${cmd}: ${path}: ${errText(fsError(e))}\n`);
}

export function tryStat(sh: Shell, path: string, follow = true): Stat | null {
  try {
    return follow ? sh.fs.stat(path) : sh.fs.lstat(path);
  } catch (e) {
    fsError(e);
    return null;
  }
}

/**
 * Text of the operands (or stdin when none, or `-`), reporting missing files as `cmd: f: ...`.
 * Returns the texts read and whether any failed. Devices read as they do in a container:
 * `/dev/stdin` is the input, `/dev/null` is empty, and `/dev/zero` never ends (step budget).
 */
export function readInputs(
  files: string[],
  io: Io,
  sh: Shell,
  cmd: string,
): { texts: { name: string; text: string }[]; failed: boolean } {
  const texts: { name: string; text: string }[] = [];
  let failed = false;
  for (const f of files.length === 0 ? ['-'] : files) {
    try {
      texts.push({ name: f, text: openInput(f, io, sh).all() });
    } catch (e) {
      report(io, cmd, f, e);
      failed = true;
    }
  }
  return { texts, failed };
}

/**
 * An operand opened for reading: `-` and `/dev/stdin` are stdin, devices read as devices, a
 * file's text at most the value limit. Throws FsError (EISDIR for a directory) or a budget.
 */
export function openInput(f: string, io: Io, sh: Shell): Input {
  if (f === '-') return io.stdin;
  const path = sh.resolve(f);
  const dev = deviceInput(path, io, sh.budget);
  if (dev) return dev;
  const st = sh.fs.stat(path);
  if (st.type === 'dir') throw new FsError('EISDIR', path);
  if (st.size > sh.budget.maxValueBytes)
    return new LargeFileInput(sh.fs, path, st.size, sh.budget.maxValueBytes);
  return new Input(readCapped(sh, path, st.size));
}

/** A file's text, failing the run when it is larger than the shell holds in memory. */
export function readCapped(sh: Shell, path: string, size = sh.fs.stat(path).size): string {
  sh.checkValue(size, 'read a file');
  return readText(sh.fs, path);
}

/** Splits text into lines without the trailing empty piece after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** `-rwxr-xr-x` */
export function modeString(st: Stat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const triple = (shift: number, special: boolean, ch: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    return r + w + (special ? (x ? ch : ch.toUpperCase()) : x ? 'x' : '-');
  };
  return (
    t +
    triple(6, (m & 0o4000) !== 0, 's') +
    triple(3, (m & 0o2000) !== 0, 's') +
    triple(0, (m & 0o1000) !== 0, 't')
  );
}

/** Entries of /etc/passwd or /etc/group as field arrays. */
export function table(sh: Shell, file: '/etc/passwd' | '/etc/group'): string[][] {
  try {
    return lines(decode(sh.fs.readFile(file))).map((l) => l.split(':'));
  } catch (e) {
    fsError(e);
    return [];
  }
}

export function userName(sh: Shell, uid: number): string {
  return table(sh, '/etc/passwd').find((f) => f[2] === String(uid))?.[0] ?? String(uid);
}
export function groupName(sh: Shell, gid: number): string {
  return table(sh, '/etc/group').find((f) => f[2] === String(gid))?.[0] ?? String(gid);
}

/** GNU's human sizes for ls -h and du -h: 1 decimal below 10, then whole units. */
export function human(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  if (u === 0) return String(bytes);
  const s = n < 10 ? (Math.ceil(n * 10) / 10).toFixed(1) : String(Math.ceil(n));
  return s === '10.0' ? `10${units[u]}` : `${s}${units[u]}`;
}

/** Writes text to a path, creating or replacing the file. */
export function writeText(sh: Shell, path: string, text: string, append = false): void {
  sh.fs.writeFile(path, new TextEncoder().encode(text), { append });
}

export function basename(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? (p.startsWith('/') ? '/' : '') : t.slice(t.lastIndexOf('/') + 1);
}
