/**
 * Heredocs on an instruction line (`RUN <<EOF`, `COPY <<a.txt /dst`), found as BuildKit's
 * heredocsFromLine finds them: shell words with quotes kept, `<<[-]NAME`, the name unquoted.
 */
import type { Heredoc } from './ast.ts';

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/** The heredocs a RUN/COPY/ADD line opens, in order (BuildKit's heredocsFromLine). */
export function heredocWords(line: string): Omit<Heredoc, 'content' | 'range'>[] {
  const out: Omit<Heredoc, 'content' | 'range'>[] = [];
  for (const raw of rawShellWords(line)) {
    const m = HEREDOC_WORD.exec(raw);
    if (!m || m[3] === '') continue;
    const rest = m[3]!;
    const unquoted = unquote(rest);
    if (unquoted === undefined || /[\s]/.test(unquoted) || unquoted === '') continue;
    out.push({
      name: unquoted,
      chomp: m[2] === '-',
      expand: !/['"\\]/.test(rest),
      fd: m[1] ? Number(m[1]) : 0,
    });
  }
  return out;
}

/** Shell words with quotes and escapes kept. */
function rawShellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      cur += c;
      if (c === '\\' && quote === '"' && i + 1 < line.length) cur += line[++i];
      else if (c === quote) quote = '';
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    cur += c;
    if (c === '\\' && i + 1 < line.length) cur += line[++i];
    else if (c === '"' || c === "'") quote = c;
  }
  if (inWord) words.push(cur);
  return words;
}

function unquote(word: string): string | undefined {
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < word.length) out += word[++i];
      else out += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\' && i + 1 < word.length) out += word[++i];
    else out += c;
  }
  return quote ? undefined : out;
}
