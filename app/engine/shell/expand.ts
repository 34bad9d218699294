import { ArithError, evalArith } from './arith.ts';
import { commandSubstitution } from './exec.ts';
import { hasGlob, matchPattern, trimPattern, unescapePattern } from './match.ts';
import type { Shell } from './state.ts';

/**
 * A piece of an expanded word. `quoted` text is neither split nor globbed; `split` text came
 * from an unquoted expansion and is split on IFS. `brk` separates the fields of "$@".
 */
type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

/** An expansion error (`${x:?}`, bad substitution): dash prints it and the command fails. */
export class ExpansionError extends Error {}

/** Expands command words: parameters, substitutions, field splitting, globbing, quote removal. */
export function expandWords(words: string[], sh: Shell): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const field of split(segments(w, sh, false), sh)) {
      if (field.glob && hasGlob(field.pattern)) {
        const found = glob(field.pattern, sh);
        if (found.length > 0) {
          out.push(...found);
          continue;
        }
      }
      out.push(unescapePattern(field.pattern));
    }
  }
  return out;
}

/** Expands one word without splitting or globbing (assignments, redirect targets, `case`). */
export function expandWord(word: string, sh: Shell): string {
  return segments(word, sh, false)
    .map((s) => ('brk' in s ? ' ' : s.text))
    .join('');
}

/** Expands a `case` pattern: quoted characters are escaped so they match literally. */
export function expandPattern(word: string, sh: Shell): string {
  return segments(word, sh, false)
    .map((s) => ('brk' in s ? ' ' : s.quoted ? s.text.replace(/[\\*?[\]]/g, '\\$&') : s.text))
    .join('');
}

/** Heredoc bodies expand `$`, backquotes and `\$ \` \\` but keep quotes as text. */
export function expandHeredoc(body: string, sh: Shell): string {
  return segments(body, sh, true, true)
    .map((s) => ('brk' in s ? ' ' : s.text))
    .join('');
}

function segments(word: string, sh: Shell, dq: boolean, heredoc = false): Seg[] {
  const out: Seg[] = [];
  let i = 0;
  const lit = (text: string, quoted: boolean): void => {
    out.push({ text, quoted, split: false });
  };
  while (i < word.length) {
    const c = word[i] as string;
    if (c === "'" && !dq) {
      const end = word.indexOf("'", i + 1);
      lit(word.slice(i + 1, end < 0 ? word.length : end), true);
      i = end < 0 ? word.length : end + 1;
    } else if (c === '"' && !heredoc) {
      if (dq) {
        i++;
        continue;
      }
      const end = closeQuote(word, i + 1);
      const inner = segments(word.slice(i + 1, end), sh, true);
      if (inner.length === 0) lit('', true);
      out.push(...inner);
      i = end + 1;
    } else if (c === '\\') {
      const n = word[i + 1];
      if (n === undefined) lit('\\', dq);
      else if (n === '\n') {
        /* line continuation */
      } else if (!dq || '$`"\\'.includes(n)) {
        if (heredoc && n === '"') lit('\\"', true);
        else lit(n, true);
      } else lit('\\' + n, true);
      i += 2;
    } else if (c === '$') {
      i = dollar(word, i, sh, dq, out);
    } else if (c === '`') {
      let j = i + 1;
      let script = '';
      while (j < word.length && word[j] !== '`') {
        if (word[j] === '\\' && '$`\\'.includes(word[j + 1] ?? '')) j++;
        script += word[j];
        j++;
      }
      out.push({ text: commandSubstitution(script, sh), quoted: dq, split: !dq });
      i = j + 1;
    } else if (c === '~' && i === 0 && !dq) {
      const m = /^~([A-Za-z0-9_.-]*)(?=\/|$)/.exec(word);
      const home = m ? (m[1] ? homeOf(m[1], sh) : sh.get('HOME')) : undefined;
      if (m && home !== undefined) {
        lit(home, true);
        i = (m[0] as string).length;
      } else {
        lit('~', false);
        i++;
      }
    } else {
      lit(c, dq);
      i++;
    }
  }
  return out;
}

function closeQuote(word: string, from: number): number {
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

/** Index of the bracket closing the one at `open`, skipping quotes. */
function matchClose(word: string, open: number): number {
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

function homeOf(user: string, sh: Shell): string | undefined {
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

function dollar(word: string, i: number, sh: Shell, dq: boolean, out: Seg[]): number {
  const n = word[i + 1];
  const push = (text: string): void => {
    out.push({ text, quoted: dq, split: !dq });
  };
  if (n === '(' && word[i + 2] === '(') {
    const end = matchClose(word, i + 1);
    const expr = expandHeredoc(word.slice(i + 3, end - 1), sh);
    try {
      push(String(evalArith(expr, (v) => sh.get(v))));
    } catch (e) {
      if (e instanceof ArithError) throw new ExpansionError(e.message);
      throw e;
    }
    return end + 1;
  }
  if (n === '(') {
    const end = matchClose(word, i + 1);
    push(commandSubstitution(word.slice(i + 2, end), sh));
    return end + 1;
  }
  if (n === '{') {
    const end = matchClose(word, i + 1);
    braced(word.slice(i + 2, end), sh, dq, out);
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

function braced(body: string, sh: Shell, dq: boolean, out: Seg[]): void {
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
      push(unset ? expandWord(arg, sh) : (value as string));
      return;
    case '=': {
      if (unset) {
        const w = expandWord(arg, sh);
        sh.set(name, w);
        push(w);
      } else push(value as string);
      return;
    }
    case '+':
      push(unset ? '' : expandWord(arg, sh));
      return;
    case '?':
      if (unset)
        throw new ExpansionError(
          `${name}: ${arg === '' ? 'parameter not set' : expandWord(arg, sh)}`,
        );
      push(value as string);
      return;
    default:
      push(trimPattern(value ?? '', expandPattern(arg, sh), o as '#' | '##' | '%' | '%%'));
  }
}

interface Field {
  pattern: string;
  glob: boolean;
}

/** IFS field splitting over the segments; quoted chars are escaped into the glob pattern. */
function split(segs: Seg[], sh: Shell): Field[] {
  const ifs = sh.get('IFS') ?? ' \t\n';
  const fields: Field[] = [];
  let cur: Field | null = null;
  const start = (): Field => (cur ??= { pattern: '', glob: false });
  const end = (): void => {
    if (cur) fields.push(cur);
    cur = null;
  };
  for (const s of segs) {
    if ('brk' in s) {
      end();
      continue;
    }
    if (s.quoted) {
      start().pattern += s.text.replace(/[\\*?[\]]/g, '\\$&');
      continue;
    }
    if (!s.split) {
      const f = start();
      f.pattern += s.text;
      f.glob = true;
      continue;
    }
    for (const ch of s.text) {
      if (ifs.includes(ch)) {
        if (!' \t\n'.includes(ch) && !cur) start();
        end();
      } else {
        const f = start();
        f.pattern += ch === '\\' ? '\\\\' : ch;
        f.glob = true;
      }
    }
  }
  end();
  return fields;
}

/** Pathname expansion against the filesystem; results sorted, dotfiles only when asked. */
function glob(pattern: string, sh: Shell): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let paths: string[] = [absolute ? '/' : ''];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of paths) {
      const dir = sh.resolve(base === '' ? '.' : base);
      const join = (n: string): string =>
        base === '' ? n : base === '/' ? `/${n}` : `${base}/${n}`;
      if (!hasGlob(part)) {
        const name = unescapePattern(part);
        if (sh.fs.exists(sh.resolve(join(name)))) next.push(join(name));
        continue;
      }
      let names: string[];
      try {
        names = sh.fs.readdir(dir);
      } catch {
        continue;
      }
      for (const n of names) {
        if (n.startsWith('.') && !part.startsWith('.') && !part.startsWith('\\.')) continue;
        if (matchPattern(part, n)) next.push(join(n));
      }
    }
    paths = next;
    if (paths.length === 0) break;
  }
  return paths.filter((p) => p !== '' && p !== '/').sort();
}
