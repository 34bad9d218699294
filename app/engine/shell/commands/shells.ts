import { swallowExit } from '../signals.ts';
import { FsError } from '../../fs/port.ts';
import { Input } from '../io.ts';
import type { CommandFn } from '../types.ts';
import { fsError } from './common.ts';

/** `sh -c 'script' [name [args]]`, `sh file [args]`, `sh < script`; bash is the same shell here. */
export const shCmd: CommandFn = (argv, io, sh) => {
  const name = argv[0] as string;
  const flags: string[] = [];
  let i = 1;
  let script: string | undefined;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-c') {
      script = argv[++i] ?? '';
      i++;
      break;
    }
    if (/^-[a-z]*c$/.test(a)) {
      flags.push(...a.slice(1, -1));
      script = argv[++i] ?? '';
      i++;
      break;
    }
    if (a === '-o' || a === '+o') {
      flags.push(`o:${argv[++i] ?? ''}`);
      continue;
    }
    if (a === '--' || !/^[-+]/.test(a)) break;
    flags.push(...a.slice(1));
  }
  const bash = name.slice(name.lastIndexOf('/') + 1) === 'bash';
  const child = sh.clone();
  child.bash = bash;
  child.funcs = new Map();
  child.vars = new Map([...sh.vars].filter(([k]) => sh.exported.has(k)));
  child.options = {
    errexit: flags.includes('e'),
    xtrace: flags.includes('x'),
    nounset: flags.includes('u'),
    pipefail: flags.includes('o:pipefail'),
  };
  if (script !== undefined) {
    const arg0 = argv[i] ?? name;
    child.arg0 = arg0;
    child.vars.set('0', arg0);
    child.positional = argv.slice(i + 1);
    return sh.nested(() =>
      sh.interp.runExitTrap(
        child,
        io,
        swallowExit(() => sh.interp.runScript(script, child, io)),
      ),
    );
  }
  const file = argv[i];
  if (file === undefined || file === '-') {
    const src = io.stdin.all();
    child.arg0 = name;
    return sh.nested(() =>
      swallowExit(() => sh.interp.runScript(src, child, { ...io, stdin: new Input('') })),
    );
  }
  try {
    const path = sh.resolve(file);
    if (sh.fs.stat(path).type === 'dir') throw new FsError('EISDIR', path);
  } catch (e) {
    fsError(e);
    if (bash) {
      io.stderr.write(`${name}: ${file}: No such file or directory\n`);
      return 127;
    }
    io.stderr.write(`${name}: 0: cannot open ${file}: No such file\n`);
    return 2;
  }
  return sh.interp.runScriptFile(sh.resolve(file), argv.slice(i + 1), io, sh, file, bash);
};

/** `env` prints the environment; `env [-i] [-u NAME] [NAME=value]... cmd args` runs cmd. */
export const env: CommandFn = (argv, io, sh) => {
  let i = 1;
  const child = sh.clone();
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-i' || a === '-' || a === '--ignore-environment') {
      child.exported.clear();
      child.vars = new Map([...child.vars].filter(([k]) => k === 'IFS'));
    } else if (a === '-u') child.exported.delete(argv[++i] ?? '');
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      child.set(a.slice(0, eq), a.slice(eq + 1), true);
    } else break;
  }
  if (i >= argv.length) {
    for (const [k, v] of Object.entries(child.environ())) io.stdout.write(`${k}=${v}\n`);
    return 0;
  }
  child.funcs = new Map();
  const status = sh.interp.invoke(argv.slice(i), io, child, []);
  if (status === 127 && io.stderr) return 127;
  return status;
};

/** timeout and nohup run the command (time does not pass in the simulator). */
export const wrapper: CommandFn = (argv, io, sh) => {
  let args = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (argv[0] === 'timeout') args = args.slice(1);
  if (args.length === 0) return 0;
  return sh.interp.invoke(args, io, sh, []);
};

/** xargs: appends stdin's words to the command (echo by default); -n, -I, -r, -0. */
export const xargs: CommandFn = (argv, io, sh) => {
  let i = 1;
  let perCall = Infinity;
  let replace: string | null = null;
  let noRunIfEmpty = false;
  let nul = false;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-n') perCall = Number(argv[++i] ?? '1') || 1;
    else if (/^-n\d+$/.test(a)) perCall = Number(a.slice(2));
    else if (a === '-I') replace = argv[++i] ?? '{}';
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a === '-0' || a === '--null') nul = true;
    else if (a === '-t' || a === '-x') continue;
    else break;
  }
  const cmd = argv.length > i ? argv.slice(i) : ['echo'];
  const text = io.stdin.all();
  const items = nul
    ? text.split('\0').filter(Boolean)
    : replace !== null
      ? text.split('\n').filter((l) => l.trim() !== '')
      : (text.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  if (items.length === 0 && (noRunIfEmpty || replace !== null)) return 0;
  let status = 0;
  const run = (args: string[]): void => {
    sh.tick();
    const s = sh.interp.invoke(args, { ...io, stdin: new Input('') }, sh, []);
    if (s === 127) status = 127;
    else if (s !== 0 && status === 0) status = 123;
  };
  if (replace !== null) {
    const r = replace;
    for (const item of items) run(cmd.map((c) => c.split(r).join(item)));
  } else if (items.length === 0) run(cmd);
  else
    for (let k = 0; k < items.length; k += perCall) run([...cmd, ...items.slice(k, k + perCall)]);
  return status;
};
