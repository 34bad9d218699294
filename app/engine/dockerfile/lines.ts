/**
 * Reads a Dockerfile the way BuildKit's parser does: parser directives at the top, comments,
 * line continuations (with comments and empty lines inside them), heredoc bodies; and splits
 * each logical line into an AstNode. Never throws: problems become diagnostics and parsing goes
 * on with the next instruction.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Directive, Heredoc, Word } from './ast.ts';
import { JoinedLine, SourceText } from './source.ts';

/**
 * A word whose range is computed on first use: a long Dockerfile has tens of thousands of words
 * and most ranges are never read, so the parser keeps offsets and makes positions lazily.
 */
class SourceWord implements Word {
  private cached: SourceRange | undefined;
  constructor(
    readonly value: string,
    private readonly source: SourceText,
    private readonly start: number,
    private readonly end: number,
  ) {}
  get range(): SourceRange {
    return (this.cached ??= this.source.range(this.start, this.end));
  }
}
import { extractFlags, isSpace, parseJsonArray, parseWords, splitWhitespace } from './words.ts';

const VALID_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

export interface AstResult {
  source: SourceText;
  nodes: AstNode[];
  directives: Directive[];
  escape: string;
  diagnostics: Diagnostic[];
  /**
   * Instructions with an empty line inside their continuation (BuildKit's parser warnings):
   * `line` is the instruction's last line, where BuildKit reports it; `text` the joined line the
   * classic builder quotes.
   */
  emptyContinuations: { line: number; range: SourceRange; text: string }[];
}

function trimLeft(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s[i]!)) i++;
  return i;
}

function trimSpan(s: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(s[start]!)) start++;
  while (end > start && isSpace(s[end - 1]!)) end--;
  return [start, end];
}

function continuationRegex(escape: string): RegExp {
  const e = escape === '\\' ? '\\\\' : escape;
  return new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`);
}

interface Line {
  text: string;
  offset: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    let e = end;
    while (e > start && text[e - 1] === '\r') e--;
    if (nl === -1) {
      if (start < text.length) lines.push({ text: text.slice(start, e), offset: start });
      break;
    }
    lines.push({ text: text.slice(start, e), offset: start });
    start = nl + 1;
  }
  return lines;
}

export class AstParser {
  readonly source: SourceText;
  readonly diagnostics: Diagnostic[] = [];
  readonly directives: Directive[] = [];
  readonly emptyContinuations: AstResult['emptyContinuations'] = [];
  escape = '\\';
  private contRe = continuationRegex('\\');
  private directivesDone = false;
  private readonly lines: Line[];
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.source = new SourceText(text);
    this.lines = splitLines(text);
    const first = this.lines[0];
    if (first && first.text.startsWith('\uFEFF')) {
      this.lines[0] = { text: first.text.slice(1), offset: first.offset + 1 };
    }
  }

  private diag(
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    hint: string | undefined,
    range: SourceRange,
    docker?: string,
  ): void {
    this.diagnostics.push({
      code,
      severity,
      message,
      ...(hint !== undefined ? { hint } : {}),
      ...(docker !== undefined ? { docker } : {}),
      range,
    });
  }

  private lineEnd(index: number): number {
    const l = this.lines[index];
    return l ? l.offset + l.text.length : this.text.length;
  }

  private directive(token: string, offset: number): boolean {
    if (this.directivesDone) return false;
    const m = DIRECTIVE.exec(token);
    if (!m || !VALID_DIRECTIVES.has(m[1]!.toLowerCase())) {
      this.directivesDone = true;
      return false;
    }
    const name = m[1]!.toLowerCase();
    const value = m[2]!;
    const range = this.source.range(offset, offset + token.length);
    if (this.directives.some((d) => d.name === name)) {
      this.diag(
        'duplicate-directive',
        'error',
        `The ${name} parser directive appears twice; only the first one counts.`,
        'Remove the second one.',
        range,
        `only one ${name} parser directive can be used`,
      );
      return true;
    }
    this.directives.push({ name, value, range });
    if (name === 'escape') {
      if (value !== '\\' && value !== '`') {
        this.diag(
          'invalid-escape',
          'error',
          `The escape character must be \\ or \` (backtick), not ${value}.`,
          'Write `# escape=`` ` (for Windows paths) or remove the line.',
          range,
          `invalid ESCAPE '${value}'. Must be \` or \\`,
        );
      } else {
        this.escape = value;
        this.contRe = continuationRegex(value);
      }
    }
    return true;
  }

  private trimContinuation(s: string): { text: string; cont: boolean } {
    if (this.contRe.test(s)) return { text: s.replace(this.contRe, '$1'), cont: true };
    return { text: s, cont: false };
  }

  parse(): AstResult {
    const nodes: AstNode[] = [];
    let comments: string[] = [];
    let i = 0;
    const n = this.lines.length;
    while (i < n) {
      const line = this.lines[i]!;
      const lead = trimLeft(line.text);
      const token = line.text.slice(lead);
      const tokenOffset = line.offset + lead;
      const isComment = token.startsWith('#');
      const isDirective = this.directive(token, tokenOffset);
      if (isComment && !isDirective) {
        const c = token.slice(1).trim();
        comments = c === '' ? [] : [...comments, c];
      }
      i++;
      const startIndex = i - 1;
      const first = this.trimContinuation(isComment ? '' : token);
      if (!first.cont && first.text.length === 0) continue;
      const joined = new JoinedLine();
      joined.append(first.text, tokenOffset);
      let cont = first.cont;
      let emptyContinuation = false;
      while (cont && i < n) {
        const l = this.lines[i]!;
        i++;
        const lt = l.text.slice(trimLeft(l.text));
        if (lt.startsWith('#')) continue;
        if (lt.length === 0) {
          emptyContinuation = true;
          continue;
        }
        const t = this.trimContinuation(l.text);
        joined.append(t.text, l.offset);
        cont = t.cont;
      }
      if (emptyContinuation) {
        const range = this.source.range(tokenOffset, this.lineEnd(i - 1));
        this.emptyContinuations.push({ line: range.end.line, range, text: joined.text });
      }
      const node = this.node(joined, comments);
      comments = [];
      if (!node) continue;
      if (['RUN', 'COPY', 'ADD'].includes(node.keyword) && joined.text.includes('<<')) {
        for (const h of heredocWords(joined.text)) {
          const bodyStart = i < n ? this.lines[i]!.offset : this.text.length;
          let content = '';
          let terminated = false;
          while (i < n) {
            const l = this.lines[i]!;
            i++;
            const candidate = h.chomp ? l.text.replace(/^\t+/, '') : l.text;
            if (candidate === h.name) {
              terminated = true;
              break;
            }
            const nextOffset = i < n ? this.lines[i]!.offset : this.text.length;
            content += this.text.slice(l.offset, nextOffset);
          }
          const range = this.source.range(bodyStart, this.lineEnd(i - 1));
          if (!terminated) {
            this.diag(
              'unterminated-heredoc',
              'error',
              `The heredoc <<${h.name} is never closed: no line with just ${h.name} follows it.`,
              `Add a line containing only ${h.name} where the text should end.`,
              this.source.range(node.cmd.range.start.offset, this.text.length),
              'unterminated heredoc',
            );
          }
          node.heredocs.push({ ...h, content, range });
        }
      }
      node.range = this.source.range(node.cmd.range.start.offset, this.lineEnd(i - 1));
      void startIndex;
      nodes.push(node);
    }
    if (nodes.length === 0) {
      this.diag(
        'empty-dockerfile',
        'error',
        'This Dockerfile has no instructions yet.',
        'Start with a FROM line, for example: FROM debian:bookworm-slim',
        this.source.range(this.text.length, this.text.length),
        'file with no instructions',
      );
    }
    return {
      source: this.source,
      nodes,
      directives: this.directives,
      escape: this.escape,
      diagnostics: this.diagnostics,
      emptyContinuations: this.emptyContinuations,
    };
  }

  private word(joined: JoinedLine, value: string, start: number, end: number): Word {
    const [s, e] = joined.sourceSpan(start, end);
    return new SourceWord(value, this.source, s, e);
  }

  /** newNodeFromLine: instruction word, flags, then the arguments as the instruction splits them. */
  node(joined: JoinedLine, comments: string[], offset = 0): AstNode | undefined {
    const line = joined.text;
    const [ls, le] = trimSpan(line, offset, line.length);
    if (ls === le) return undefined;
    const head = splitWhitespace(line.slice(ls, le), 2);
    const cmdSpan = head[0]!;
    const cmd = this.word(joined, cmdSpan.value, ls + cmdSpan.start, ls + cmdSpan.end);
    const keyword = cmdSpan.value.toUpperCase();
    let flags: Word[] = [];
    let restStart = le;
    if (head.length === 2) {
      const argsStart = ls + head[1]!.start;
      const argText = line.slice(argsStart, le);
      const ex = extractFlags(argText);
      flags = ex.flags.map((f) =>
        this.word(joined, f.value, argsStart + f.start, argsStart + f.end),
      );
      restStart = argsStart + ex.restStart;
    }
    const [rs, re] = trimSpan(line, restStart, le);
    const rest = this.word(joined, line.slice(rs, re), rs, re);
    const node: AstNode = {
      cmd,
      keyword,
      flags,
      args: [],
      json: false,
      rest,
      sub: undefined,
      heredocs: [],
      original: line.slice(ls, le),
      range: this.source.range(cmd.range.start.offset, rest.range.end.offset),
      comments,
    };
    const at = (s: number, e: number, v?: string) => this.word(joined, v ?? line.slice(s, e), s, e);
    const text = rest.value;
    const restWords = () =>
      text === '' ? [] : splitWhitespace(text).map((w) => at(rs + w.start, rs + w.end));
    const maybeJson = (toList: boolean) => {
      if (!toList && text === '') return;
      const j = parseJsonArray(text);
      if (j.ok) {
        node.json = true;
        node.args = j.values.map((v) => ({ value: v, range: rest.range }));
        return;
      }
      if (j.notStrings) {
        this.diag(
          'json-not-strings',
          'error',
          `The JSON array of ${keyword} may hold only strings in double quotes.`,
          'Write every element as a "string", e.g. ["echo", "hello"].',
          rest.range,
          'when using JSON array syntax, arrays must be comprised of strings only',
        );
        return;
      }
      if (j.looksLikeJson) {
        this.diag(
          'json-fallback',
          'warning',
          `This ${keyword} looks like a JSON array but is not valid JSON (${j.error}), so Docker runs it as a shell command instead.`,
          'Use double quotes around every element and commas between them: ["executable", "arg"].',
          rest.range,
        );
      }
      node.args = toList ? restWords() : [rest];
    };
    switch (keyword) {
      case 'ADD':
      case 'COPY':
      case 'VOLUME':
        maybeJson(true);
        break;
      case 'CMD':
      case 'ENTRYPOINT':
      case 'RUN':
      case 'SHELL':
        maybeJson(false);
        break;
      case 'EXPOSE':
      case 'FROM':
        node.args = restWords();
        break;
      case 'MAINTAINER':
      case 'STOPSIGNAL':
      case 'USER':
      case 'WORKDIR':
        node.args = text === '' ? [] : [rest];
        break;
      case 'ARG':
        node.args = parseWords(text, this.escape).map((w) => at(rs + w.start, rs + w.end, w.value));
        break;
      case 'ENV':
      case 'LABEL':
        this.nameValues(node, text, rs, at);
        break;
      case 'HEALTHCHECK':
        this.healthcheck(node, text, rs, at, joined);
        break;
      case 'ONBUILD': {
        if (text === '') break;
        const sub = this.node(joined, [], rs);
        if (sub) {
          node.sub = sub;
          if (sub.keyword === 'ONBUILD' || sub.keyword === 'FROM' || sub.keyword === 'MAINTAINER') {
            // checked in instructions.ts, with the other meaning checks
          }
        }
        break;
      }
      default:
        break;
    }
    return node;
  }

  private nameValues(
    node: AstNode,
    text: string,
    rs: number,
    at: (s: number, e: number, v?: string) => Word,
  ): void {
    const words = parseWords(text, this.escape);
    if (words.length === 0) return;
    const first = words[0]!;
    if (!first.value.includes('=')) {
      const parts = splitWhitespace(text, 2);
      if (parts.length < 2) {
        this.diag(
          'missing-value',
          'error',
          `${node.keyword} ${first.value} needs a value.`,
          `Write ${node.keyword} ${first.value}=value (or ${node.keyword} ${first.value}="" for an empty one).`,
          node.rest.range,
          `${node.keyword} must have two arguments`,
        );
        return;
      }
      const [k, v] = [parts[0]!, parts[1]!];
      node.args = [
        at(rs + k.start, rs + k.end),
        at(rs + v.start, rs + v.end),
        at(rs + v.end, rs + v.end, ''),
      ];
      return;
    }
    for (const w of words) {
      const eq = w.value.indexOf('=');
      if (eq === -1) {
        this.diag(
          'missing-equals',
          'error',
          `${w.value} has no "=": once one pair uses name=value, all of them must.`,
          `Write ${w.value}=value.`,
          at(rs + w.start, rs + w.end).range,
          `Syntax error - can't find = in ${JSON.stringify(w.value)}. Must be of the form: name=value`,
        );
        continue;
      }
      const keyEnd = rs + w.start + w.value.slice(0, eq).length;
      node.args.push(
        at(rs + w.start, keyEnd, w.value.slice(0, eq)),
        at(keyEnd + 1, rs + w.end, w.value.slice(eq + 1)),
        at(keyEnd, keyEnd + 1, '='),
      );
    }
  }

  private healthcheck(
    node: AstNode,
    text: string,
    rs: number,
    at: (s: number, e: number, v?: string) => Word,
    joined: JoinedLine,
  ): void {
    let sep = 0;
    while (sep < text.length && !isSpace(text[sep]!)) sep++;
    let next = sep;
    while (next < text.length && isSpace(text[next]!)) next++;
    if (sep === 0) return;
    node.args.push(at(rs, rs + sep));
    const cmd = text.slice(next);
    if (cmd === '') return;
    const j = parseJsonArray(cmd);
    if (j.ok) {
      node.json = true;
      const r = at(rs + next, rs + text.length).range;
      for (const v of j.values) node.args.push({ value: v, range: r });
      return;
    }
    if (j.notStrings) {
      this.diag(
        'json-not-strings',
        'error',
        'The JSON array of HEALTHCHECK CMD may hold only strings in double quotes.',
        'Write every element as a "string".',
        at(rs + next, rs + text.length).range,
        'when using JSON array syntax, arrays must be comprised of strings only',
      );
      return;
    }
    void joined;
    node.args.push(at(rs + next, rs + text.length));
  }
}

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

export function parseAst(text: string): AstResult {
  return new AstParser(text).parse();
}
