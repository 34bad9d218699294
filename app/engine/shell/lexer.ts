import type { HereDoc } from './ast.ts';

export type Token =
  | { kind: 'word'; text: string; line: number }
  | { kind: 'op'; text: string; line: number }
  | { kind: 'io'; fd: number; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'eof'; line: number };

/** A syntax error, reported as dash does: `/bin/sh: 1: Syntax error: ...`. */
export class ShellSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'ShellSyntaxError';
    this.line = line;
  }
}

const OPERATORS = [
  '<<-',
  '&&',
  '||',
  ';;',
  '<<',
  '>>',
  '>&',
  '<&',
  '>|',
  '<>',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/**
 * Splits shell source into tokens on demand. Heredoc bodies are read lazily: the parser
 * registers a heredoc when it sees `<<WORD`, and its body is taken from the lines that
 * follow the next newline, just before the token after that newline is produced.
 */
export class Lexer {
  private pos = 0;
  line = 1;
  private pending: HereDoc[] = [];
  private bodiesDue = false;

  constructor(private readonly src: string) {}

  addHereDoc(doc: HereDoc): void {
    this.pending.push(doc);
  }

  next(): Token {
    if (this.bodiesDue) this.readHereDocs();
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r') this.pos++;
      else if (c === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else break;
    }
    const line = this.line;
    if (this.pos >= s.length) {
      if (this.pending.length > 0) this.readHereDocs();
      return { kind: 'eof', line };
    }
    if (s[this.pos] === '\n') {
      this.pos++;
      this.line++;
      if (this.pending.length > 0) this.bodiesDue = true;
      return { kind: 'newline', line };
    }
    for (const op of OPERATORS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { kind: 'op', text: op, line };
      }
    }
    const word = this.readWord();
    // POSIX IO_NUMBER: digits glued to a redirection operator name the fd (`2>&1`).
    if (/^\d+$/.test(word) && (s[this.pos] === '<' || s[this.pos] === '>')) {
      return { kind: 'io', fd: Number(word), line };
    }
    return { kind: 'word', text: word, line };
  }

  private readWord(): string {
    const s = this.src;
    const start = this.pos;
    while (this.pos < s.length) {
      const c = s[this.pos] as string;
      if (META.has(c)) break;
      this.skipUnit();
    }
    return s.slice(start, this.pos);
  }

  /** Advances over one character or one quoted/substituted unit starting at pos. */
  private skipUnit(): void {
    const s = this.src;
    const c = s[this.pos];
    if (c === '\\') {
      if (s[this.pos + 1] === '\n') this.line++;
      this.pos += 2;
    } else if (c === "'") {
      const end = s.indexOf("'", this.pos + 1);
      if (end < 0) throw new ShellSyntaxError('Unterminated quoted string', this.line);
      this.countLines(this.pos, end);
      this.pos = end + 1;
    } else if (c === '"') {
      this.pos++;
      while (s[this.pos] !== '"') {
        if (this.pos >= s.length)
          throw new ShellSyntaxError('Unterminated quoted string', this.line);
        if (s[this.pos] === '$' || s[this.pos] === '`' || s[this.pos] === '\\') this.skipUnit();
        else {
          if (s[this.pos] === '\n') this.line++;
          this.pos++;
        }
      }
      this.pos++;
    } else if (c === '`') {
      this.pos++;
      while (s[this.pos] !== '`') {
        if (this.pos >= s.length)
          throw new ShellSyntaxError('EOF in backquote substitution', this.line);
        if (s[this.pos] === '\\') this.pos++;
        else if (s[this.pos] === '\n') this.line++;
        this.pos++;
      }
      this.pos++;
    } else if (c === '$' && (s[this.pos + 1] === '(' || s[this.pos + 1] === '{')) {
      const open = s[this.pos + 1] as string;
      const close = open === '(' ? ')' : '}';
      this.pos += 2;
      let depth = 1;
      while (depth > 0) {
        if (this.pos >= s.length) throw new ShellSyntaxError(`Missing '${close}'`, this.line);
        const d = s[this.pos];
        if (d === open) {
          depth++;
          this.pos++;
        } else if (d === close) {
          depth--;
          this.pos++;
        } else if (d === '#' && open === '(' && /[\s(]/.test(s[this.pos - 1] ?? ' ')) {
          while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        } else if (d === "'" && open === '{') {
          this.skipUnit();
        } else this.skipUnit();
      }
    } else {
      if (c === '\n') this.line++;
      this.pos++;
    }
  }

  private countLines(from: number, to: number): void {
    for (let i = from; i < to; i++) if (this.src[i] === '\n') this.line++;
  }

  private readHereDocs(): void {
    this.bodiesDue = false;
    const s = this.src;
    for (const doc of this.pending) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= s.length) break;
        let end = s.indexOf('\n', this.pos);
        if (end < 0) end = s.length;
        let text = s.slice(this.pos, end);
        this.pos = Math.min(end + 1, s.length);
        this.line++;
        if (doc.stripTabs) text = text.replace(/^\t+/, '');
        if (text.replace(/\r$/, '') === doc.delimiter) break;
        lines.push(text);
      }
      doc.body = lines.length > 0 ? lines.join('\n') + '\n' : '';
    }
    this.pending = [];
  }
}
