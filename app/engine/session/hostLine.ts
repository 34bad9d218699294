/**
 * The lab's terminal line as a shell would read it, for the docker commands learners chain:
 * `docker build -t app . && docker run app`, `docker ps -a; docker images`,
 * `docker rm -f $(docker ps -aq)`, `docker images | grep app`. Only what those need: `&&`,
 * `||` and `;` between commands, `|` into a few text filters (filters.ts), and `$(...)`
 * command substitution outside single quotes. Quotes are kept for the word splitter.
 */

export type Joiner = '&&' | '||' | ';';

export interface HostLine {
  /** The commands in order, each with how it joins the one before (the first: ';'). */
  commands: { text: string; after: Joiner }[];
}

/**
 * Splits `text` wherever `separator` finds one outside quotes and `$(...)`: the pieces (trimmed)
 * with the separator before each ('' for the first), or why the text does not end cleanly.
 */
function splitOutside(
  text: string,
  separator: (text: string, at: number) => string | undefined,
): { pieces: { text: string; before: string }[] } | { error: string } {
  const pieces: { text: string; before: string }[] = [];
  let quote: '"' | "'" | null = null;
  let depth = 0;
  let start = 0;
  let before = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
    } else if (ch === '\\') i++;
    else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '$' && text[i + 1] === '(') {
      depth++;
      i++;
    } else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) {
      const sep = separator(text, i);
      if (sep) {
        pieces.push({ text: text.slice(start, i).trim(), before });
        before = sep;
        i += sep.length - 1;
        start = i + 1;
      }
    }
  }
  if (quote)
    return {
      error: `unexpected end of line: the ${quote === '"' ? 'double' : 'single'} quote is not closed`,
    };
  if (depth > 0) return { error: 'unexpected end of line: a $( is not closed' };
  pieces.push({ text: text.slice(start).trim(), before });
  return { pieces };
}

/** Splits a line at `&&`, `||` and `;` outside quotes and `$(...)`. */
export function splitHostLine(line: string): HostLine | { error: string } {
  const split = splitOutside(line, (text, i) => {
    const two = text.slice(i, i + 2);
    return two === '&&' || two === '||' ? two : text[i] === ';' ? ';' : undefined;
  });
  if ('error' in split) return split;
  const commands: HostLine['commands'] = [];
  const last = split.pieces.length - 1;
  for (const [n, { text, before }] of split.pieces.entries()) {
    const after = (before || ';') as Joiner;
    if (text !== '') commands.push({ text, after });
    else if (n < last) {
      const next = split.pieces[n + 1]!.before;
      return { error: `syntax error near unexpected token \`${next}'` };
    } else if (after !== ';') return { error: `syntax error: nothing after \`${after}'` };
  }
  return { commands };
}

/**
 * Replaces each `$(...)` outside single quotes with what `run` prints for it, as a shell does
 * (trailing newlines dropped; unquoted, the words split again later).
 */
export function substitute(text: string, run: (inner: string) => string): string {
  let out = '';
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      out += ch;
      continue;
    }
    if (ch === '\\') {
      out += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quote = quote === '"' ? null : '"';
    else if (ch === "'" && quote === null) quote = "'";
    if (ch === '$' && text[i + 1] === '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < text.length && depth > 0; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')') depth--;
      }
      const printed = run(text.slice(i + 2, j - 1)).replace(/\n+$/, '');
      out += quote === '"' ? printed : printed.replace(/\s+/g, ' ');
      i = j - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** Whether a line needs the host-line handling at all. */
export const isCompound = (line: string): boolean => /&&|\||;|\$\(/.test(line);

/** The stages of a pipeline: `docker images | grep app` is `docker images`, `grep app`. */
export function splitPipeline(text: string): string[] {
  const split = splitOutside(text, (t, i) => (t[i] === '|' ? '|' : undefined));
  return 'error' in split ? [text] : split.pieces.map((p) => p.text);
}
