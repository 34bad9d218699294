/**
 * The syntax tree BuildKit's parser builds (one node per instruction, arguments as it splits
 * them), with a source range on everything. Made by lines.ts; printed by dump.ts; given meaning
 * by instructions.ts.
 */
import type { SourceRange } from '../common/diagnostics.ts';

export interface Word {
  value: string;
  range: SourceRange;
}

export interface Heredoc {
  /** The delimiter, quotes removed. */
  name: string;
  /** The body, each line with its line break; leading tabs kept (removed at build time for `<<-`). */
  content: string;
  /** `<<-`: leading tabs are stripped from the body and the delimiter line. */
  chomp: boolean;
  /** False when the delimiter was quoted: no variable expansion in the body. */
  expand: boolean;
  fd: number;
  /** The body and the closing delimiter line. */
  range: SourceRange;
}

export interface Directive {
  name: string;
  value: string;
  range: SourceRange;
}

export interface AstNode {
  /** The instruction word as written (any case). */
  cmd: Word;
  /** Upper case: `FROM`, `RUN`, ... (an unknown word too, as written, upper-cased). */
  keyword: string;
  /** `--name=value` flags before the arguments, as written without quotes. */
  flags: Word[];
  /**
   * The arguments as BuildKit's parser splits them: words, JSON array elements, or for ENV and
   * LABEL triples of name, value, separator (`=` or `` for the legacy `KEY value` form).
   */
  args: Word[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  /** All the text after the flags, trimmed. */
  rest: Word;
  /** ONBUILD's trigger instruction. */
  sub: AstNode | undefined;
  heredocs: Heredoc[];
  /** The logical line: continuation lines joined, comments inside them dropped. */
  original: string;
  /** From the instruction word to the end of its last line (heredoc bodies included). */
  range: SourceRange;
  /** Comment lines right above the instruction. */
  comments: string[];
}
