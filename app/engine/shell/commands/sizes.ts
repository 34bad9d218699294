import { errText } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { fsError, tryStat } from './common.ts';

/** Parses sizes as GNU does: K/M/G are powers of 1024, KB/MB/GB powers of 1000. */
export function parseSize(s: string): number | null {
  const m = /^(\d+)([KMGT]?)(B?|iB)?$/i.exec(s);
  if (!m) return null;
  const unit = (m[2] ?? '').toUpperCase();
  const pow = ' KMGT'.indexOf(unit === '' ? ' ' : unit);
  const baseN = m[3]?.toUpperCase() === 'B' ? 1000 : 1024;
  return Number(m[1]) * baseN ** Math.max(0, pow);
}

/** `104857600 bytes (105 MB, 100 MiB) copied, 0.05 s, 2.1 GB/s` */
function ddSummary(bytes: number): string {
  const si = (n: number, units: string[], k: number): string => {
    let u = 0;
    let x = n;
    while (x >= k && u < units.length - 1) {
      x /= k;
      u++;
    }
    return `${x < 10 ? x.toFixed(1) : Math.round(x)} ${units[u]}`;
  };
  const sizes =
    bytes >= 1000
      ? ` (${si(bytes, ['B', 'kB', 'MB', 'GB', 'TB'], 1000)}, ${si(bytes, ['B', 'KiB', 'MiB', 'GiB', 'TiB'], 1024)})`
      : '';
  const rate = si(bytes / 0.05, ['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s'], 1000);
  return `${bytes} byte${bytes === 1 ? '' : 's'}${sizes} copied, 0.05 s, ${rate}`;
}

/**
 * dd: from /dev/zero or /dev/urandom it writes a sized file (the bytes are never allocated);
 * from a regular file it copies.
 */
export const dd: CommandFn = (argv, io, sh) => {
  const ops: Record<string, string> = {};
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq < 0) {
      io.stderr.write(`dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
      return 1;
    }
    ops[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const bs = parseSize(ops['bs'] ?? '512');
  const count = ops['count'] === undefined ? null : Number(ops['count']);
  if (bs === null) {
    io.stderr.write(`dd: invalid number: '${ops['bs']}'\n`);
    return 1;
  }
  const input = ops['if'];
  let bytes: number;
  let data: Uint8Array | null = null;
  if (input === undefined || /^\/dev\/(zero|u?random)$/.test(input)) {
    if (count === null) {
      // Reading /dev/zero without a count never ends.
      sh.budget.steps = sh.budget.maxSteps;
      sh.tick();
    }
    bytes = bs * (count ?? 0);
  } else {
    try {
      data = sh.fs.readFile(sh.resolve(input));
    } catch (e) {
      io.stderr.write(`dd: failed to open '${input}': ${errText(fsError(e))}\n`);
      return 1;
    }
    if (count !== null) data = data.slice(0, bs * count);
    bytes = data.length;
  }
  const out = ops['of'];
  if (out !== undefined) {
    try {
      if (data) sh.fs.writeFile(sh.resolve(out), data);
      else sh.fs.writeSizedFile(sh.resolve(out), bytes);
    } catch (e) {
      io.stderr.write(`dd: failed to open '${out}': ${errText(fsError(e))}\n`);
      return 1;
    }
  } else
    io.stdout.write(data ? new TextDecoder().decode(data) : '\0'.repeat(Math.min(bytes, 1 << 20)));
  const records = Math.ceil(bytes / bs);
  io.stderr.write(`${records}+0 records in\n${records}+0 records out\n${ddSummary(bytes)}\n`);
  return 0;
};

export const truncate: CommandFn = (argv, io, sh) => {
  let spec: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-s') spec = argv[++i];
    else if (a.startsWith('-s')) spec = a.slice(2);
    else if (a.startsWith('--size=')) spec = a.slice(7);
    else files.push(a);
  }
  if (spec === undefined) {
    io.stderr.write(
      "truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n",
    );
    return 1;
  }
  const size = parseSize(spec.replace(/^[+]/, ''));
  if (size === null) {
    io.stderr.write(`truncate: Invalid number: '${spec}'\n`);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const path = sh.resolve(f);
    try {
      const st = tryStat(sh, path);
      const target = spec.startsWith('+') ? (st?.size ?? 0) + size : size;
      if (st && target <= 64 * 1024 && st.size <= 64 * 1024) {
        const old = sh.fs.readFile(path);
        const next = new Uint8Array(target);
        next.set(old.slice(0, target));
        sh.fs.writeFile(path, next);
      } else sh.fs.writeSizedFile(path, target, st ? { mode: st.mode } : {});
    } catch (e) {
      io.stderr.write(`truncate: cannot open '${f}' for writing: ${errText(fsError(e))}\n`);
      status = 1;
    }
  }
  return status;
};

/** fallocate -l LEN FILE: reserves LEN bytes (the file grows, never shrinks; no bytes are kept). */
export const fallocate: CommandFn = (argv, io, sh) => {
  let spec: string | undefined;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-l' || a === '--length') spec = argv[++i];
    else if (a.startsWith('--length=')) spec = a.slice(9);
    else if (a.startsWith('-l')) spec = a.slice(2);
    else files.push(a);
  }
  if (spec === undefined) {
    io.stderr.write('fallocate: no length argument specified\n');
    return 1;
  }
  const size = parseSize(spec);
  if (size === null || size === 0) {
    io.stderr.write(`fallocate: invalid length value specified\n`);
    return 1;
  }
  const [file] = files;
  if (file === undefined || files.length > 1) {
    io.stderr.write(
      `fallocate: ${file === undefined ? 'no filename specified' : 'unexpected number of arguments'}\nTry 'fallocate --help' for more information.\n`,
    );
    return 1;
  }
  const path = sh.resolve(file);
  try {
    const st = tryStat(sh, path);
    if (st && st.size >= size) return 0;
    if (st && size <= 64 * 1024) {
      const next = new Uint8Array(size);
      next.set(sh.fs.readFile(path));
      sh.fs.writeFile(path, next);
    } else sh.fs.writeSizedFile(path, size, st ? { mode: st.mode } : {});
  } catch (e) {
    io.stderr.write(`fallocate: cannot open ${file}: ${errText(fsError(e))}\n`);
    return 1;
  }
  return 0;
};
