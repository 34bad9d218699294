import { readText } from '../io.ts';
import { errText } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { fsError, writeText } from './common.ts';
import { compile } from './regex.ts';

type Addr = { line: number } | { last: true } | { re: RegExp };
interface Cmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  re?: RegExp;
  repl?: string;
  global?: boolean;
  print?: boolean;
  nth?: number;
  text?: string;
  /** Range state: inside a two-address range. */
  active?: boolean;
}

class SedError extends Error {}

/** Parses a sed script: addresses, then s, d, p, q, a, i, c, y, `=` commands separated by ; or newlines. */
function parseScript(src: string, ere: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  let i = 0;
  const delimited = (delim: string): string => {
    let out = '';
    while (i < src.length && src[i] !== delim) {
      if (src[i] === '\\' && src[i + 1] === delim) {
        out += delim;
        i += 2;
      } else if (src[i] === '\\' && i + 1 < src.length) {
        out += src.slice(i, i + 2);
        i += 2;
      } else out += src[i++];
    }
    if (src[i] !== delim)
      throw new SedError(`-e expression #1, char ${i}: unterminated \`s' command`);
    i++;
    return out;
  };
  const regex = (s: string, flags: string): RegExp => {
    const r = compile(s, ere, flags);
    if (typeof r === 'string') throw new SedError(`-e expression #1, char ${i}: ${r}`);
    return r;
  };
  const addr = (): Addr | undefined => {
    const m = /^\d+/.exec(src.slice(i));
    if (m) {
      i += m[0].length;
      return { line: Number(m[0]) };
    }
    if (src[i] === '$') {
      i++;
      return { last: true };
    }
    if (src[i] === '/' || src[i] === '\\') {
      const d = src[i] === '\\' ? (src[++i] as string) : '/';
      i++;
      return { re: regex(delimited(d), '') };
    }
    return undefined;
  };
  while (i < src.length) {
    while (/[\s;]/.test(src[i] ?? '')) i++;
    if (i >= src.length) break;
    const cmd: Cmd = { neg: false, op: '' };
    const a1 = addr();
    if (a1) cmd.a1 = a1;
    if (a1 && src[i] === ',') {
      i++;
      const a2 = addr();
      if (a2) cmd.a2 = a2;
    }
    while (src[i] === ' ') i++;
    if (src[i] === '!') {
      cmd.neg = true;
      i++;
    }
    cmd.op = src[i++] ?? '';
    if (cmd.op === 's' || cmd.op === 'y') {
      const d = src[i++] ?? '/';
      const pat = delimited(d);
      const repl = delimited(d);
      const flags = /^[gpiI0-9]*/.exec(src.slice(i))?.[0] ?? '';
      i += flags.length;
      cmd.re =
        cmd.op === 's'
          ? regex(pat, flags.includes('i') || flags.includes('I') ? 'gi' : 'g')
          : new RegExp('');
      cmd.repl = repl;
      cmd.text = pat;
      cmd.global = flags.includes('g');
      cmd.print = flags.includes('p');
      const nth = /\d+/.exec(flags);
      if (nth) cmd.nth = Number(nth[0]);
    } else if ('aic'.includes(cmd.op) && cmd.op !== '') {
      const m = /^\\?\n?\s*([^\n]*)/.exec(src.slice(i)) as RegExpExecArray;
      cmd.text = (m[1] ?? '').replace(/\\(.)/g, '$1');
      i += m[0].length;
    } else if (!'dpqQ=nN'.includes(cmd.op) || cmd.op === '') {
      throw new SedError(`-e expression #1, char ${i}: unknown command: \`${cmd.op}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function hit(a: Addr, line: string, n: number, last: boolean): boolean {
  if ('line' in a) return a.line === n;
  if ('last' in a) return last;
  return a.re.test(line);
}

function selected(c: Cmd, line: string, n: number, last: boolean): boolean {
  let on: boolean;
  if (!c.a1) on = true;
  else if (!c.a2) on = hit(c.a1, line, n, last);
  else if (c.active) {
    on = true;
    if (hit(c.a2, line, n, last) || ('line' in c.a2 && n >= c.a2.line)) c.active = false;
  } else if (hit(c.a1, line, n, last)) {
    on = true;
    c.active = !('line' in c.a2 && c.a2.line <= n);
  } else on = false;
  return on !== c.neg;
}

function substitute(c: Cmd, line: string): { text: string; done: boolean } {
  const re = c.re as RegExp;
  let count = 0;
  let done = false;
  const text = line.replace(re, (...m: unknown[]) => {
    count++;
    const whole = m[0] as string;
    if ((c.nth !== undefined && count !== c.nth) || (!c.global && c.nth === undefined && count > 1))
      return whole;
    done = true;
    return (c.repl as string).replace(/\\([0-9n&\\])|&/g, (r, g: string | undefined) => {
      if (g === undefined) return whole;
      if (g === 'n') return '\n';
      if (g === '&' || g === '\\') return g;
      return (m[Number(g)] as string | undefined) ?? '';
    });
  });
  return { text, done };
}

function run(cmds: Cmd[], text: string, quiet: boolean): string {
  const input = text.split('\n');
  const trailing = text.endsWith('\n');
  if (trailing) input.pop();
  let out = '';
  for (let n = 1; n <= input.length; n++) {
    let line = input[n - 1] as string;
    const last = n === input.length;
    let deleted = false;
    let quit = false;
    let append = '';
    for (const c of cmds) {
      if (!selected(c, line, n, last)) continue;
      if (c.op === 's') {
        const r = substitute(c, line);
        line = r.text;
        if (r.done && c.print) out += `${line}\n`;
      } else if (c.op === 'y') {
        const from = c.text as string;
        line = [...line].map((ch) => (c.repl as string)[from.indexOf(ch)] ?? ch).join('');
      } else if (c.op === 'd') {
        deleted = true;
        break;
      } else if (c.op === 'p') out += `${line}\n`;
      else if (c.op === '=') out += `${n}\n`;
      else if (c.op === 'a') append += `${c.text}\n`;
      else if (c.op === 'i') out += `${c.text}\n`;
      else if (c.op === 'c') {
        out += `${c.text}\n`;
        deleted = true;
        break;
      } else if (c.op === 'q' || c.op === 'Q') {
        quit = true;
        if (c.op === 'Q') deleted = true;
        break;
      }
    }
    if (!deleted && !quiet) out += `${line}${last && !trailing ? '' : '\n'}`;
    out += append;
    if (quit) break;
  }
  return out;
}

/** sed with -n, -e, -E/-r, -i[SUFFIX]; s///[gpiN], y///, d, p, q, a, i, c, =; addresses and ranges. */
export const sed: CommandFn = (argv, io, sh) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let ere = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-e' || a === '--expression') scripts.push(argv[++i] ?? '');
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') ere = true;
    else if (a.startsWith('-i') || a.startsWith('--in-place')) inPlace = true;
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      ere ||= /[Er]/.test(a);
    } else if (scripts.length === 0 && !a.startsWith('-')) scripts.push(a);
    else files.push(a);
  }
  if (scripts.length === 0) {
    io.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    return 1;
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join('\n'), ere);
  } catch (e) {
    if (!(e instanceof SedError)) throw e;
    io.stderr.write(`sed: ${e.message}\n`);
    return 1;
  }
  if (files.length === 0) {
    io.stdout.write(run(cmds, io.stdin.all(), quiet));
    return 0;
  }
  let status = 0;
  for (const f of files) {
    try {
      const path = sh.resolve(f);
      const out = run(cmds, readText(sh.fs, path), quiet);
      if (inPlace) writeText(sh, path, out);
      else io.stdout.write(out);
    } catch (e) {
      io.stderr.write(`sed: can't read ${f}: ${errText(fsError(e))}\n`);
      status = 2;
    }
  }
  return status;
};
