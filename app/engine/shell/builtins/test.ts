import type { FileType, Stat } from '../../fs/port.ts';
import { matchPattern } from '../match.ts';
import type { Shell } from '../state.ts';
import type { CommandFn } from '../types.ts';

class TestError extends Error {}

/**
 * `test` and `[`: the POSIX rules by argument count, with -a/-o and `!`. Errors print as dash
 * does (`[: missing ]`, `Illegal number`) and give status 2.
 */
export const test: CommandFn = (argv, io, sh) => {
  let args = argv.slice(1);
  const name = argv[0] === '[' ? '[' : 'test';
  if (argv[0] === '[[') {
    // A bash keyword: dash does not know it, a classic surprise in RUN lines.
    if (!sh.bash) {
      io.stderr.write(`${sh.prefix()}[[: not found\n`);
      return 127;
    }
    if (args[args.length - 1] !== ']]') {
      io.stderr.write(`${sh.prefix()}syntax error in conditional expression\n`);
      return 2;
    }
    return doubleBracket(args.slice(0, -1), sh);
  }
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      io.stderr.write(`${sh.prefix()}[: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, sh) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    io.stderr.write(`${sh.prefix()}${name}: ${e.message}\n`);
    return 2;
  }
};

/** `[[ a == pattern ]]`, `[[ s =~ re ]]`, otherwise test's rules. */
function doubleBracket(args: string[], sh: Shell): number {
  const [a, op, b] = args;
  if (args.length === 3 && (op === '==' || op === '=' || op === '!=')) {
    const hit = matchPattern(b as string, a as string);
    return (op === '!=' ? !hit : hit) ? 0 : 1;
  }
  if (args.length === 3 && op === '=~') {
    try {
      return new RegExp(b as string).test(a as string) ? 0 : 1;
    } catch {
      return 2;
    }
  }
  try {
    return evaluate(args, sh) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    return 2;
  }
}

function evaluate(args: string[], sh: Shell): boolean {
  const orAt = args.indexOf('-o', 1);
  if (orAt > 0 && args.length > 3)
    return evaluate(args.slice(0, orAt), sh) || evaluate(args.slice(orAt + 1), sh);
  const andAt = args.indexOf('-a', 1);
  if (andAt > 0 && args.length > 3)
    return evaluate(args.slice(0, andAt), sh) && evaluate(args.slice(andAt + 1), sh);
  const [a, b, c] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return (a as string) !== '';
    case 2:
      if (a === '!') return !evaluate(args.slice(1), sh);
      return unary(a as string, b as string, sh);
    case 3:
      if (BINARY.has(b as string)) return binary(a as string, b as string, c as string, sh);
      if (a === '!') return !evaluate(args.slice(1), sh);
      if (a === '(' && c === ')') return evaluate([b as string], sh);
      throw new TestError(`${b}: unexpected operator`);
    default:
      if (a === '!') return !evaluate(args.slice(1), sh);
      if (a === '(' && args[args.length - 1] === ')') return evaluate(args.slice(1, -1), sh);
      throw new TestError(`${args[1]}: unexpected operator`);
  }
}

const BINARY = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

function stat(path: string, sh: Shell, follow = true): Stat | null {
  try {
    return follow ? sh.fs.stat(sh.resolve(path)) : sh.fs.lstat(sh.resolve(path));
  } catch {
    return null;
  }
}

function is(path: string, sh: Shell, type: FileType): boolean {
  return stat(path, sh)?.type === type;
}

function unary(op: string, arg: string, sh: Shell): boolean {
  switch (op) {
    case '-n':
      return arg !== '';
    case '-z':
      return arg === '';
    case '-e':
      return stat(arg, sh) !== null;
    case '-f':
      return is(arg, sh, 'file');
    case '-d':
      return is(arg, sh, 'dir');
    case '-L':
    case '-h':
      return stat(arg, sh, false)?.type === 'symlink';
    case '-s':
      return (stat(arg, sh)?.size ?? 0) > 0;
    case '-x':
    case '-r':
    case '-w': {
      const st = stat(arg, sh);
      if (!st) return false;
      if (sh.user.uid === 0) return op !== '-x' || (st.mode & 0o111) !== 0 || st.type === 'dir';
      const bit = op === '-x' ? 1 : op === '-w' ? 2 : 4;
      const shift = st.uid === sh.user.uid ? 6 : st.gid === sh.user.gid ? 3 : 0;
      return ((st.mode >> shift) & bit) !== 0;
    }
    case '-b':
    case '-c':
    case '-p':
    case '-S':
      return op === '-c' && /^\/dev\/(null|zero|u?random|tty)$/.test(arg);
    case '-t':
      return false;
    default:
      throw new TestError(`${op}: unexpected operator`);
  }
}

function int(s: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(s)) throw new TestError(`Illegal number: ${s}`);
  return Number(s);
}

function binary(a: string, op: string, b: string, sh: Shell): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt':
    case '-ot': {
      const x = stat(a, sh)?.mtime ?? -1;
      const y = stat(b, sh)?.mtime ?? -1;
      return op === '-nt' ? x > y : x < y;
    }
    case '-ef':
      return stat(a, sh) !== null && sh.resolve(a) === sh.resolve(b);
  }
  const x = int(a);
  const y = int(b);
  const cmp: Record<string, boolean> = {
    '-eq': x === y,
    '-ne': x !== y,
    '-lt': x < y,
    '-le': x <= y,
    '-gt': x > y,
    '-ge': x >= y,
  };
  return cmp[op] ?? false;
}
