/** BuildKit's `AST.Dump()` format: `(copy ["--from=a"] "src" "dst")`, one instruction a line. */
import type { AstNode } from './ast.ts';
import { goQuote } from './gostring.ts';

export function dumpNode(node: AstNode): string {
  let s = node.cmd.value.toLowerCase();
  if (node.flags.length > 0) s += ' [' + node.flags.map((f) => goQuote(f.value)).join(' ') + ']';
  if (node.sub) s += ' (' + dumpNode(node.sub) + ')';
  for (const a of node.args) s += ' ' + goQuote(a.value);
  return s.trim();
}

export function dumpAst(nodes: readonly AstNode[]): string {
  return nodes.map((n) => '(' + dumpNode(n) + ')\n').join('');
}
