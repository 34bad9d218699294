import type { Diagnostic } from '../../engine/common/diagnostics.ts';
import { strings } from '../strings.ts';

/**
 * BuildKit's rule name, "Layerlab advice", or nothing for the parser's own errors. Apart from
 * lint.ts so the problems list under the editor does not load the editor's linter.
 */
export function diagnosticTitle(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.rule) return diagnostic.rule.name;
  if (diagnostic.advice) return strings.editor.advice;
  return undefined;
}
