import type { Stat } from '../../fs/port.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import { groupName, human, modeString, parseArgs, tryStat, userName, withUsage } from './common.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HALF_YEAR = 182.5 * 24 * 3600;

/** GNU ls -l dates: `Nov 14 22:13` within six months of now, `Nov 14  2023` otherwise. */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime * 1000);
  const md = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  if (Math.abs(now - mtime) < HALF_YEAR) {
    return `${md} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }
  return `${md}  ${d.getUTCFullYear()}`;
}

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

interface Opts {
  long: boolean;
  all: boolean;
  almostAll: boolean;
  human: boolean;
  dirAsFile: boolean;
  recursive: boolean;
  one: boolean;
  classify: boolean;
  numeric: boolean;
  columns: boolean;
}

/** Sorted as GNU ls in the C locale (Docker images have no locale set). */
function byName(a: Entry, b: Entry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function children(sh: Shell, path: string, o: Opts): Entry[] {
  const out: Entry[] = [];
  if (o.all) {
    for (const n of ['.', '..']) {
      const st = tryStat(sh, sh.resolve(`${path}/${n}`));
      if (st) out.push({ name: n, path: `${path}/${n}`, st });
    }
  }
  for (const name of sh.fs.readdir(path)) {
    if (name.startsWith('.') && !o.all && !o.almostAll) continue;
    const p = `${path === '/' ? '' : path}/${name}`;
    const st = tryStat(sh, p, false);
    if (st) out.push({ name, path: p, st });
  }
  return out.sort(byName);
}

function longLines(sh: Shell, entries: Entry[], o: Opts): string[] {
  const rows = entries.map((e) => {
    const size = e.st.type === 'dir' ? 4096 : e.st.size;
    return [
      modeString(e.st),
      String(e.st.nlink),
      o.numeric ? String(e.st.uid) : userName(sh, e.st.uid),
      o.numeric ? String(e.st.gid) : groupName(sh, e.st.gid),
      o.human ? human(size) : String(size),
      lsDate(e.st.mtime, sh.now),
      e.name + (e.st.type === 'symlink' ? ` -> ${sh.fs.readlink(e.path)}` : suffix(e, o)),
    ];
  });
  const width = (i: number): number => Math.max(0, ...rows.map((r) => (r[i] as string).length));
  return rows.map((r) =>
    [
      r[0],
      (r[1] as string).padStart(width(1)),
      (r[2] as string).padEnd(width(2)),
      (r[3] as string).padEnd(width(3)),
      (r[4] as string).padStart(width(4)),
      r[5],
      r[6],
    ].join(' '),
  );
}

function suffix(e: Entry, o: Opts): string {
  if (!o.classify) return '';
  if (e.st.type === 'dir') return '/';
  if (e.st.type === 'symlink') return '@';
  return e.st.mode & 0o111 ? '*' : '';
}

function total(entries: Entry[], o: Opts): string {
  const blocks = entries.reduce(
    (n, e) => n + (e.st.type === 'dir' ? 4 : Math.ceil(e.st.size / 4096) * 4),
    0,
  );
  return `total ${o.human ? human(blocks * 1024) : blocks}`;
}

function list(sh: Shell, entries: Entry[], o: Opts): string {
  if (entries.length === 0) return '';
  if (o.long) return longLines(sh, entries, o).join('\n') + '\n';
  const names = entries.map((e) => e.name + suffix(e, o));
  // Not a terminal: GNU ls prints one name per line.
  return o.columns ? columns(names) : names.join('\n') + '\n';
}

/** GNU ls -C: names down then across, two spaces apart, in 80 columns. */
export function columns(names: string[], width = 80): string {
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) < cols) continue;
    const widths = Array.from({ length: cols }, (_, c) =>
      Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)),
    );
    if (widths.reduce((a, b) => a + b + 2, -2) > width) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells = widths.map((w, c) => names[c * rows + r]).filter((n) => n !== undefined);
      lines.push(
        cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd((widths[c] ?? 0) + 2))).join(''),
      );
    }
    return lines.join('\n') + '\n';
  }
  return names.join('\n') + '\n';
}

/**
 * GNU ls as it prints into a pipe (one name per line), `-l` with deterministic dates, `-a`,
 * `-A`, `-h`, `-R`, `-d`, `-F`, `-n`.
 */
export const ls: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 2, () => {
    const { opts, operands } = parseArgs(argv, 'laAhdR1FnstrSCpi');
    const o: Opts = {
      long: opts.has('l') || opts.has('n'),
      all: opts.has('a') || opts.has('all'),
      almostAll: opts.has('A'),
      human: opts.has('h') || opts.has('human-readable'),
      dirAsFile: opts.has('d'),
      recursive: opts.has('R'),
      one: opts.has('1'),
      classify: opts.has('F') || opts.has('p'),
      numeric: opts.has('n'),
      columns: io.tty === true && !opts.has('1'),
    };
    let status = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const name of operands.length > 0 ? operands : ['.']) {
      const path = sh.resolve(name);
      const st = tryStat(sh, path, false);
      const followed = st?.type === 'symlink' && !o.long ? tryStat(sh, path) : st;
      if (!st || !followed) {
        io.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
        status = 2;
      } else if (followed.type === 'dir' && !o.dirAsFile) dirs.push({ name, path, st: followed });
      else files.push({ name, path, st });
    }
    files.sort(byName);
    dirs.sort(byName);
    io.stdout.write(list(sh, files, o));
    const headers = files.length + dirs.length > 1 || o.recursive;
    dirs.forEach((d, i) => {
      if (i > 0 || files.length > 0) io.stdout.write('\n');
      showDir(sh, io, d.name, d.path, o, headers);
    });
    return status;
  });

function showDir(sh: Shell, io: Io, label: string, path: string, o: Opts, header: boolean): void {
  sh.tick();
  if (header) io.stdout.write(`${label}:\n`);
  const entries = children(sh, path, o);
  if (o.long) io.stdout.write(`${total(entries, o)}\n`);
  io.stdout.write(list(sh, entries, o));
  if (!o.recursive) return;
  for (const e of entries) {
    if (e.st.type !== 'dir' || e.name === '.' || e.name === '..') continue;
    io.stdout.write('\n');
    showDir(sh, io, `${label === '/' ? '' : label}/${e.name}`, e.path, o, true);
  }
}
