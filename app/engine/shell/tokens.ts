import type { Lexer, Token } from './lexer.ts';
import { ShellSyntaxError } from './lexer.ts';

/** One-token lookahead over the lexer, with the checks and errors the parser shares. */
export class TokenStream {
  private ahead: Token | null = null;

  constructor(protected readonly lexer: Lexer) {}

  peek(): Token {
    this.ahead ??= this.lexer.next();
    return this.ahead;
  }
  protected take(): Token {
    const t = this.peek();
    this.ahead = null;
    return t;
  }
  protected isWord(t: Token, text: string): boolean {
    return t.kind === 'word' && t.text === text;
  }
  protected isOp(t: Token, text: string): boolean {
    return t.kind === 'op' && t.text === text;
  }
  unexpected(t: Token, expecting?: string): never {
    const what =
      t.kind === 'eof'
        ? 'end of file'
        : t.kind === 'newline'
          ? 'newline'
          : t.kind === 'io'
            ? `"${t.fd}"`
            : `"${t.text}"`;
    const suffix = expecting ? ` (expecting "${expecting}")` : '';
    throw new ShellSyntaxError(`${what} unexpected${suffix}`, t.line);
  }
  protected expectWord(text: string): void {
    const t = this.take();
    if (!this.isWord(t, text)) this.unexpected(t, text);
  }
  protected skipNewlines(): void {
    while (this.peek().kind === 'newline') this.take();
  }
}
