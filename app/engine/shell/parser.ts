import type {
  AndOr,
  Case,
  Command,
  Compound,
  For,
  HereDoc,
  If,
  List,
  Loop,
  Pipeline,
  RedirOp,
  Redirect,
  SimpleCommand,
} from './ast.ts';
import { Lexer, ShellSyntaxError } from './lexer.ts';
import { BudgetSignal } from './signals.ts';
import { TokenStream } from './tokens.ts';

export { ShellSyntaxError };

const RESERVED = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  '{',
  '}',
  '!',
]);
const REDIR_OPS = new Set(['<', '>', '>>', '>|', '<>', '>&', '<&', '<<', '<<-']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Deep nesting is legal shell, but the simulator refuses it before the JS stack does. */
const MAX_NESTING = 200;

/**
 * Parses a whole script into a list of commands.
 *
 * @example
 * const ast = parse('cd /app && make || echo failed');
 * ast.items[0]?.node.rest[0]?.op; // '&&'
 */
export function parse(src: string): List {
  const p = new Parser(src);
  const list = p.list(new Set());
  const t = p.peek();
  if (t.kind !== 'eof') p.unexpected(t);
  return list;
}

class Parser extends TokenStream {
  private depth = 0;

  constructor(src: string) {
    super(new Lexer(src));
  }

  /** A list ends at EOF, `)`, `;;` or one of the given reserved words. */
  list(terminators: Set<string>): List {
    const items: List['items'] = [];
    this.skipNewlines();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'eof' || this.isOp(t, ')') || this.isOp(t, ';;')) break;
      if (t.kind === 'word' && terminators.has(t.text)) break;
      const node = this.andOr();
      const sep = this.peek();
      if (this.isOp(sep, '&') || this.isOp(sep, ';')) {
        this.take();
        items.push({ node, background: sep.kind === 'op' && sep.text === '&' });
      } else if (sep.kind === 'newline') {
        items.push({ node, background: false });
      } else {
        items.push({ node, background: false });
        const after = this.peek();
        if (after.kind === 'word' && terminators.has(after.text)) break;
        if (after.kind === 'eof' || this.isOp(after, ')') || this.isOp(after, ';;')) break;
        this.unexpected(after);
      }
      this.skipNewlines();
    }
    return { type: 'list', items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && (t.text === '&&' || t.text === '||')) {
        this.take();
        this.skipNewlines();
        rest.push({ op: t.text, pipeline: this.pipeline() });
      } else return { type: 'andor', first, rest };
    }
  }

  private pipeline(): Pipeline {
    let bang = false;
    if (this.isWord(this.peek(), '!')) {
      this.take();
      bang = true;
    }
    const commands = [this.command()];
    while (this.isOp(this.peek(), '|')) {
      this.take();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { type: 'pipeline', bang, commands };
  }

  private command(): Command {
    if (++this.depth > MAX_NESTING)
      throw new BudgetSignal(
        'depth',
        `this script nests commands too deeply for the simulator (limit ${MAX_NESTING})`,
      );
    try {
      const t = this.peek();
      const compound = this.compound();
      if (compound) {
        const redirects = this.redirects();
        return redirects.length > 0 ? { type: 'redirected', node: compound, redirects } : compound;
      }
      if (t.kind === 'word' && RESERVED.has(t.text) && t.text !== '!') this.unexpected(t);
      if (t.kind !== 'word' && t.kind !== 'io' && !(t.kind === 'op' && REDIR_OPS.has(t.text))) {
        this.unexpected(t);
      }
      return this.simple();
    } finally {
      this.depth--;
    }
  }

  private compound(): Compound | null {
    const t = this.peek();
    if (this.isOp(t, '(')) {
      this.take();
      const body = this.list(new Set());
      if (!this.isOp(this.take(), ')')) throw new ShellSyntaxError("Missing ')'", t.line);
      return { type: 'subshell', body };
    }
    if (t.kind !== 'word') return null;
    switch (t.text) {
      case '{': {
        this.take();
        const body = this.list(new Set(['}']));
        this.expectWord('}');
        return { type: 'group', body };
      }
      case 'if':
        return this.ifClause();
      case 'while':
      case 'until': {
        this.take();
        const cond = this.list(new Set(['do']));
        this.expectWord('do');
        const body = this.list(new Set(['done']));
        this.expectWord('done');
        return { type: 'loop', until: t.text === 'until', cond, body } satisfies Loop;
      }
      case 'for':
        return this.forClause();
      case 'case':
        return this.caseClause();
      default:
        return null;
    }
  }

  private ifClause(): If {
    this.take();
    const clauses: If['clauses'] = [];
    let otherwise: List | null = null;
    for (;;) {
      const cond = this.list(new Set(['then']));
      this.expectWord('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      clauses.push({ cond, body });
      const t = this.take();
      if (this.isWord(t, 'elif')) continue;
      if (this.isWord(t, 'else')) {
        otherwise = this.list(new Set(['fi']));
        this.expectWord('fi');
      } else if (!this.isWord(t, 'fi')) this.unexpected(t, 'fi');
      return { type: 'if', clauses, otherwise };
    }
  }

  private forClause(): For {
    this.take();
    const nameTok = this.take();
    if (nameTok.kind !== 'word' || !NAME.test(nameTok.text)) {
      throw new ShellSyntaxError('Bad for loop variable', nameTok.line);
    }
    let words: string[] | null = null;
    this.skipNewlines();
    if (this.isWord(this.peek(), 'in')) {
      this.take();
      words = [];
      for (let t = this.peek(); t.kind === 'word'; t = this.peek()) {
        this.take();
        words.push(t.text);
      }
    }
    const sep = this.peek();
    if (this.isOp(sep, ';') || sep.kind === 'newline') this.take();
    this.skipNewlines();
    this.expectWord('do');
    const body = this.list(new Set(['done']));
    this.expectWord('done');
    return { type: 'for', name: nameTok.text, words, body };
  }

  private caseClause(): Case {
    this.take();
    const w = this.take();
    if (w.kind !== 'word') this.unexpected(w);
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    const items: Case['items'] = [];
    while (!this.isWord(this.peek(), 'esac')) {
      if (this.isOp(this.peek(), '(')) this.take();
      const patterns: string[] = [];
      for (;;) {
        const p = this.take();
        if (p.kind !== 'word') this.unexpected(p);
        patterns.push(p.text);
        const n = this.take();
        if (this.isOp(n, ')')) break;
        if (!this.isOp(n, '|')) this.unexpected(n);
      }
      const body = this.list(new Set(['esac']));
      items.push({ patterns, body });
      if (this.isOp(this.peek(), ';;')) this.take();
      else if (!this.isWord(this.peek(), 'esac')) this.unexpected(this.peek());
      this.skipNewlines();
    }
    this.take();
    return { type: 'case', word: w.text, items };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      let r: Redirect | null;
      if (t.kind === 'io') {
        this.take();
        r = this.redirect(t.fd);
      } else r = this.redirect(null);
      if (!r) return out;
      out.push(r);
    }
  }

  private redirect(fd: number | null): Redirect | null {
    const t = this.peek();
    if (t.kind !== 'op' || !REDIR_OPS.has(t.text)) return null;
    this.take();
    const target = this.take();
    if (target.kind !== 'word') this.unexpected(target);
    const op = t.text as RedirOp;
    if (op === '<<' || op === '<<-') {
      const quoted = /['"\\]/.test(target.text);
      const heredoc: HereDoc = {
        body: '',
        expand: !quoted,
        stripTabs: op === '<<-',
        delimiter: target.text.replace(/['"\\]/g, ''),
      };
      this.lexer.addHereDoc(heredoc);
      return { fd, op, target: target.text, heredoc };
    }
    return { fd, op, target: target.text };
  }

  private simple(): Command {
    const cmd: SimpleCommand = {
      type: 'simple',
      assigns: [],
      words: [],
      redirects: [],
      line: this.peek().line,
    };
    for (;;) {
      const t = this.peek();
      if (t.kind === 'word') {
        this.take();
        if (cmd.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(t.text)) {
          cmd.assigns.push(t.text);
          continue;
        }
        cmd.words.push(t.text);
        if (cmd.words.length === 1 && cmd.assigns.length === 0 && this.isOp(this.peek(), '(')) {
          return this.funcDef(cmd);
        }
        continue;
      }
      if (t.kind === 'io') {
        this.take();
        const r = this.redirect(t.fd);
        if (!r) this.unexpected(this.peek());
        cmd.redirects.push(r);
        continue;
      }
      const r = this.redirect(null);
      if (!r) break;
      cmd.redirects.push(r);
    }
    return cmd;
  }

  private funcDef(cmd: SimpleCommand): Command {
    const name = cmd.words[0] as string;
    cmd.words = [];
    this.take();
    if (!this.isOp(this.take(), ')'))
      throw new ShellSyntaxError('Syntax error: ")" expected', cmd.line);
    this.skipNewlines();
    const body = this.command();
    return { type: 'func', name, body };
  }
}
