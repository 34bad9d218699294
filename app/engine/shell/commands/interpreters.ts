/**
 * python3's and node's command lines up to the script (their options as the programs take them,
 * from program-options.ts) and the versions they report: the image's, read from the official
 * image's ENV (PYTHON_VERSION, NODE_VERSION) or from the Debian package that provides them.
 */
import { installedDebs } from '../packages/apt.ts';
import type { Shell } from '../state.ts';
import type { Io } from '../types.ts';
import { NODE, PYTHON } from './program-options.ts';

const upstream = (v: string) => v.replace(/^\d+:/, '').replace(/[-+~].*$/, '');

/** `3.13.5` for `python3` (or `python3.13`) in this image. */
export function pythonVersion(sh: Shell, argv0: string): string {
  const debs = installedDebs(sh);
  const minor = /python(3\.\d+)$/.exec(argv0)?.[1];
  if (minor) {
    const v = debs.get(`python${minor}`) ?? debs.get(`python${minor}-minimal`);
    if (v) return upstream(v);
  }
  const env = sh.get('PYTHON_VERSION');
  if (env && (!minor || env.startsWith(`${minor}.`))) return env;
  const py3 = debs.get('python3');
  if (py3) {
    const m = /^(\d+\.\d+)/.exec(upstream(py3))?.[1];
    const exact = m ? (debs.get(`python${m}`) ?? debs.get(`python${m}-minimal`)) : undefined;
    return upstream(exact ?? py3);
  }
  return '3.11.2';
}

/** Where python3's options end: the index of `-c`'s code, `-m`'s module or the script. */
export type PythonLine = { kind: 'run'; at: number } | { kind: 'exit'; status: number };

/**
 * Reads python3's options, rejecting one it does not have as python does (exit 2).
 *
 * @example readPythonLine(['python3', '-j'], io) // "Unknown option: -j", usage, exit 2
 */
export function readPythonLine(argv: readonly string[], io: Io): PythonLine {
  const name = argv[0] ?? 'python3';
  const fail = (first: string): PythonLine => {
    io.stderr.write(
      `${first}\nusage: ${name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`,
    );
    return { kind: 'exit', status: 2 };
  };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-' || !a.startsWith('-')) return { kind: 'run', at: i };
    if (a === '--') return { kind: 'run', at: i + 1 };
    if (a.startsWith('--')) {
      const long = a.slice(2).replace(/=.*$/, '');
      if (!PYTHON.long.includes(long)) return fail(`unknown option ${a}`);
      if (long === 'check-hash-based-pycs') i++;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (PYTHON.shortArg.includes(c)) {
        const value = a.slice(j + 1) || argv[i + 1];
        if (value === undefined) return fail(`Argument expected for the -${c} option`);
        // -c and -m end the options; -W and -X take their value and go on.
        if (c === 'c' || c === 'm') return { kind: 'run', at: a.slice(j + 1) ? i : i + 1 };
        if (!a.slice(j + 1)) i++;
        break;
      }
      if (!PYTHON.short.includes(c) && c !== '?') return fail(`Unknown option: -${c}`);
    }
  }
  return { kind: 'run', at: argv.length };
}

/** `v24.22.3`: the official image's NODE_VERSION, else Debian's nodejs. */
export function nodeVersion(sh: Shell): string {
  const official = sh.get('NODE_VERSION');
  if (official && sh.fs.exists('/usr/local/bin/node')) return `v${official}`;
  const deb = installedDebs(sh).get('nodejs');
  return `v${deb ? upstream(deb) : '18.19.0'}`;
}

const NODE_VALUE = new Set([
  'e',
  'eval',
  'p',
  'print',
  'r',
  'require',
  'import',
  'loader',
  'experimental-loader',
  'input-type',
  'title',
  'C',
  'conditions',
  'env-file',
  'inspect-port',
  'stack-size',
]);

/**
 * Reads node's options before the script, rejecting one neither node nor V8 has (`node: bad
 * option: --frob`, exit 9).
 */
export function readNodeLine(
  argv: readonly string[],
  io: Io,
): { kind: 'run'; at: number; code: string | undefined } | { kind: 'exit'; status: number } {
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--' || a === '-' || !a.startsWith('-')) break;
    const eq = a.indexOf('=');
    const name = a
      .replace(/^--?/, '')
      .slice(0, eq < 0 ? undefined : eq - (a.startsWith('--') ? 2 : 1));
    const v8 = name.replaceAll('_', '-');
    const known =
      NODE.options.includes(name) ||
      NODE.v8.includes(v8) ||
      (v8.startsWith('no-') &&
        (NODE.v8.includes(v8.slice(3)) || NODE.options.includes(v8.slice(3))));
    if (!known) {
      io.stderr.write(`node: bad option: ${a}\n`);
      return { kind: 'exit', status: 9 };
    }
    if (NODE_VALUE.has(name) && eq < 0) {
      if (i + 1 >= argv.length) {
        io.stderr.write(`node: ${a} requires an argument\n`);
        return { kind: 'exit', status: 9 };
      }
      // The code of -e/-p ends node's options.
      if (['e', 'eval', 'p', 'print'].includes(name))
        return { kind: 'run', at: i + 2, code: argv[i + 1] };
      i++;
    }
  }
  return { kind: 'run', at: argv[i] === '--' ? i + 1 : i, code: undefined };
}
