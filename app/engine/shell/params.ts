import { ArithError, evalArith } from './arith.ts';
import type { Seg } from './expand.ts';
import { trimPattern } from './match.ts';
import type { Shell } from './state.ts';

/** Parameter expansion: `$name`, `$1`, `$?`, `$@`, `${...}` forms, `$(...)` and `$((...))`. */

/** An expansion error (`${x:?}`, bad substitution): dash prints it and the command fails. */
export class ExpansionError extends Error {}

/**
 * The word expansions that `${x:-word}`, `${x#pattern}` and `$((...))` apply to their parts:
 * handed in by `expand.ts`, which calls `dollar`, so the two modules do not import each other.
 */
export interface WordExpanders {
  word(word: string, sh: Shell): string;
  pattern(word: string, sh: Shell): string;
  heredoc(body: string, sh: Shell): string;
}

/**
 * Index of the `"` closing a double-quoted string that starts before `from`.
 *
 * @example
 * closeQuote('"a $(b "c") d" e', 1); // 13
 */
export function closeQuote(word: string, from: number): number {
  let i = from;
  while (i < word.length && word[i] !== '"') {
    if (word[i] === '\\') i += 2;
    else if (word[i] === '$' && (word[i + 1] === '(' || word[i + 1] === '{'))
      i = matchClose(word, i + 1) + 1;
    else if (word[i] === '`') i = Math.max(word.indexOf('`', i + 1), i) + 1;
    else i++;
  }
  return Math.min(i, word.length);
}

/**
 * Index of the bracket closing the one at `open`, skipping quotes.
 *
 * @example
 * matchClose('$(a (b) c) d', 1); // 9
 */
export function matchClose(word: string, open: number): number {
  const o = word[open];
  const c = o === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < word.length; i++) {
    const ch = word[i];
    if (ch === '\\') i++;
    else if (ch === "'" && o === '(') {
      const e = word.indexOf("'", i + 1);
      i = e < 0 ? word.length : e;
    } else if (ch === '"') i = closeQuote(word, i + 1);
    else if (ch === o) depth++;
    else if (ch === c && --depth === 0) return i;
  }
  return word.length;
}

/**
 * A user's home directory from /etc/passwd (for `~user`).
 *
 * @example
 * homeOf('root', sh); // '/root'
 */
export function homeOf(user: string, sh: Shell): string | undefined {
  try {
    const passwd = new TextDecoder().decode(sh.fs.readFile('/etc/passwd'));
    for (const line of passwd.split('\n')) {
      const f = line.split(':');
      if (f[0] === user) return f[5];
    }
  } catch {
    /* no passwd: leave ~user as is */
  }
  return undefined;
}

/**
 * Expands the `$...` starting at `i` into segments; returns the index after it.
 *
 * @example
 * dollar('$HOME/x', 0, sh, false, out, expanders); // 5, out: [{ text: '/root', ... }]
 */
export function dollar(
  word: string,
  i: number,
  sh: Shell,
  dq: boolean,
  out: Seg[],
  x: WordExpanders,
): number {
  const n = word[i + 1];
  const push = (text: string): void => {
    out.push({ text, quoted: dq, split: !dq });
  };
  if (n === '(' && word[i + 2] === '(') {
    const end = matchClose(word, i + 1);
    const expr = x.heredoc(word.slice(i + 3, end - 1), sh);
    try {
      push(
        String(
          evalArith(
            expr,
            (v) => sh.get(v),
            (k, v) => sh.set(k, v),
          ),
        ),
      );
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
    return end + 1;
  }
  if (n === '(') {
    const end = matchClose(word, i + 1);
    push(sh.interp.substitute(word.slice(i + 2, end), sh));
    return end + 1;
  }
  if (n === '{') {
    const end = matchClose(word, i + 1);
    braced(word.slice(i + 2, end), sh, dq, out, x);
    return end + 1;
  }
  if (n === '@' || n === '*') {
    const params = sh.positional;
    if (dq && n === '@') {
      params.forEach((p, k) => {
        if (k > 0) out.push({ brk: true });
        out.push({ text: p, quoted: true, split: false });
      });
      if (params.length === 0) out.push({ brk: true });
    } else push(params.join(dq ? (sh.get('IFS') ?? ' ').slice(0, 1) : ' '));
    return i + 2;
  }
  const m = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#!-])/.exec(word.slice(i + 1));
  if (!m) {
    out.push({ text: '$', quoted: dq, split: false });
    return i + 1;
  }
  const name = m[0];
  const v = special(name, sh);
  if (v === undefined && sh.options.nounset && /^[A-Za-z_]/.test(name)) {
    throw new ExpansionError(`${name}: parameter not set`);
  }
  push(v ?? '');
  return i + 1 + name.length;
}

function special(name: string, sh: Shell): string | undefined {
  switch (name) {
    case '?':
      return String(sh.lastStatus);
    case '$':
      return '1';
    case '#':
      return String(sh.positional.length);
    case '!':
      return '';
    case '-':
      return (sh.options.errexit ? 'e' : '') + (sh.options.xtrace ? 'x' : '');
    case '0':
      return sh.vars.get('0') ?? sh.arg0;
  }
  if (/^[1-9]$/.test(name)) return sh.positional[Number(name) - 1];
  return sh.get(name);
}

function braced(body: string, sh: Shell, dq: boolean, out: Seg[], x: WordExpanders): void {
  const push = (text: string): void => {
    out.push({ text, quoted: dq, split: !dq });
  };
  if (body.startsWith('#') && body.length > 1) {
    push(String((special(body.slice(1), sh) ?? '').length));
    return;
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])(.*)$/s.exec(body);
  if (!m) throw new ExpansionError(`\${${body}}: Bad substitution`);
  const name = m[1] as string;
  const rest = m[2] as string;
  const value =
    name === '@' || name === '*'
      ? sh.positional.join(' ')
      : /^\d+$/.test(name) && name !== '0'
        ? sh.positional[Number(name) - 1]
        : special(name, sh);
  if (rest === '') {
    if (value === undefined && sh.options.nounset)
      throw new ExpansionError(`${name}: parameter not set`);
    push(value ?? '');
    return;
  }
  const op = /^(:?[-=+?]|##?|%%?)/.exec(rest);
  if (!op) throw new ExpansionError(`\${${body}}: Bad substitution`);
  const o = op[0];
  const arg = rest.slice(o.length);
  const colon = o.startsWith(':');
  const unset = value === undefined || (colon && value === '');
  switch (o.replace(':', '')) {
    case '-':
      push(unset ? x.word(arg, sh) : (value as string));
      return;
    case '=': {
      if (unset) {
        const w = x.word(arg, sh);
        sh.set(name, w);
        push(w);
      } else push(value as string);
      return;
    }
    case '+':
      push(unset ? '' : x.word(arg, sh));
      return;
    case '?':
      if (unset)
        throw new ExpansionError(`${name}: ${arg === '' ? 'parameter not set' : x.word(arg, sh)}`);
      push(value as string);
      return;
    default:
      push(trimPattern(value ?? '', x.pattern(arg, sh), o as '#' | '##' | '%' | '%%'));
  }
}
