import { errText } from '../state.ts';
import type { CommandFn } from '../types.ts';
import { fsError, lines, parseArgs, readInputs, withUsage, writeText } from './common.ts';

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
      const { texts, failed } = readInputs(operands, io, sh, which);
      texts.forEach((t, i) => {
        if (texts.length > 1)
          io.stdout.write(
            `${i > 0 ? '\n' : ''}==> ${t.name === '-' ? 'standard input' : t.name} <==\n`,
          );
        if (typeof c === 'string') {
          const k = Number(c);
          io.stdout.write(which === 'head' ? t.text.slice(0, k) : t.text.slice(-k));
          return;
        }
        const all = t.text.split(/(?<=\n)/);
        const k = Number(n.replace(/^[+-]/, ''));
        let picked: string[];
        if (which === 'head')
          picked = n.startsWith('-') ? all.slice(0, Math.max(0, all.length - k)) : all.slice(0, k);
        else
          picked = n.startsWith('+') ? all.slice(Math.max(0, k - 1)) : k === 0 ? [] : all.slice(-k);
        io.stdout.write(picked.join(''));
      });
      return failed ? 1 : 0;
    });
}

export const head = headTail('head');
export const tail = headTail('tail');

export const wc: CommandFn = (argv, io, sh) =>
  withUsage(argv, io, 1, () => {
    const { opts, operands } = parseArgs(argv, 'lwcmL');
    const picks = ['l', 'w', 'c'].filter((k) => opts.has(k) || (k === 'c' && opts.has('m')));
    const show = picks.length > 0 ? picks : ['l', 'w', 'c'];
    const { texts, failed } = readInputs(operands, io, sh, 'wc');
    const rows = texts.map((t) => {
      const counts: Record<string, number> = {
        l: (t.text.match(/\n/g) ?? []).length,
        w: t.text.split(/\s+/).filter(Boolean).length,
        c: new TextEncoder().encode(t.text).length,
      };
      return { name: t.name === '-' ? '' : t.name, nums: show.map((k) => counts[k] ?? 0) };
    });
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
    const out: string[] = [];
    for (let x = first as number; step! > 0 ? x <= last! : x >= last!; x += step as number) {
      sh.tick();
      out.push(String(x));
    }
    const sep = String(opts.get('s') ?? '\n');
    if (out.length > 0) io.stdout.write(out.join(sep) + '\n');
    return 0;
  });

/** yes: into a pipe it stops when the reader would (a bounded burst); otherwise it never ends. */
export const yes: CommandFn = (argv, io, sh) => {
  const line = `${argv.length > 1 ? argv.slice(1).join(' ') : 'y'}\n`;
  const n = io.pipedOut ? 4096 : Infinity;
  for (let i = 0; i < n; i += 64) {
    sh.tick();
    io.stdout.write(line.repeat(64));
  }
  return 0;
};
