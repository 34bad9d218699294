/**
 * Command lookup and calls: functions, builtins, utilities, scripts. The command tables and the
 * interpreter come with the shell (`sh.interp`), so this module imports neither.
 */
import { FsError } from '../fs/port.ts';
import { readText } from './io.ts';
import { ReturnSignal, swallowExit } from './signals.ts';
import type { Shell } from './state.ts';
import type { CommandFn, Io, Resolved } from './types.ts';

export type { Resolved } from './types.ts';

const BINARY_BUILTINS = new Set(['echo', 'printf', 'true', 'false', 'test', '[', 'pwd', 'kill']);

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Finds what a command name means, in the order dash uses: function, builtin, then a search
 * of PATH. The simulator's utilities count as present unless they belong to a package
 * (curl, python3, apt-get...), which must exist as a file on PATH, as in a real image.
 */
export function resolveCommand(name: string, sh: Shell): Resolved | null {
  if (!name.includes('/')) {
    if (sh.funcs.has(name)) return { kind: 'function', name };
    if (sh.interp.registry.builtins.has(name)) return { kind: 'builtin', name };
    for (const dir of (sh.get('PATH') ?? DEFAULT_PATH).split(':')) {
      const path = sh.resolve(`${dir || '.'}/${name}`);
      const found = fileKind(path, sh);
      if (found) return found;
    }
    const fn = sh.interp.registry.utilities.get(name);
    if (fn && !sh.interp.registry.needsBinary.has(name))
      return { kind: 'command', fn, path: `/usr/bin/${name}` };
    return null;
  }
  return fileKind(sh.resolve(name), sh);
}

function fileKind(path: string, sh: Shell): Resolved | null {
  try {
    const st = sh.fs.stat(path);
    if (st.type !== 'file') return null;
    const real = sh.fs.realpath(path);
    const base = real.slice(real.lastIndexOf('/') + 1);
    const { builtins, utilities } = sh.interp.registry;
    const called = path.slice(path.lastIndexOf('/') + 1);
    // busybox is one program for many: a link named cat runs its cat applet.
    const known =
      (base === 'busybox' && called !== 'busybox' ? utilities.get(called) : undefined) ??
      utilities.get(base) ??
      utilities.get(called);
    if (known) return { kind: 'command', fn: known, path };
    // coreutils ships echo, printf, true, false, test, [, pwd and kill as programs too: run by
    // path (`RUN ["/bin/echo", "x"]`) they behave as the shell's builtins.
    if (BINARY_BUILTINS.has(base) && builtins.has(base)) return { kind: 'builtin', name: base };
    if (st.size > 0 && st.size < 1 << 20) {
      const head = readText(sh.fs, path).slice(0, 200);
      const shebang = /^#!\s*(\S*)(?:\s+(\S+))?/.exec(head);
      const interp = shebang
        ? ((shebang[1]?.endsWith('/env') ? shebang[2] : shebang[1]) ?? '')
        : '';
      // Text without `#!` fails exec with ENOEXEC, and the shell then runs it as a script.
      if (shebang ? /(^|\/)(sh|bash|dash|ash)$/.test(interp) : !head.includes('\0'))
        return { kind: 'script', path };
      if (shebang) {
        const viaInterp = utilities.get(interp.slice(interp.lastIndexOf('/') + 1));
        if (viaInterp) return { kind: 'interpreted', fn: viaInterp, path, interp };
      }
    }
    return { kind: 'binary', path };
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

/** Runs argv with `NAME=value` prefixes applied for the duration of the command. */
export function invoke(
  argv: string[],
  io: Io,
  sh: Shell,
  assigns: readonly (readonly [string, string])[],
): number {
  const name = argv[0] as string;
  const found = resolveCommand(name, sh);
  if (found?.kind === 'builtin' && sh.interp.registry.special.has(name)) {
    for (const [k, v] of assigns) sh.set(k, v);
    return callBuiltin(name, argv, io, sh);
  }
  const saved = assigns.map(([k]) => [k, sh.vars.get(k), sh.exported.has(k)] as const);
  for (const [k, v] of assigns) sh.set(k, v, true);
  try {
    return run(found, argv, io, sh);
  } finally {
    for (const [k, v, wasExported] of saved) {
      if (v === undefined) sh.vars.delete(k);
      else sh.vars.set(k, v);
      if (!wasExported) sh.exported.delete(k);
    }
  }
}

function callBuiltin(name: string, argv: string[], io: Io, sh: Shell): number {
  const fn = sh.interp.registry.builtins.get(name) as CommandFn;
  return fn(argv, io, sh);
}

function run(found: Resolved | null, argv: string[], io: Io, sh: Shell): number {
  const name = argv[0] as string;
  if (!found) {
    io.stderr.write(`${sh.prefix()}${name}: ${sh.bash ? 'command not found' : 'not found'}\n`);
    return 127;
  }
  switch (found.kind) {
    case 'function':
      return callFunction(name, argv.slice(1), io, sh);
    case 'builtin':
      return callBuiltin(found.name, argv, io, sh);
    case 'command':
      if (name.includes('/') && !executable(found.path, sh)) return denied(name, io, sh);
      return found.fn(argv, io, sh);
    case 'script':
      if (!executable(found.path, sh)) return denied(name, io, sh);
      return runScriptFile(found.path, argv.slice(1), io, sh);
    case 'interpreted':
      if (!executable(found.path, sh)) return denied(name, io, sh);
      return found.fn([found.interp, found.path, ...argv.slice(1)], io, sh);
    case 'binary':
      // A program the simulator cannot run: a container's main process keeps running.
      if (!executable(found.path, sh)) return denied(name, io, sh);
      if (sh.unknownBinaries === 'run-forever') sh.forever(argv);
      return 0;
  }
}

function executable(path: string, sh: Shell): boolean {
  try {
    return (sh.fs.stat(path).mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

function denied(name: string, io: Io, sh: Shell): number {
  io.stderr.write(`${sh.prefix()}${name}: Permission denied\n`);
  return 126;
}

/** Calls a shell function with its own positional parameters. */
export function callFunction(name: string, args: string[], io: Io, sh: Shell): number {
  const body = sh.funcs.get(name);
  if (!body) return 127;
  const saved = sh.positional;
  sh.positional = args;
  sh.locals.push(new Map());
  try {
    return sh.nested(() => sh.interp.runCommand(body, sh, io));
  } catch (e) {
    if (e instanceof ReturnSignal) return e.code;
    throw e;
  } finally {
    sh.positional = saved;
    for (const [k, old] of sh.locals.pop() ?? []) {
      if (old.value === undefined) sh.vars.delete(k);
      else sh.vars.set(k, old.value);
      if (old.exported) sh.exported.add(k);
      else sh.exported.delete(k);
    }
  }
}

/** `sh script.sh args` and `./script.sh`: a new shell process running the file. */
export function runScriptFile(
  path: string,
  args: string[],
  io: Io,
  sh: Shell,
  arg0 = path,
  bash?: boolean,
): number {
  const text = readText(sh.fs, path);
  const src = text.replace(/^#![^\n]*/, '');
  const child = sh.clone();
  child.funcs = new Map();
  child.vars = new Map([...sh.vars].filter(([k]) => sh.exported.has(k)));
  child.positional = args;
  child.vars.set('0', arg0);
  child.arg0 = arg0;
  child.bash = bash ?? /^#!\s*\S*(\/bash|\/env\s+bash)\b/.test(text);
  child.options = { errexit: false, xtrace: false, pipefail: false, nounset: false };
  return sh.nested(() =>
    sh.interp.runExitTrap(
      child,
      io,
      swallowExit(() => sh.interp.runScript(src, child, io)),
    ),
  );
}
