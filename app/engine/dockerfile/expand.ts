/**
 * BuildKit's variable expansion (its shell lexer, `ProcessWord`): `$V`, `${V}`, `${V:-x}`,
 * `${V-x}`, `${V:+x}`, `${V+x}`, `${V:?msg}`, `${V#pat}`, `${V%pat}` (and `##`, `%%`),
 * `${V/pat/repl}`, single and double quotes, and the escape character. Used for the
 * instructions Docker expands (FROM, COPY, ENV, WORKDIR, ...), never for RUN/CMD/ENTRYPOINT,
 * which the shell expands at run time. Reports every name it read, so the cache and the
 * "ARG before FROM" check know which variables an instruction depends on.
 */

export class ExpansionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpansionError';
  }
}

export interface ExpandOptions {
  escape?: string;
  /** Leave unset variables as written (BuildKit does this when it scans heredoc names). */
  skipUnset?: boolean;
  /** Keep quotes in the result (for finding words, not values). */
  rawQuotes?: boolean;
  /**
   * Keep escape characters in the result; unset: as rawQuotes. BuildKit names a RUN step with
   * quotes kept but escapes processed (RawQuotes without RawEscapes in its lexer).
   */
  rawEscapes?: boolean;
}

const MAX_DEPTH = 200;

class Lexer {
  pos = 0;
  depth = 0;
  readonly used: string[] = [];
  constructor(
    readonly src: string,
    readonly env: ReadonlyMap<string, string>,
    readonly escape: string,
    readonly opts: ExpandOptions,
  ) {}

  get rawEscapes(): boolean {
    return this.opts.rawEscapes ?? this.opts.rawQuotes ?? false;
  }

  peek(): string {
    return this.src[this.pos] ?? '';
  }
  next(): string {
    return this.src[this.pos++] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.src.length;
  }

  get(name: string): string | undefined {
    this.used.push(name);
    return this.env.get(name);
  }

  /** Reads up to (and consuming) `stop`, or to the end when stop is ''. Splits words when asked. */
  processStopOn(stop: string, words?: string[]): { text: string; found: boolean } {
    if (++this.depth > MAX_DEPTH) {
      throw new ExpansionError(
        `variable expansion nests more than ${MAX_DEPTH} levels deep; the simulator stops there`,
      );
    }
    let result = '';
    let found = false;
    let inWord = false;
    while (!this.eof()) {
      const ch = this.peek();
      if (stop !== '' && ch === stop) {
        this.next();
        found = true;
        break;
      }
      if (words && (ch === ' ' || ch === '\t' || ch === '\n')) {
        this.next();
        if (inWord) words.push(result);
        result = '';
        inWord = false;
        continue;
      }
      inWord = true;
      if (ch === "'") result += this.processSingleQuote();
      else if (ch === '"') result += this.processDoubleQuote();
      else if (ch === '$') result += this.processDollar();
      else {
        let c = this.next();
        if (c === this.escape) {
          if (this.eof()) break;
          if (this.rawEscapes) result += c;
          c = this.next();
        }
        result += c;
      }
    }
    if (words && inWord) words.push(result);
    this.depth--;
    return { text: result, found };
  }

  processSingleQuote(): string {
    this.next();
    let result = this.opts.rawQuotes ? "'" : '';
    for (;;) {
      if (this.eof()) {
        throw new ExpansionError(
          'unexpected end of statement while looking for matching single-quote',
        );
      }
      const ch = this.next();
      if (ch === "'") break;
      result += ch;
    }
    return this.opts.rawQuotes ? result + "'" : result;
  }

  processDoubleQuote(): string {
    this.next();
    let result = this.opts.rawQuotes ? '"' : '';
    for (;;) {
      if (this.eof()) {
        throw new ExpansionError(
          'unexpected end of statement while looking for matching double-quote',
        );
      }
      const ch = this.peek();
      if (ch === '"') {
        this.next();
        break;
      }
      if (ch === '$') {
        result += this.processDollar();
        continue;
      }
      let c = this.next();
      if (c === this.escape) {
        const n = this.peek();
        if (n === '') continue;
        if (n === '"' || n === '$' || n === this.escape) {
          if (this.rawEscapes) result += c;
          c = this.next();
        }
      }
      result += c;
    }
    return this.opts.rawQuotes ? result + '"' : result;
  }

  processName(): string {
    let name = '';
    while (!this.eof()) {
      const ch = this.peek();
      if (name === '' && /[0-9]/.test(ch)) {
        while (!this.eof() && /[0-9]/.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && /[*#@?$!-]/.test(ch)) return this.next();
      if (!/[\p{L}\p{Nd}_]/u.test(ch)) break;
      name += this.next();
    }
    return name;
  }

  processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const value = this.get(name);
      if (value === undefined && this.opts.skipUnset) return '$' + name;
      return value ?? '';
    }
    this.next();
    const first = this.peek();
    if (first === '') throw new ExpansionError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') {
      throw new ExpansionError('syntax error: bad substitution');
    }
    const name = this.processName();
    const ch = this.next();
    if (ch === '}') {
      const value = this.get(name);
      if (value === undefined && this.opts.skipUnset) return '${' + name + '}';
      return value ?? '';
    }
    if (ch === '') throw new ExpansionError("syntax error: missing '}'");
    const word = (): string => {
      const r = this.processStopOn('}');
      if (!r.found) throw new ExpansionError("syntax error: missing '}'");
      return r.text;
    };
    if (ch === ':') {
      const modifier = this.next();
      const w = word();
      const value = this.get(name);
      if (this.opts.skipUnset && value === undefined) return '${' + name + ':' + modifier + w + '}';
      switch (modifier) {
        case '+':
          return value ? w : '';
        case '-':
          return value ? value : w;
        case '?':
          if (!value) throw new ExpansionError(`${name}: ${w || 'is not allowed to be empty'}`);
          return value;
        default:
          throw new ExpansionError(`unsupported modifier (${modifier}) in substitution`);
      }
    }
    if (ch === '-' || ch === '+' || ch === '?') {
      const w = word();
      const value = this.get(name);
      if (this.opts.skipUnset && value === undefined) return '${' + name + ch + w + '}';
      if (ch === '-') return value ?? w;
      if (ch === '+') return value !== undefined ? w : '';
      if (value === undefined)
        throw new ExpansionError(`${name}: ${w || 'is not allowed to be unset'}`);
      return value;
    }
    if (ch === '#' || ch === '%') {
      const longest = this.peek() === ch;
      if (longest) this.next();
      const pattern = word();
      const value = this.get(name) ?? '';
      return trimPattern(value, pattern, ch === '#' ? 'prefix' : 'suffix', longest);
    }
    if (ch === '/') {
      const all = this.peek() === '/';
      if (all) this.next();
      const pat = this.processStopOn('/');
      let repl = '';
      if (pat.found) repl = word();
      else if (this.src[this.pos - 1] !== '}')
        throw new ExpansionError("syntax error: missing '}'");
      const value = this.get(name) ?? '';
      return replacePattern(value, pat.text, repl, all);
    }
    throw new ExpansionError(`unsupported modifier (${ch}) in substitution`);
  }
}

function globToRegExpSource(glob: string): string {
  let out = '';
  for (const c of glob) {
    if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return out;
}

function trimPattern(value: string, pattern: string, side: 'prefix' | 'suffix', longest: boolean) {
  const re = new RegExp(`^${globToRegExpSource(pattern)}$`);
  if (side === 'prefix') {
    const lengths = [...Array(value.length + 1).keys()];
    if (longest) lengths.reverse();
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n);
  } else {
    const starts = [...Array(value.length + 1).keys()];
    if (!longest) starts.reverse();
    for (const s of starts) if (re.test(value.slice(s))) return value.slice(0, s);
  }
  return value;
}

function replacePattern(value: string, pattern: string, repl: string, all: boolean): string {
  if (pattern === '') return value;
  const re = new RegExp(globToRegExpSource(pattern), all ? 'g' : '');
  return value.replace(re, () => repl);
}

export interface Expanded {
  value: string;
  used: string[];
}

/** Expands one word (spaces kept), as Docker does for WORKDIR, ENV values, COPY paths ... */
export function expandWord(
  word: string,
  env: ReadonlyMap<string, string>,
  opts: ExpandOptions = {},
): Expanded {
  const lx = new Lexer(word, env, opts.escape ?? '\\', opts);
  const { text } = lx.processStopOn('');
  return { value: text, used: [...new Set(lx.used)] };
}

/** Expands and splits into words at unquoted blanks (as for EXPOSE, VOLUME, heredoc names). */
export function expandWords(
  text: string,
  env: ReadonlyMap<string, string>,
  opts: ExpandOptions = {},
): { words: string[]; used: string[] } {
  const lx = new Lexer(text, env, opts.escape ?? '\\', opts);
  const words: string[] = [];
  lx.processStopOn('', words);
  return { words, used: [...new Set(lx.used)] };
}

/** Never throws: an expansion error becomes the message. */
export function tryExpandWord(
  word: string,
  env: ReadonlyMap<string, string>,
  opts: ExpandOptions = {},
): Expanded & { error?: string } {
  try {
    return expandWord(word, env, opts);
  } catch (e) {
    if (e instanceof ExpansionError) return { value: word, used: [], error: e.message };
    throw e;
  }
}
