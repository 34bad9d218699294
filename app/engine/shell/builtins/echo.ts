import type { CommandFn } from '../types.ts';

/**
 * Backslash escapes as dash's echo and printf's %b read them. Returns the text and whether
 * `\c` asked to stop all further output.
 *
 * @example
 * unescape('a\\tb\\c', true); // { text: 'a\tb', stop: true }
 */
export function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i] as string;
    const simple: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      a: '\x07',
      b: '\b',
      f: '\f',
      v: '\v',
      e: '\x1b',
      '\\': '\\',
    };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (octalNeedsZero ? n === '0' : /[0-7]/.test(n)) {
      const start = octalNeedsZero ? i + 1 : i;
      const m = /^[0-7]{0,3}/.exec(s.slice(start))?.[0] ?? '';
      out += String.fromCharCode(parseInt(m || '0', 8) & 255);
      i = start + m.length - 1;
    } else if (n === 'x' && !octalNeedsZero) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0] ?? '';
      out += m ? String.fromCharCode(parseInt(m, 16)) : '\\x';
      i += m.length;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

/**
 * dash's echo: only `-n`; escapes are always interpreted (`echo -e x` prints `-e x`).
 * bash's: `-n`, `-e`, `-E` (combinable); escapes only with `-e`.
 */
export const echo: CommandFn = (argv, io, sh) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = !sh.bash;
  while (args[0] !== undefined && (sh.bash ? /^-[neE]+$/ : /^-n$/).test(args[0])) {
    const flags = args[0];
    if (flags.includes('n')) newline = false;
    for (const f of flags) if (f === 'e' || f === 'E') escapes = f === 'e';
    args = args.slice(1);
  }
  const joined = args.join(' ');
  const { text, stop } = escapes ? unescape(joined, true) : { text: joined, stop: false };
  io.stdout.write(text + (newline && !stop ? '\n' : ''));
  return 0;
};

export const printf: CommandFn = (argv, io, sh) => {
  const format = argv[1];
  if (format === undefined) {
    io.stderr.write('printf: usage: printf format [arg ...]\n');
    return 2;
  }
  const args = argv.slice(2);
  let k = 0;
  let status = 0;
  let out = '';
  do {
    const used = k;
    let stop = false;
    out += format.replace(
      /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sdiouxXcfeEgGb%])|\\(?:[0-7]{1,3}|.)/g,
      (
        m,
        flags: string,
        width: string | undefined,
        prec: string | undefined,
        conv: string | undefined,
      ) => {
        if (stop) return '';
        if (m.startsWith('\\')) return unescape(m, false).text;
        if (conv === '%') return '%';
        const arg = args[k++] ?? '';
        const r = convert(conv as string, arg, prec);
        if (r.error) {
          io.stderr.write(`${sh.prefix()}printf: ${arg}: expected numeric value\n`);
          status = 1;
        }
        if (r.stop) stop = true;
        const w = Number(width ?? 0);
        // A field padded past the value limit would be built in memory before any output.
        sh.checkValue(w);
        const pad = flags.includes('0') && !flags.includes('-') && conv !== 's' ? '0' : ' ';
        return flags.includes('-') ? r.text.padEnd(w) : r.text.padStart(w, pad);
      },
    );
    sh.checkValue(out.length);
    if (stop || k === used) break;
  } while (k < args.length);
  io.stdout.write(out);
  return status;
};

function convert(
  conv: string,
  arg: string,
  prec: string | undefined,
): { text: string; error?: boolean; stop?: boolean } {
  switch (conv) {
    case 's':
      return { text: prec === undefined ? arg : arg.slice(0, Number(prec)) };
    case 'b': {
      const r = unescape(arg, true);
      return { text: r.text, stop: r.stop };
    }
    case 'c':
      return { text: arg.slice(0, 1) };
    case 'f':
    case 'e':
    case 'E':
    case 'g':
    case 'G': {
      const n = arg === '' ? 0 : Number(arg);
      if (Number.isNaN(n)) return { text: '0', error: true };
      const p = prec === undefined ? 6 : Number(prec);
      return {
        text:
          conv === 'f' ? n.toFixed(p) : conv.toLowerCase() === 'e' ? n.toExponential(p) : String(n),
      };
    }
    default: {
      const n = arg === '' ? 0 : /^'./.test(arg) ? arg.charCodeAt(1) : Number(arg);
      if (!Number.isFinite(n)) return { text: '0', error: true };
      const i = Math.trunc(n);
      const text =
        conv === 'x'
          ? i.toString(16)
          : conv === 'X'
            ? i.toString(16).toUpperCase()
            : conv === 'o'
              ? i.toString(8)
              : String(i);
      return { text };
    }
  }
}
