import { glob } from './glob.ts';
import { hasGlob, unescapePattern } from './match.ts';
import { closeQuote, dollar, homeOf, type WordExpanders } from './params.ts';
import type { Shell } from './state.ts';

/**
 * A piece of an expanded word. `quoted` text is neither split nor globbed; `split` text came
 * from an unquoted expansion and is split on IFS. `brk` separates the fields of "$@".
 */
export type Seg = { text: string; quoted: boolean; split: boolean } | { brk: true };

/**
 * Expands command words: parameters, substitutions, field splitting, globbing, quote removal.
 *
 * @example
 * expandWords(['"$A"', '$A', '*.txt'], sh); // ['a b', 'a', 'b', 'x.txt']
 */
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

/**
 * Expands one word without splitting or globbing (assignments, redirect targets, `case`).
 *
 * @example
 * expandWord('${X:-/tmp}/log', sh); // '/tmp/log'
 */
export function expandWord(word: string, sh: Shell): string {
  return segments(word, sh, false)
    .map((s) => ('brk' in s ? ' ' : s.text))
    .join('');
}

/**
 * Expands a `case` pattern: quoted characters are escaped so they match literally.
 *
 * @example
 * expandPattern('"*".txt', sh); // '\\*.txt'
 */
export function expandPattern(word: string, sh: Shell): string {
  return segments(word, sh, false)
    .map((s) => ('brk' in s ? ' ' : s.quoted ? s.text.replace(/[\\*?[\]]/g, '\\$&') : s.text))
    .join('');
}

/**
 * Heredoc bodies expand `$`, backquotes and `\$ \` \\` but keep quotes as text.
 *
 * @example
 * expandHeredoc('home=$HOME "q"\n', sh); // 'home=/root "q"\n'
 */
export function expandHeredoc(body: string, sh: Shell): string {
  return segments(body, sh, true, true)
    .map((s) => ('brk' in s ? ' ' : s.text))
    .join('');
}

/**
 * Splits a raw word into literal, quoted and expanded segments.
 *
 * @example
 * segments("a'b'$X", sh, false); // [{text:'a'}, {text:'b', quoted}, {text:<X>, split}]
 */
export function segments(word: string, sh: Shell, dq: boolean, heredoc = false): Seg[] {
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
      i = dollar(word, i, sh, dq, out, EXPANDERS);
    } else if (c === '`') {
      let j = i + 1;
      let script = '';
      while (j < word.length && word[j] !== '`') {
        if (word[j] === '\\' && '$`\\'.includes(word[j + 1] ?? '')) j++;
        script += word[j];
        j++;
      }
      out.push({ text: sh.interp.substitute(script, sh), quoted: dq, split: !dq });
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

const EXPANDERS: WordExpanders = {
  word: expandWord,
  pattern: expandPattern,
  heredoc: expandHeredoc,
};
