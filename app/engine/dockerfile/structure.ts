/**
 * The shape of the whole file, as BuildKit's instructions.Parse and its caller require: only ARG
 * may come before the first FROM, and there must be a FROM at all.
 */
import type { AstNode } from './ast.ts';
import { INSTRUCTIONS } from './reference.ts';
import type { Stage } from './stages.ts';
import type { Report } from './validate.ts';

export function checkStructure(
  globals: readonly AstNode[],
  stages: readonly Stage[],
  report: Report,
): void {
  for (const node of globals) {
    if (node.keyword !== 'ARG' && INSTRUCTIONS.has(node.keyword)) {
      report(
        'missing-from',
        'error',
        `${node.keyword} comes before any FROM: only ARG may come before the first FROM.`,
        'Start the Dockerfile with FROM <image>, e.g. FROM debian:bookworm-slim.',
        node.cmd.range,
        'no build stage in current context',
      );
    }
  }
  if (stages.length === 0 && globals.length > 0) {
    const first = globals[0]!;
    report(
      'missing-from',
      'error',
      'This Dockerfile has no FROM: every build starts from a base image.',
      'Add FROM <image> as the first instruction, e.g. FROM debian:bookworm-slim.',
      first.cmd.range,
      'dockerfile contains no stages to build',
    );
  }
}
