/**
 * Build stages: each FROM starts one; global ARGs come before the first. The dependency graph
 * records which stage needs which (FROM another stage, COPY --from, RUN --mount=from=...).
 */
import type { SourceRange } from '../common/diagnostics.ts';
import type { AstNode, Word } from './ast.ts';

export interface StageDependency {
  /** The stage needed, by index, or undefined when the name is an image. */
  stage: number | undefined;
  /** The name as written (a stage name, an index, or an image reference). */
  ref: string;
  via: 'FROM' | 'COPY --from' | 'RUN --mount';
  range: SourceRange;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as BuildKit compares them. */
  name: string | undefined;
  from: AstNode;
  /** The base as written (may hold variables). */
  base: Word | undefined;
  /** Every instruction of the stage, FROM first. */
  nodes: AstNode[];
  dependsOn: StageDependency[];
}

export function flagValue(node: AstNode, name: string): Word | undefined {
  for (const f of node.flags) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(f.value);
    if (m && m[1] === name) return { value: m[2] ?? '', range: f.range };
  }
  return undefined;
}

export function stageName(from: AstNode): Word | undefined {
  const args = from.args;
  if (args.length === 3 && args[1]!.value.toLowerCase() === 'as') return args[2];
  return undefined;
}

export function splitStages(nodes: readonly AstNode[]): { globals: AstNode[]; stages: Stage[] } {
  const globals: AstNode[] = [];
  const stages: Stage[] = [];
  for (const node of nodes) {
    if (node.keyword === 'FROM') {
      const name = stageName(node);
      stages.push({
        index: stages.length,
        name: name?.value.toLowerCase(),
        from: node,
        base: node.args[0],
        nodes: [node],
        dependsOn: [],
      });
    } else if (stages.length === 0) {
      globals.push(node);
    } else {
      stages[stages.length - 1]!.nodes.push(node);
    }
  }
  const find = (ref: string, before: number): number | undefined => {
    const lower = ref.toLowerCase();
    for (let i = 0; i < before; i++) if (stages[i]!.name === lower) return i;
    if (/^\d+$/.test(ref) && Number(ref) < before) return Number(ref);
    return undefined;
  };
  for (const stage of stages) {
    if (stage.base) {
      const i = find(stage.base.value, stage.index);
      if (i !== undefined) {
        stage.dependsOn.push({
          stage: i,
          ref: stage.base.value,
          via: 'FROM',
          range: stage.base.range,
        });
      }
    }
    for (const node of stage.nodes) {
      if (node.keyword === 'COPY' || node.keyword === 'ADD') {
        const from = flagValue(node, 'from');
        if (from) {
          stage.dependsOn.push({
            stage: find(from.value, stage.index),
            ref: from.value,
            via: 'COPY --from',
            range: from.range,
          });
        }
      }
      if (node.keyword === 'RUN') {
        for (const f of node.flags) {
          const m = /^--mount=(.*)$/s.exec(f.value);
          const from = m && /(?:^|,)from=([^,]+)/.exec(m[1]!);
          if (from) {
            stage.dependsOn.push({
              stage: find(from[1]!, stage.index),
              ref: from[1]!,
              via: 'RUN --mount',
              range: f.range,
            });
          }
        }
      }
    }
  }
  return { globals, stages };
}
