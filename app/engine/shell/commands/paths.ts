import { errText } from '../state.ts';
import type { Shell } from '../state.ts';
import type { CommandFn } from '../types.ts';
import {
  basename as base,
  fsError,
  groupName,
  human,
  modeString,
  parseArgs,
  tryStat,
  userName,
  withUsage,
} from './common.ts';

export const basename: CommandFn = (argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-a' && a !== '--');
  if (args.length === 0) {
    io.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  let b = base(args[0] as string);
  const suffix = args[1];
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  io.stdout.write(`${b}\n`);
  return 0;
};

export const dirname: CommandFn = (argv, io) => {
  for (const p of argv.slice(1)) {
    const t = p.replace(/\/+$/, '');
    const i = t.lastIndexOf('/');
    io.stdout.write(`${i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i).replace(/\/+$/, '') || '/'}\n`);
  }
  return 0;
};

export const readlink: CommandFn = (argv, io, sh) => {
  const canon = argv.some((a) => /^-[a-z]*[fem]/.test(a));
  let status = 0;
  for (const p of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      io.stdout.write(`${canon ? sh.fs.realpath(sh.resolve(p)) : sh.fs.readlink(sh.resolve(p))}\n`);
    } catch (e) {
      fsError(e);
      if (canon && argv.some((a) => a.includes('f'))) io.stdout.write(`${sh.resolve(p)}\n`);
      else status = 1;
    }
  }
  return status;
};

export const realpath: CommandFn = (argv, io, sh) => {
  let status = 0;
  for (const p of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    try {
      io.stdout.write(`${sh.fs.realpath(sh.resolve(p))}\n`);
    } catch (e) {
      io.stderr.write(`realpath: ${p}: ${errText(fsError(e))}\n`);
      status = 1;
    }
  }
  return status;
};

let tmpCounter = 0;

/** mktemp names are deterministic in the simulator (reproducible layers). */
export const mktemp: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'dqu', 'p|tmpdir');
    const template = operands[0] ?? 'tmp.XXXXXXXXXX';
    let path: string;
    do {
      tmpCounter++;
      const rand = (tmpCounter * 2654435761).toString(36).padStart(10, 'a');
      const name = template.replace(/X+$/, (x) => rand.slice(-x.length));
      path = name.includes('/') ? sh.resolve(name) : `${String(opts.get('p') ?? '/tmp')}/${name}`;
    } while (sh.fs.exists(path));
    try {
      if (opts.has('d')) sh.fs.mkdir(path, { mode: 0o700 });
      else sh.fs.writeFile(path, new Uint8Array(0), { mode: 0o600 });
    } catch (e) {
      io.stderr.write(
        `mktemp: failed to create ${opts.has('d') ? 'directory' : 'file'} via template '${template}': ${errText(fsError(e))}\n`,
      );
      return 1;
    }
    io.stdout.write(`${path}\n`);
    return 0;
  });

export const stat: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'L', 'c|format');
    const fmt = opts.get('c') ?? opts.get('format');
    let status = 0;
    for (const f of operands) {
      const st = tryStat(sh, sh.resolve(f), opts.has('L'));
      if (!st) {
        io.stderr.write(`stat: cannot statx '${f}': No such file or directory\n`);
        status = 1;
        continue;
      }
      const kind =
        st.type === 'dir'
          ? 'directory'
          : st.type === 'symlink'
            ? 'symbolic link'
            : st.size === 0
              ? 'regular empty file'
              : 'regular file';
      const fields: Record<string, string> = {
        n: f,
        s: String(st.size),
        a: (st.mode & 0o7777).toString(8),
        A: modeString(st),
        u: String(st.uid),
        U: userName(sh, st.uid),
        g: String(st.gid),
        G: groupName(sh, st.gid),
        F: kind,
        Y: String(st.mtime),
        h: String(st.nlink),
        '%': '%',
      };
      if (typeof fmt === 'string')
        io.stdout.write(`${fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => fields[c] ?? m)}\n`);
      else {
        const when = new Date(st.mtime * 1000)
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, '.000000000 +0000');
        io.stdout.write(
          `  File: ${f}\n  Size: ${st.size}\tBlocks: ${Math.ceil(st.size / 512)}\tIO Block: 4096   ${kind}\n` +
            `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${fields['A']})  Uid: (${String(st.uid).padStart(5)}/${fields['U']?.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${fields['G']?.padStart(8)})\n` +
            `Modify: ${when}\n`,
        );
      }
    }
    return status;
  });

/** Bytes on disk under a path, counting 4 KiB blocks as du does. */
function usage(sh: Shell, path: string): number {
  const st = tryStat(sh, path, false);
  if (!st) return 0;
  if (st.type !== 'dir') return st.type === 'file' ? Math.ceil(st.size / 4096) * 4096 : 0;
  let total = 4096;
  for (const n of sh.fs.readdir(path)) {
    sh.tick();
    total += usage(sh, `${path === '/' ? '' : path}/${n}`);
  }
  return total;
}

export const du: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'shacxk', 'd|max-depth');
    let status = 0;
    for (const f of operands.length > 0 ? operands : ['.']) {
      const path = sh.resolve(f);
      if (!tryStat(sh, path)) {
        io.stderr.write(`du: cannot access '${f}': No such file or directory\n`);
        status = 1;
        continue;
      }
      const bytes = usage(sh, path);
      io.stdout.write(`${opts.has('h') ? human(bytes) : Math.ceil(bytes / 1024)}\t${f}\n`);
    }
    return status;
  });

export const df: CommandFn = (argv, io, sh) => {
  const h = argv.some((a) => /^-[a-zA-Z]*h/.test(a));
  const used = usage(sh, '/');
  const size = 61_255_492 * 1024;
  const fmt = (b: number): string => (h ? human(b) : String(Math.ceil(b / 1024)));
  const rows = [
    [
      h ? 'Filesystem' : 'Filesystem',
      h ? 'Size' : '1K-blocks',
      'Used',
      h ? 'Avail' : 'Available',
      'Use%',
      'Mounted on',
    ],
    [
      'overlay',
      fmt(size),
      fmt(used),
      fmt(size - used),
      `${Math.max(1, Math.ceil((used / size) * 100))}%`,
      '/',
    ],
    ['tmpfs', fmt(65536 * 1024), '0', fmt(65536 * 1024), '0%', '/dev'],
    ['shm', fmt(65536 * 1024), '0', fmt(65536 * 1024), '0%', '/dev/shm'],
  ];
  const w = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length))) ?? [];
  for (const r of rows) {
    io.stdout.write(
      r
        .map((c, i) => (i === 0 || i === 5 ? c.padEnd(w[i] ?? 0) : c.padStart(w[i] ?? 0)))
        .join(' ')
        .trimEnd() + '\n',
    );
  }
  return 0;
};
