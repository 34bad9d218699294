/**
 * The Dockerfile front end: text in, instructions with source ranges, build stages and
 * diagnostics out. Never throws; an unreadable line becomes a diagnostic pointing at it.
 */
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Directive } from './ast.ts';
import { parseAst, type AstResult } from './lines.ts';
import type { SourceText } from './source.ts';
import { splitStages, type Stage } from './stages.ts';
import { checkStructure } from './structure.ts';
import { checkNode } from './validate.ts';
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
  /**
   * Errors first, then warnings and notes, each group in source order. BuildKit's build checks
   * are not here: `lintDockerfile` (rules/) runs them on this result.
   */
  diagnostics: Diagnostic[];
  /** The parser itself failed (BuildKit stops before any build check runs). */
  syntaxFailed: boolean;
  emptyContinuations: AstResult['emptyContinuations'];
  source: SourceText;
}

const order: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

export function parseDockerfile(text: string): ParseResult {
  const ast = parseAst(text);
  const diagnostics = ast.diagnostics;
  const syntaxFailed = diagnostics.some((d) => d.severity === 'error');
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
  for (const node of ast.nodes) {
    checkNode(node, report);
    checkValues(node, (d) => diagnostics.push(d));
  }
  const { globals, stages } = splitStages(ast.nodes);
  checkStructure(globals, stages, report);
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
    syntaxFailed,
    emptyContinuations: ast.emptyContinuations,
    source: ast.source,
  };
}
