/**
 * BuildKit's Linter: runs a rule unless `# check=` skips it (or it is experimental and not asked
 * for), collects the warnings, and says which rules fired for `error=true`.
 */
import type { SourceRange } from '../../common/diagnostics.ts';
import type { AstNode } from '../ast.ts';
import type { CheckOptions } from './options.ts';
import { RULES, type RuleName } from './ruleset.ts';
import type { BuildCheck, CheckFix, LineSpan } from './types.ts';

/** A node's location as BuildKit gives it: from its first line to its last. */
export function nodeLines(node: AstNode): LineSpan[] {
  return [{ start: node.range.start.line, end: node.range.end.line }];
}

export class Linter {
  readonly checks: BuildCheck[] = [];
  private readonly called: string[] = [];

  constructor(private readonly options: CheckOptions) {}

  enabled(rule: RuleName): boolean {
    if (RULES[rule].experimental)
      return this.options.experimentalAll || this.options.experimental.has(rule);
    return !(this.options.skipAll || this.options.skip.has(rule));
  }

  run(
    rule: RuleName,
    message: string,
    lines: LineSpan[],
    range: SourceRange,
    fix?: CheckFix,
  ): void {
    if (!this.enabled(rule)) return;
    if (!this.called.includes(rule)) this.called.push(rule);
    this.checks.push({ rule, message, lines, range, ...(fix ? { fix } : {}) });
  }

  /** `error=true` and something fired: the build fails with this. */
  error(): string | undefined {
    if (!this.options.error || this.called.length === 0) return undefined;
    return `lint violation found for rules: ${this.called.join(', ')}`;
  }
}
