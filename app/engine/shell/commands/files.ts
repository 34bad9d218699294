import { FsError } from '../../fs/port.ts';
import { errText } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { DeviceInput, neverEnds } from '../devices.ts';
import { FileSink } from '../io.ts';
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';
import {
  basename,
  fsError,
  lines,
  openInput,
  parseArgs,
  report,
  tryStat,
  withUsage,
} from './common.ts';
import { copyEntry } from './copy.ts';

export const cat: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'nAbsuevtE');
    let text = '';
    let failed = false;
    for (const f of operands.length === 0 ? ['-'] : operands) {
      let input;
      try {
        input = openInput(f, io, sh);
      } catch (e) {
        report(io, 'cat', f, e);
        failed = true;
        continue;
      }
      if (input instanceof DeviceInput && !opts.has('n')) {
        // /dev/zero never ends: what was read so far goes out, then the device streams.
        io.stdout.write(text);
        streamForever(input, io, sh);
      }
      text += input.all();
    }
    if (opts.has('n')) {
      const numbered = lines(text).map((l, i) => `${String(i + 1).padStart(6)}\t${l}`);
      text = numbered.join('\n') + (text.endsWith('\n') ? '\n' : '');
    }
    io.stdout.write(text);
    return failed ? 1 : 0;
  });

/**
 * Copies an endless device to stdout until something stops it: a full pipe whose reader stops
 * early, the output budget, a file reaching the size budget, or the step budget.
 */
function streamForever(input: DeviceInput, io: Io, sh: Shell): never {
  const out = io.stdout;
  // Into a file the bytes would grow it to the size budget: say so without holding them.
  if (out instanceof FileSink) {
    out.endless();
    throw neverEnds(sh.budget);
  }
  for (;;) {
    sh.tick();
    out.write(input.take(CHUNK));
  }
}

const CHUNK = 64 * 1024;

export const mkdir: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'pv', 'm|mode');
    const modeArg = opts.get('m') ?? opts.get('mode');
    const mode = typeof modeArg === 'string' ? parseInt(modeArg, 8) : 0o755;
    if (operands.length === 0) {
      io.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const d of operands) {
      const path = sh.resolve(d);
      try {
        if (opts.has('p')) {
          const st = tryStat(sh, path);
          if (st && st.type !== 'dir') throw new FsError('EEXIST', path);
          sh.fs.mkdir(path, { recursive: true, mode });
        } else sh.fs.mkdir(path, { mode });
        if (modeArg !== undefined) sh.fs.chmod(path, mode);
      } catch (e) {
        io.stderr.write(`mkdir: cannot create directory '${d}': ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    return status;
  });

export const touch: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { operands } = parseArgs(argv, 'acm', 'dtr');
    let status = 0;
    for (const f of operands) {
      const path = sh.resolve(f);
      try {
        if (!sh.fs.exists(path)) sh.fs.writeFile(path, new Uint8Array(0));
        sh.fs.utimes(path, sh.now);
      } catch (e) {
        io.stderr.write(`touch: cannot touch '${f}': ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    return status;
  });

export const rm: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'rRfvdI');
    const force = opts.has('f');
    const recursive = opts.has('r') || opts.has('R') || opts.has('recursive');
    if (operands.length === 0 && !force) {
      io.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    let status = 0;
    for (const f of operands) {
      const path = sh.resolve(f);
      if (recursive && path === '/' && !opts.has('no-preserve-root')) {
        io.stderr.write(
          `rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`,
        );
        status = 1;
        continue;
      }
      const st = tryStat(sh, path, false);
      try {
        if (!st) throw new FsError('ENOENT', path);
        if (st.type === 'dir') {
          if (!recursive) {
            if (opts.has('d')) sh.fs.rmdir(path);
            else throw new FsError('EISDIR', path);
          } else sh.fs.rmdir(path, { recursive: true });
        } else sh.fs.unlink(path);
      } catch (e) {
        if (force && fsError(e).code === 'ENOENT') continue;
        io.stderr.write(`rm: cannot remove '${f}': ${errText(e)}\n`);
        status = 1;
      }
    }
    return status;
  });

export const rmdir: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { operands } = parseArgs(argv, 'pv');
    let status = 0;
    for (const d of operands) {
      try {
        sh.fs.rmdir(sh.resolve(d));
      } catch (e) {
        io.stderr.write(`rmdir: failed to remove '${d}': ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    return status;
  });

/** Where a source lands: inside `dest` when it is a directory (or with several sources). */
function target(sh: Parameters<CommandFn>[2], src: string, dest: string, many: boolean): string {
  const d = sh.resolve(dest);
  return many || tryStat(sh, d)?.type === 'dir' ? `${d === '/' ? '' : d}/${basename(src)}` : d;
}

function missingDest(io: Parameters<CommandFn>[1], cmd: string, operands: string[]): number {
  const msg =
    operands.length === 0
      ? 'missing file operand'
      : `missing destination file operand after '${operands[0]}'`;
  io.stderr.write(`${cmd}: ${msg}\nTry '${cmd} --help' for more information.\n`);
  return 1;
}

export const cp: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'rRapfvnuLdPT');
    if (operands.length < 2) return missingDest(io, 'cp', operands);
    const archive = opts.has('a') || opts.has('archive');
    const recursive = archive || opts.has('r') || opts.has('R') || opts.has('recursive');
    const preserve = archive || opts.has('p');
    const dest = operands[operands.length - 1] as string;
    const sources = operands.slice(0, -1);
    const many = sources.length > 1;
    if (many && tryStat(sh, sh.resolve(dest))?.type !== 'dir') {
      io.stderr.write(`cp: target '${dest}': Not a directory\n`);
      return 1;
    }
    let status = 0;
    for (const s of sources) {
      const src = sh.resolve(s);
      const st = tryStat(sh, src, archive);
      if (!st) {
        io.stderr.write(`cp: cannot stat '${s}': No such file or directory\n`);
        status = 1;
        continue;
      }
      if (st.type === 'dir' && !recursive) {
        io.stderr.write(`cp: -r not specified; omitting directory '${s}'\n`);
        status = 1;
        continue;
      }
      const to = target(sh, s, dest, many);
      if (to === src || to.startsWith(`${src}/`)) {
        io.stderr.write(`cp: cannot copy a directory, '${s}', into itself, '${dest}'\n`);
        status = 1;
        continue;
      }
      try {
        copyEntry(sh, src, to, st, preserve, true);
      } catch (e) {
        io.stderr.write(`cp: cannot create regular file '${dest}': ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    return status;
  });

export const mv: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { operands } = parseArgs(argv, 'fvniuT');
    if (operands.length < 2) return missingDest(io, 'mv', operands);
    const dest = operands[operands.length - 1] as string;
    const sources = operands.slice(0, -1);
    let status = 0;
    for (const s of sources) {
      const src = sh.resolve(s);
      const st = tryStat(sh, src, false);
      if (!st) {
        io.stderr.write(`mv: cannot stat '${s}': No such file or directory\n`);
        status = 1;
        continue;
      }
      const to = target(sh, s, dest, sources.length > 1);
      try {
        try {
          sh.fs.rename(src, to);
        } catch (e) {
          // overlayfs refuses to rename lower-layer directories; mv copies then deletes.
          if (fsError(e).code !== 'EXDEV') throw e;
          copyEntry(sh, src, to, st, true, true);
          if (st.type === 'dir') sh.fs.rmdir(src, { recursive: true });
          else sh.fs.unlink(src);
        }
      } catch (e) {
        io.stderr.write(`mv: cannot move '${s}' to '${dest}': ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    return status;
  });

export const ln: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'sfnvrT');
    if (operands.length === 0) return missingDest(io, 'ln', operands);
    const symbolic = opts.has('s');
    const [first, second] = operands;
    const linkName = second ?? basename(first as string);
    let status = 0;
    for (const src of operands.length > 2 ? operands.slice(0, -1) : [first as string]) {
      const to = target(
        sh,
        src,
        operands.length > 2 ? (operands[operands.length - 1] as string) : linkName,
        operands.length > 2,
      );
      try {
        if (opts.has('f') && tryStat(sh, to, false)) sh.fs.unlink(to);
        if (symbolic) sh.fs.symlink(src, to);
        else sh.fs.link(sh.resolve(src), to);
      } catch (e) {
        const what = symbolic ? 'symbolic link' : 'hard link';
        io.stderr.write(
          `ln: failed to create ${what} '${second ?? basename(src)}': ${errText(fsError(e))}\n`,
        );
        status = 1;
      }
    }
    return status;
  });
