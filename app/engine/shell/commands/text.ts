import { errText } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { LargeFileInput, type Input } from '../io.ts';
import {
  fsError,
  lines,
  openInput,
  parseArgs,
  readInputs,
  report,
  withUsage,
  writeText,
} from './common.ts';

/** head/tail accept `-n 5`, `-n5`, `-5` and `-n +2` (tail). */
function countArg(argv: string[]): string[] {
  return argv.map((a, i) => (i > 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(which: 'head' | 'tail'): CommandFn {
  return (argv, io, sh) =>
    withUsage(argv, io, 1, () => {
      const { opts, operands } = parseArgs(countArg(argv), 'qvf', 'nc');
      const n = String(opts.get('n') ?? '10');
      const c = opts.get('c');
      const names = operands.length === 0 ? ['-'] : operands;
      let failed = false;
      let shown = 0;
      for (const name of names) {
        let input: Input;
        try {
          input = openInput(name, io, sh);
        } catch (e) {
          report(io, which, name, e);
          failed = true;
          continue;
        }
        if (names.length > 1)
          io.stdout.write(
            `${shown++ > 0 ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`,
          );
        io.stdout.write(which === 'head' ? headOf(input, n, c) : tailOf(input.all(), n, c));
      }
      return failed ? 1 : 0;
    });
}

/**
 * The first lines or bytes, reading no further than needed: `yes | head -n 3` stops reading
 * after three lines (the writer then gets SIGPIPE) and `head -c 10 /dev/zero` ends.
 */
function headOf(input: Input, n: string, c: string | true | undefined): string {
  if (typeof c === 'string') {
    const k = Number(c.replace(/^-/, ''));
    if (c.startsWith('-')) {
      const all = input.all();
      return all.slice(0, Math.max(0, all.length - k));
    }
    return input.take(k);
  }
  const k = Number(n.replace(/^[+-]/, ''));
  if (n.startsWith('-')) {
    const all = input.all().split(/(?<=\n)/);
    return all.slice(0, Math.max(0, all.length - k)).join('');
  }
  let out = '';
  for (let i = 0; i < k; i++) {
    const line = input.lineWithEnd();
    if (line === null) break;
    out += line;
  }
  return out;
}

function tailOf(text: string, n: string, c: string | true | undefined): string {
  if (typeof c === 'string') return text.slice(-Number(c));
  const all = text.split(/(?<=\n)/);
  const k = Number(n.replace(/^[+-]/, ''));
  return (n.startsWith('+') ? all.slice(Math.max(0, k - 1)) : k === 0 ? [] : all.slice(-k)).join(
    '',
  );
}

export const head = headTail('head');
export const tail = headTail('tail');

const countText = (text: string): Record<string, number> => ({
  l: (text.match(/\n/g) ?? []).length,
  w: text.split(/\s+/).filter(Boolean).length,
  c: new TextEncoder().encode(text).length,
});

/**
 * wc's counts over bytes, for a file too large to hold as text. As in GNU wc, a word starts at a
 * printable character and ends at white space; other control bytes (dd's zeros) do neither.
 */
function countBytes(b: Uint8Array): Record<string, number> {
  let l = 0;
  let w = 0;
  let inWord = false;
  for (const x of b) {
    if (x === 10) l++;
    if (x === 32 || (x >= 9 && x <= 13)) inWord = false;
    else if (x > 32 && x !== 127 && !inWord) {
      w++;
      inWord = true;
    }
  }
  return { l, w, c: b.length };
}

export const wc: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'lwcmL');
    const picks = ['l', 'w', 'c'].filter((k) => opts.has(k) || (k === 'c' && opts.has('m')));
    const show = picks.length > 0 ? picks : ['l', 'w', 'c'];
    const rows: { name: string; nums: number[] }[] = [];
    let failed = false;
    for (const f of operands.length === 0 ? ['-'] : operands) {
      let counts: Record<string, number>;
      try {
        const input = openInput(f, io, sh);
        counts =
          input instanceof LargeFileInput ? countBytes(input.content()) : countText(input.all());
      } catch (e) {
        report(io, 'wc', f, e);
        failed = true;
        continue;
      }
      rows.push({ name: f === '-' ? '' : f, nums: show.map((k) => counts[k] ?? 0) });
    }
    if (rows.length > 1)
      rows.push({
        name: 'total',
        nums: show.map((_, i) => rows.reduce((s, r) => s + (r.nums[i] ?? 0), 0)),
      });
    // GNU pads to a common width, except for a single count read from stdin.
    const single = show.length === 1 && operands.length === 0;
    const width =
      operands.length === 0 && !single
        ? 7
        : single
          ? 0
          : Math.max(1, ...rows.flatMap((r) => r.nums.map((x) => String(x).length)));
    for (const r of rows)
      io.stdout.write(
        `${r.nums.map((x) => String(x).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`,
      );
    return failed ? 1 : 0;
  });

export const sort: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 2, () => {
    const { opts, operands } = parseArgs(argv, 'rnufbVhs', 'tko');
    const { texts, failed } = readInputs(operands, io, sh, 'sort');
    let all = texts.flatMap((t) => lines(t.text));
    const sep = opts.get('t');
    const k = opts.get('k');
    const key = (l: string): string => {
      if (typeof k !== 'string') return l;
      const field = Number(k.split(/[,.]/)[0]) - 1;
      const parts = typeof sep === 'string' ? l.split(sep) : l.trim().split(/\s+/);
      return parts.slice(field).join(typeof sep === 'string' ? sep : ' ');
    };
    const cmp =
      opts.has('n') || opts.has('h')
        ? (a: string, b: string): number => (parseFloat(key(a)) || 0) - (parseFloat(key(b)) || 0)
        : opts.has('V')
          ? (a: string, b: string): number => key(a).localeCompare(key(b), 'en', { numeric: true })
          : (a: string, b: string): number => {
              const x = opts.has('f') ? key(a).toUpperCase() : key(a);
              const y = opts.has('f') ? key(b).toUpperCase() : key(b);
              return x < y ? -1 : x > y ? 1 : 0;
            };
    all.sort(cmp);
    if (opts.has('r')) all.reverse();
    if (opts.has('u')) all = all.filter((l, i) => i === 0 || cmp(l, all[i - 1] as string) !== 0);
    const out = all.map((l) => `${l}\n`).join('');
    const o = opts.get('o');
    if (typeof o === 'string') writeText(sh, sh.resolve(o), out);
    else io.stdout.write(out);
    return failed ? 2 : 0;
  });

export const uniq: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'cdui');
    const { texts, failed } = readInputs(operands.slice(0, 1), io, sh, 'uniq');
    const groups: { line: string; n: number }[] = [];
    const same = (a: string, b: string): boolean =>
      opts.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b;
    for (const l of lines(texts[0]?.text ?? '')) {
      const last = groups[groups.length - 1];
      if (last && same(last.line, l)) last.n++;
      else groups.push({ line: l, n: 1 });
    }
    for (const g of groups) {
      if (opts.has('d') && g.n < 2) continue;
      if (opts.has('u') && g.n > 1) continue;
      io.stdout.write(opts.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
    }
    return failed ? 1 : 0;
  });

/** Expands tr sets: ranges, classes like [:lower:], escapes. */
function trSet(s: string): string {
  const classes: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\v\f',
    '[:blank:]': ' \t',
    '[:punct:]': '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  };
  classes['[:alpha:]'] = (classes['[:lower:]'] as string) + classes['[:upper:]'];
  classes['[:alnum:]'] = (classes['[:alpha:]'] as string) + classes['[:digit:]'];
  let t = s;
  for (const [k, v] of Object.entries(classes)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\r/g, '\r').replace(/\\\\/g, '\\');
  return t.replace(/(.)-(.)/gs, (_m, a: string, b: string) => {
    let r = '';
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) r += String.fromCharCode(c);
    return r;
  });
}

export const tr: CommandFn = (argv, io) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'dscC');
    const text = io.stdin.all();
    const a = trSet(operands[0] ?? '');
    if (operands.length === 0) {
      io.stderr.write("tr: missing operand\nTry 'tr --help' for more information.\n");
      return 1;
    }
    let out = '';
    if (opts.has('d')) {
      const keep = opts.has('c') || opts.has('C');
      for (const ch of text) if (a.includes(ch) === keep) out += ch;
    } else {
      const b = trSet(operands[1] ?? '');
      for (const ch of text) {
        const i = a.indexOf(ch);
        out += i < 0 ? ch : b === '' ? ch : (b[Math.min(i, b.length - 1)] as string);
      }
    }
    if (opts.has('s')) {
      const set = operands.length > 1 && !opts.has('d') ? trSet(operands[1] as string) : a;
      out = out.replace(/([^])\1+/g, (m, c: string) => (set.includes(c) ? c : m));
    }
    io.stdout.write(out);
    return 0;
  });

export const cut: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 's', 'dfc');
    const d = String(opts.get('d') ?? '\t');
    const spec = String(opts.get('f') ?? opts.get('c') ?? '');
    if (spec === '') {
      io.stderr.write(
        "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
      );
      return 1;
    }
    const want = (i: number): boolean =>
      spec.split(',').some((r) => {
        const [a, b] = r.split('-');
        const lo = a === '' ? 1 : Number(a);
        const hi = b === undefined ? lo : b === '' ? Infinity : Number(b);
        return i >= lo && i <= hi;
      });
    const { texts, failed } = readInputs(operands, io, sh, 'cut');
    for (const l of texts.flatMap((t) => lines(t.text))) {
      if (opts.has('c')) io.stdout.write([...l].filter((_, i) => want(i + 1)).join('') + '\n');
      else if (!l.includes(d)) {
        if (!opts.has('s')) io.stdout.write(`${l}\n`);
      } else
        io.stdout.write(
          l
            .split(d)
            .filter((_, i) => want(i + 1))
            .join(d) + '\n',
        );
    }
    return failed ? 1 : 0;
  });

export const tee: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'ai');
    const text = io.stdin.all();
    let status = 0;
    for (const f of operands) {
      try {
        writeText(sh, sh.resolve(f), text, opts.has('a'));
      } catch (e) {
        io.stderr.write(`tee: ${f}: ${errText(fsError(e))}\n`);
        status = 1;
      }
    }
    io.stdout.write(text);
    return status;
  });

export const seq: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'w', 's');
    const nums = operands.map(Number);
    if (nums.length === 0 || nums.some((n) => Number.isNaN(n))) {
      const bad = operands.find((o) => Number.isNaN(Number(o)));
      io.stderr.write(
        bad ? `seq: invalid floating point argument: '${bad}'\n` : 'seq: missing operand\n',
      );
      return 1;
    }
    const [first, step, last] =
      nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
    const sep = String(opts.get('s') ?? '\n');
    // Written in chunks, one step each, so a reader that stops early (`| head -n 2`) ends it.
    const per = io.pipedOut ? 4096 : 64;
    let chunk: string[] = [];
    let any = false;
    for (let x = first as number; step! > 0 ? x <= last! : x >= last!; x += step as number) {
      chunk.push(String(x));
      if (chunk.length === per) {
        sh.tick();
        io.stdout.write((any ? sep : '') + chunk.join(sep));
        any = true;
        chunk = [];
      }
    }
    if (chunk.length > 0) io.stdout.write((any ? sep : '') + chunk.join(sep));
    if (any || chunk.length > 0) io.stdout.write('\n');
    return 0;
  });

/**
 * yes never ends: into a pipe it writes until the pipe is full (the reader then decides: SIGPIPE
 * if it stopped early, the simulator's limit if it wanted everything); elsewhere the step or
 * output budget ends it.
 */
export const yes: CommandFn = (argv, io, sh) => {
  const line = `${argv.length > 1 ? argv.slice(1).join(' ') : 'y'}\n`;
  const chunk = line.repeat(io.pipedOut ? Math.max(64, Math.ceil(65536 / line.length)) : 64);
  for (;;) {
    sh.tick();
    io.stdout.write(chunk);
  }
};
