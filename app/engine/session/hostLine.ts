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

/** Splits a line at `&&`, `||` and `;` outside quotes and `$(...)`; null when it has none. */
export function splitHostLine(line: string): HostLine | { error: string } {
  const commands: HostLine['commands'] = [];
  let quote: '"' | "'" | null = null;
  let depth = 0;
  let start = 0;
  let after: Joiner = ';';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"') i++;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '$' && line[i + 1] === '(') {
      depth++;
      i++;
    } else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) {
      const two = line.slice(i, i + 2);
      const op: Joiner | undefined =
        two === '&&' ? '&&' : two === '||' ? '||' : ch === ';' ? ';' : undefined;
      if (op) {
        const text = line.slice(start, i).trim();
        if (text === '') return { error: `syntax error near unexpected token \`${op}'` };
        commands.push({ text, after });
        after = op;
        i += op.length - 1;
        start = i + 1;
      }
    }
  }
  if (quote)
    return {
      error: `unexpected end of line: the ${quote === '"' ? 'double' : 'single'} quote is not closed`,
    };
  if (depth > 0) return { error: 'unexpected end of line: a $( is not closed' };
  const rest = line.slice(start).trim();
  if (rest !== '') commands.push({ text: rest, after });
  else if (after !== ';') return { error: `syntax error: nothing after \`${after}'` };
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
  const stages: string[] = [];
  let quote: '"' | "'" | null = null;
  let depth = 0;
  let start = 0;
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
    else if (ch === '|' && depth === 0) {
      stages.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  stages.push(text.slice(start).trim());
  return stages;
}
