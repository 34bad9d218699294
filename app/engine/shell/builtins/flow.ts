import { FsError } from '../../fs/port.ts';
import { readText } from '../io.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from '../signals.ts';
import type { Shell } from '../state.ts';
import type { CommandFn } from '../types.ts';

export const colon: CommandFn = () => 0;
export const falseCmd: CommandFn = () => 1;

export const cd: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1).filter((a) => a !== '-P' && a !== '-L');
  let target = args[0] ?? sh.get('HOME') ?? '/';
  if (target === '-') {
    target = sh.get('OLDPWD') ?? sh.cwd;
    io.stdout.write(`${target}\n`);
  }
  const path = sh.resolve(target);
  let ok = false;
  try {
    ok = sh.fs.stat(path).type === 'dir';
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
  }
  if (!ok) {
    io.stderr.write(`${sh.prefix()}cd: can't cd to ${target}\n`);
    return 2;
  }
  sh.set('OLDPWD', sh.cwd, sh.exported.has('OLDPWD'));
  sh.cwd = path;
  sh.set('PWD', path, true);
  return 0;
};

export const pwd: CommandFn = (_argv, io, sh) => {
  io.stdout.write(`${sh.cwd}\n`);
  return 0;
};

const count = (arg: string | undefined): number => {
  const n = arg === undefined ? NaN : Number(arg);
  return Number.isInteger(n) ? n : NaN;
};

export const exit: CommandFn = (argv, _io, sh) => {
  const n = count(argv[1]);
  throw new ExitSignal(Number.isNaN(n) ? sh.lastStatus : n & 255);
};

export const ret: CommandFn = (argv, _io, sh) => {
  const n = count(argv[1]);
  throw new ReturnSignal(Number.isNaN(n) ? sh.lastStatus : n & 255);
};

export const breakCmd: CommandFn = (argv) => {
  const n = count(argv[1]);
  throw new LoopSignal(
    argv[0] === 'continue' ? 'continue' : 'break',
    Number.isNaN(n) ? 1 : Math.max(1, n),
  );
};

export const evalCmd: CommandFn = (argv, io, sh) =>
  sh.nested(() => sh.interp.runScript(argv.slice(1).join(' '), sh, io));

/** `. file`: runs a file in the current shell (variables and functions stay). */
export const dot: CommandFn = (argv, io, sh) => {
  if (argv[0] === 'source' && !sh.bash) {
    // dash has only `.`; `source` in a RUN line is a common surprise.
    io.stderr.write(`${sh.prefix()}source: not found\n`);
    return 127;
  }
  const file = argv[1];
  if (file === undefined) return 0;
  const path = file.includes('/') ? sh.resolve(file) : (findInPath(file, sh) ?? sh.resolve(file));
  let src: string;
  try {
    src = readText(sh.fs, path);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    io.stderr.write(`${sh.prefix()}.: cannot open ${file}: No such file\n`);
    throw new ExitSignal(2);
  }
  return sh.nested(() => {
    try {
      return sh.interp.runScript(src, sh, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    }
  });
};

function findInPath(name: string, sh: Shell): string | null {
  for (const dir of (sh.get('PATH') ?? '').split(':')) {
    const p = sh.resolve(`${dir}/${name}`);
    if (sh.fs.exists(p)) return p;
  }
  return null;
}

/** `exec cmd`: the command replaces the shell, so the script ends with its status. */
export const exec: CommandFn = (argv, io, sh) => {
  if (argv.length < 2) return 0;
  throw new ExitSignal(sh.interp.invoke(argv.slice(1), io, sh, []));
};

function describe(name: string, sh: Shell, verbose: boolean): string | null {
  const r = sh.interp.resolveCommand(name, sh);
  if (!r) return null;
  if (r.kind === 'function') return verbose ? `${name} is a shell function` : name;
  if (r.kind === 'builtin') return verbose ? `${name} is a shell builtin` : name;
  const path = 'path' in r ? r.path : name;
  return verbose ? `${name} is ${path}` : path;
}

export const command: CommandFn = (argv, io, sh) => {
  const flag = argv[1];
  if (flag === '-v' || flag === '-V') {
    let status = 0;
    for (const name of argv.slice(2)) {
      const d = describe(name, sh, flag === '-V');
      if (d) io.stdout.write(`${d}\n`);
      else {
        if (flag === '-V') io.stderr.write(`${name}: not found\n`);
        status = 127;
      }
    }
    return status;
  }
  const args = argv.slice(flag === '-p' ? 2 : 1);
  if (args.length === 0) return 0;
  const saved = sh.funcs;
  sh.funcs = new Map();
  try {
    return sh.interp.invoke(args, io, sh, []);
  } finally {
    sh.funcs = saved;
  }
};

export const type: CommandFn = (argv, io, sh) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describe(name, sh, true);
    if (d) io.stdout.write(`${d}\n`);
    else {
      io.stdout.write(`${name}: not found\n`);
      status = 127;
    }
  }
  return status;
};

export const umask: CommandFn = (argv, io) => {
  if (argv.length < 2) io.stdout.write('0022\n');
  return 0;
};

/** `trap CMD EXIT|0` keeps CMD for the end of the shell; other signals never arrive here. */
export const trap: CommandFn = (argv, io, sh) => {
  if (argv.length === 1) {
    if (sh.exitTrap !== null)
      io.stdout.write(`trap -- '${sh.exitTrap.replace(/'/g, "'\\''")}' EXIT\n`);
    return 0;
  }
  const action = argv[1] as string;
  for (const sig of argv.slice(2)) {
    if (sig === 'EXIT' || sig === '0')
      sh.exitTrap = action === '-' || action === '' ? null : action;
  }
  return 0;
};
