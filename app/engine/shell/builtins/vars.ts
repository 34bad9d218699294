import { ExitSignal } from '../signals.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** dash quotes values in `export -p` and `set` output with single quotes. */
function shQuote(v: string): string {
  return `'${v.replace(/'/g, "'\\''")}'`;
}

function badName(cmd: string, name: string, io: Io, sh: Shell): never {
  io.stderr.write(`${sh.prefix()}${cmd}: ${name}: bad variable name\n`);
  throw new ExitSignal(2);
}

export const exportCmd: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const [k, v] of Object.entries(sh.environ()).sort(([a], [b]) => (a < b ? -1 : 1)))
      io.stdout.write(`export ${k}=${shQuote(v)}\n`);
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) badName(argv[0] as string, name, io, sh);
    if (eq >= 0) sh.set(name, a.slice(eq + 1), true);
    else sh.exported.add(name);
  }
  return 0;
};

export const readonlyCmd: CommandFn = (argv, _io, sh) => {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    if (eq > 0) sh.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return 0;
};

/** `local name[=value]`: the function's return restores the previous value (dash semantics). */
export const localCmd: CommandFn = (argv, io, sh) => {
  const frame = sh.locals[sh.locals.length - 1];
  if (!frame) {
    io.stderr.write(`${sh.prefix()}local: not in a function\n`);
    return 2;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) badName('local', name, io, sh);
    if (!frame.has(name))
      frame.set(name, { value: sh.vars.get(name), exported: sh.exported.has(name) });
    if (eq >= 0) sh.set(name, a.slice(eq + 1));
  }
  return 0;
};

export const unsetCmd: CommandFn = (argv, _io, sh) => {
  let funcs = false;
  for (const a of argv.slice(1)) {
    if (a === '-f') funcs = true;
    else if (a === '-v') funcs = false;
    else if (funcs) sh.funcs.delete(a);
    else {
      sh.vars.delete(a);
      sh.exported.delete(a);
    }
  }
  return 0;
};

const FLAGS: Record<string, keyof Shell['options']> = { e: 'errexit', x: 'xtrace', u: 'nounset' };
const LONG: Record<string, keyof Shell['options']> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: 'nounset',
  pipefail: 'pipefail',
};

export const setCmd: CommandFn = (argv, io, sh) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (NAME.test(k)) io.stdout.write(`${k}=${shQuote(v)}\n`);
    }
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (!/^[-+]/.test(a)) {
      sh.positional = args.slice(i);
      return 0;
    }
    const on = a.startsWith('-');
    if (a.slice(1) === 'o') {
      const opt = args[++i];
      if (opt === undefined) {
        for (const [k, v] of Object.entries(LONG))
          io.stdout.write(`${k.padEnd(16)}${sh.options[v] ? 'on' : 'off'}\n`);
        continue;
      }
      const key = LONG[opt];
      if (!key) {
        io.stderr.write(`${sh.prefix()}set: Illegal option -o ${opt}\n`);
        throw new ExitSignal(2);
      }
      sh.options[key] = on;
      continue;
    }
    for (const ch of a.slice(1)) {
      const key = FLAGS[ch];
      if (key) sh.options[key] = on;
      else if (!'fvCabhmn'.includes(ch)) {
        io.stderr.write(`${sh.prefix()}set: Illegal option ${a[0]}${ch}\n`);
        throw new ExitSignal(2);
      }
    }
  }
  return 0;
};

export const shiftCmd: CommandFn = (argv, io, sh) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0 || n > sh.positional.length) {
    io.stderr.write(`${sh.prefix()}shift: can't shift that many\n`);
    throw new ExitSignal(2);
  }
  sh.positional = sh.positional.slice(n);
  return 0;
};

export const readCmd: CommandFn = (argv, io, sh) => {
  const names = argv.slice(1).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-p');
  const raw = argv.includes('-r');
  let line = io.stdin.line();
  if (line === null) {
    for (const n of names) sh.set(n, '');
    return 1;
  }
  if (!raw) {
    while (line.endsWith('\\')) line = line.slice(0, -1) + (io.stdin.line() ?? '');
    line = line.replace(/\\(.)/g, '$1');
  }
  const vars = names.length > 0 ? names : ['REPLY'];
  const ifs = sh.get('IFS') ?? ' \t\n';
  const fields =
    ifs === ''
      ? [line]
      : line
          .split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`))
          .filter((f, i) => f !== '' || i > 0);
  vars.forEach((v, i) => {
    const value = i === vars.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
    sh.set(v, value);
  });
  return 0;
};
