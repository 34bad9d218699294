/**
 * BuildKit's word splitters, as its parser runs them: flags before the arguments, words with
 * their quotes kept (ENV, LABEL, ARG), whitespace-separated lists, and JSON arrays. Each word
 * keeps where it starts and ends in the string it came from.
 */

export interface Span {
  value: string;
  start: number;
  end: number;
}

/** Go's unicode.IsSpace. */
export function isSpace(ch: string): boolean {
  switch (ch) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case '\u0085':
    case '\u00a0':
      return true;
    default: {
      const c = ch.charCodeAt(0);
      return (
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000
      );
    }
  }
}

/** `[\t\v\f\r ]+`: the separator of instruction words. */
const WS = /[\t\v\f\r ]+/g;

/** Split on runs of blanks, keeping positions; like Go's regexp Split(s, -1) without empties at ends kept. */
export function splitWhitespace(s: string, limit = -1): Span[] {
  const out: Span[] = [];
  let last = 0;
  WS.lastIndex = 0;
  for (let m = WS.exec(s); m; m = WS.exec(s)) {
    if (limit > 0 && out.length === limit - 1) break;
    out.push({ value: s.slice(last, m.index), start: last, end: m.index });
    last = m.index + m[0].length;
  }
  out.push({ value: s.slice(last), start: last, end: s.length });
  return out;
}

/** The leading `--flag` words of an instruction and where the rest of the line starts. */
export function extractFlags(line: string): { flags: Span[]; restStart: number } {
  const flags: Span[] = [];
  let inWord = false;
  let inQuote = false;
  let quote = '';
  let word = '';
  let wordStart = 0;
  let blankOK = false;
  for (let pos = 0; pos <= line.length; pos++) {
    const ch = pos < line.length ? line[pos]! : '';
    if (!inWord && !inQuote) {
      if (pos === line.length) break;
      if (isSpace(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') {
        return { flags, restStart: pos };
      }
      inWord = true;
      wordStart = pos;
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOK || word.length > 0)) {
        flags.push({ value: word, start: wordStart, end: pos });
      }
      break;
    }
    if (inWord && !inQuote) {
      if (isSpace(ch)) {
        inWord = false;
        if (word === '--') return { flags, restStart: pos };
        if (blankOK || word.length > 0) flags.push({ value: word, start: wordStart, end: pos });
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        inQuote = true;
        continue;
      }
      let c = ch;
      if (c === '\\') {
        if (pos + 1 === line.length) continue;
        pos++;
        c = line[pos]!;
      }
      word += c;
      continue;
    }
    // in a quote
    if (ch === quote) {
      inQuote = false;
      continue;
    }
    let c = ch;
    if (c === '\\') {
      if (pos + 1 === line.length) {
        inQuote = false;
        continue;
      }
      pos++;
      c = line[pos]!;
    }
    word += c;
  }
  return { flags, restStart: line.length };
}

/** Words with their quotes and escapes kept (they are removed at expansion time). */
export function parseWords(rest: string, escape: string): Span[] {
  const words: Span[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let start = 0;
  let quote = '';
  let blankOK = false;
  for (let pos = 0; pos <= rest.length; pos++) {
    const ch = pos < rest.length ? rest[pos]! : '';
    if (phase === 'spaces') {
      if (pos === rest.length) break;
      if (isSpace(ch)) continue;
      phase = 'word';
      start = pos;
    }
    if (pos === rest.length) {
      if (blankOK || word.length > 0) words.push({ value: word, start, end: pos });
      break;
    }
    if (phase === 'word') {
      if (isSpace(ch)) {
        phase = 'spaces';
        if (blankOK || word.length > 0) words.push({ value: word, start, end: pos });
        word = '';
        blankOK = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
        phase = 'quote';
      }
      let c = ch;
      if (c === escape) {
        if (pos + 1 === rest.length) continue;
        word += c;
        pos++;
        c = rest[pos]!;
      }
      word += c;
      continue;
    }
    // in a quote
    if (ch === quote) phase = 'word';
    let c = ch;
    if (c === escape && quote !== "'") {
      if (pos + 1 === rest.length) {
        phase = 'word';
        continue;
      }
      pos++;
      word += c;
      c = rest[pos]!;
    }
    word += c;
  }
  return words;
}

export type JsonArray =
  | { ok: true; values: string[] }
  | { ok: false; notStrings: boolean; looksLikeJson: boolean; error: string };

/** An exec-form argument list: `["a", "b"]`. */
export function parseJsonArray(rest: string): JsonArray {
  const trimmed = rest.replace(/^[\s\u0085\u00a0]+/, '');
  if (!trimmed.startsWith('[')) {
    return { ok: false, notStrings: false, looksLikeJson: false, error: 'not a JSON array' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (e) {
    return {
      ok: false,
      notStrings: false,
      looksLikeJson: true,
      error: e instanceof Error ? e.message : String(e),
    };
  }
  if (!Array.isArray(parsed)) {
    return { ok: false, notStrings: false, looksLikeJson: true, error: 'not an array' };
  }
  if (!parsed.every((v): v is string => typeof v === 'string')) {
    return { ok: false, notStrings: true, looksLikeJson: true, error: 'not a string array' };
  }
  return { ok: true, values: parsed };
}
