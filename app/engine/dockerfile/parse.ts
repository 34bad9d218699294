/**
 * The Dockerfile front end: text in, instructions with source ranges, build stages and
 * diagnostics out. Never throws; an unreadable line becomes a diagnostic pointing at it.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Directive } from './ast.ts';
import { checkNode, checkStructure } from './check.ts';
import { parseAst } from './lines.ts';
import { splitStages, type Stage } from './stages.ts';
import { checkValues } from './values.ts';

export interface Instruction {
  /** Upper case: FROM, RUN ... (an unknown word, upper-cased). */
  keyword: string;
  /** From the instruction word to the end of its last line. */
  range: SourceRange;
  /** The instruction's text as written in the file (continuation lines included). */
  source: string;
  /** The stage it belongs to, or -1 before the first FROM. */
  stage: number;
  node: AstNode;
}

export interface ParseResult {
  instructions: Instruction[];
  stages: Stage[];
  /** Instructions before the first FROM (ARGs for FROM lines). */
  globals: AstNode[];
  directives: Directive[];
  /** The escape character: `\` or, with `# escape=``, a backtick. */
  escape: string;
  /** Errors first, then warnings and notes, each group in source order. */
  diagnostics: Diagnostic[];
}

const order: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

export function parseDockerfile(text: string): ParseResult {
  const ast = parseAst(text);
  const diagnostics = ast.diagnostics;
  const report = (
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    hint: string | undefined,
    range: SourceRange,
    docker?: string,
  ) => {
    diagnostics.push({
      code,
      severity,
      message,
      ...(hint !== undefined ? { hint } : {}),
      ...(docker !== undefined ? { docker } : {}),
      range,
    });
  };
  const names = new Map<string, AstNode>();
  for (const node of ast.nodes) {
    checkNode(node, report, names);
    checkValues(node, (d) => diagnostics.push(d));
  }
  const { globals, stages } = splitStages(ast.nodes);
  checkStructure(globals, stages, text, (o) => ast.source.position(o), report);
  const stageOf = new Map<AstNode, number>();
  for (const s of stages) for (const n of s.nodes) stageOf.set(n, s.index);
  const instructions = ast.nodes.map((node) => ({
    keyword: node.keyword,
    range: node.range,
    source: text.slice(node.range.start.offset, node.range.end.offset),
    stage: stageOf.get(node) ?? -1,
    node,
  }));
  diagnostics.sort(
    (a, b) => order[a.severity] - order[b.severity] || a.range.start.offset - b.range.start.offset,
  );
  return {
    instructions,
    stages,
    globals,
    directives: ast.directives,
    escape: ast.escape,
    diagnostics,
  };
}
