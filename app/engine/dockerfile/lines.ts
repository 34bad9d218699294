/**
 * Reads a Dockerfile the way BuildKit's parser does: parser directives at the top, comments,
 * line continuations (with comments and empty lines inside them), heredoc bodies; and splits
 * each logical line into an AstNode. Never throws: problems become diagnostics and parsing goes
 * on with the next instruction. Splitting a line into a node is node.ts's (the parser extends
 * its NodeSplitter); finding heredocs on a line is heredoc.ts's.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Directive } from './ast.ts';
import { heredocWords } from './heredoc.ts';
import { NodeSplitter } from './node.ts';
import { JoinedLine, SourceText } from './source.ts';
import { isSpace } from './words.ts';

const VALID_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

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

export class AstParser extends NodeSplitter {
  readonly directives: Directive[] = [];
  readonly emptyContinuations: AstResult['emptyContinuations'] = [];
  private contRe = continuationRegex('\\');
  private directivesDone = false;
  private readonly lines: Line[];
  private readonly text: string;

  constructor(text: string) {
    super(new SourceText(text));
    this.text = text;
    this.lines = splitLines(text);
    const first = this.lines[0];
    if (first && first.text.startsWith('\uFEFF')) {
      this.lines[0] = { text: first.text.slice(1), offset: first.offset + 1 };
    }
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
}

export function parseAst(text: string): AstResult {
  return new AstParser(text).parse();
}
