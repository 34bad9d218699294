/**
 * BuildKit's build checks and Layerlab's advice, for the editor, the builder and the CLI.
 */
import type { Diagnostic } from '../../common/diagnostics.ts';
import type { ParseResult } from '../parse.ts';
import { adviseDockerfile } from './advice.ts';
import { lintDockerfile } from './lint.ts';
import { RULES } from './ruleset.ts';
import type { BuildCheck, LintOptions } from './types.ts';

export { lintDockerfile } from './lint.ts';
export { adviseDockerfile } from './advice.ts';
export { RULES, type RuleName, type RuleInfo } from './ruleset.ts';
export type { BuildCheck, LintOptions, LintResult, LineSpan } from './types.ts';

/** A build check as a diagnostic: the rule's name, BuildKit's message, Layerlab's teaching. */
export function checkDiagnostic(check: BuildCheck): Diagnostic {
  const rule = RULES[check.rule];
  return {
    code: check.rule,
    severity: 'warning',
    message: check.message,
    hint: rule.teach,
    range: check.range,
    rule: { name: rule.name, url: rule.url },
    ...(check.fix ? { fix: check.fix } : {}),
  };
}

const order: Record<Diagnostic['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * Everything the editor shows for a Dockerfile: the parser's errors, BuildKit's checks (as
 * `docker build --check` runs them: every stage, and on past a line BuildKit refuses) and
 * Layerlab's advice; errors first, then by position.
 * @example editorDiagnostics(parseDockerfile(text)).map((d) => d.rule?.name ?? d.code)
 */
export function editorDiagnostics(
  parsed: ParseResult,
  opts: Omit<LintOptions, 'mode'> = {},
): Diagnostic[] {
  const checks = lintDockerfile(parsed, { ...opts, mode: 'check', keepGoing: true });
  const all = [
    ...parsed.diagnostics,
    ...checks.checks.map(checkDiagnostic),
    ...adviseDockerfile(parsed),
  ];
  return all.sort(
    (a, b) => order[a.severity] - order[b.severity] || a.range.start.offset - b.range.start.offset,
  );
}
