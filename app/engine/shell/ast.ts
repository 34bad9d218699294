/**
 * The syntax tree of a POSIX shell script. Words stay as their raw source text (quotes and
 * `$` intact) because expansion depends on the state at the moment the command runs.
 */

export interface HereDoc {
  /** Filled in by the lexer once it reaches the line after the operator. */
  body: string;
  /** False when the delimiter was quoted (`<<'EOF'`): the body is taken literally. */
  expand: boolean;
  stripTabs: boolean;
  delimiter: string;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '>&' | '<&' | '<<' | '<<-';

export interface Redirect {
  fd: number | null;
  op: RedirOp;
  target: string;
  heredoc?: HereDoc;
}

export interface SimpleCommand {
  type: 'simple';
  assigns: string[];
  words: string[];
  redirects: Redirect[];
  line: number;
}

export interface Pipeline {
  type: 'pipeline';
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  type: 'andor';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  type: 'list';
  items: { node: AndOr; background: boolean }[];
}

export interface Group {
  type: 'group';
  body: List;
}
export interface Subshell {
  type: 'subshell';
  body: List;
}
export interface If {
  type: 'if';
  clauses: { cond: List; body: List }[];
  otherwise: List | null;
}
export interface For {
  type: 'for';
  name: string;
  /** null means `for x; do` (iterate over "$@"). */
  words: string[] | null;
  body: List;
}
export interface Loop {
  type: 'loop';
  until: boolean;
  cond: List;
  body: List;
}
export interface Case {
  type: 'case';
  word: string;
  items: { patterns: string[]; body: List }[];
}
export interface FuncDef {
  type: 'func';
  name: string;
  body: Command;
}

export type Compound = Group | Subshell | If | For | Loop | Case;

export interface Redirected {
  type: 'redirected';
  node: Compound;
  redirects: Redirect[];
}

export type Command = SimpleCommand | Compound | FuncDef | Redirected;
export type Node = List | AndOr | Pipeline | Command;
