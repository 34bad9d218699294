/**
 * The checks BuildKit runs while it reads the file, before any image is looked at: empty
 * continuation lines, MAINTAINER, the casing of FROM ... AS name, description comments
 * (parser and instructions.Parse), then stage names and instruction casing across the file
 * (validateStageNames, validateCommandCasing in dockerfile2llb/convert.go).
 */
import type { AstNode } from '../ast.ts';
import type { ParseResult } from '../parse.ts';
import { stageName } from '../stages.ts';
import { nodeLines, type Linter } from './linter.ts';
import { MESSAGES } from './ruleset.ts';
import type { CheckFix } from './types.ts';

const edit = (label: string, from: number, to: number, insert: string): CheckFix => ({
  label,
  changes: [{ from, to, insert }],
});

/** Quotes a value for LABEL/ENV so that Docker reads it back exactly (no expansion). */
export function dockerQuote(value: string): string {
  return `"${value.replace(/["\\$]/g, '\\$&')}"`;
}

function maintainer(node: AstNode, lint: Linter): void {
  const who = node.rest.value;
  lint.run(
    'MaintainerDeprecated',
    MESSAGES.MaintainerDeprecated(),
    nodeLines(node),
    node.cmd.range,
    who
      ? edit(
          'Use the authors label',
          node.range.start.offset,
          node.range.end.offset,
          `LABEL org.opencontainers.image.authors=${dockerQuote(who)}`,
        )
      : undefined,
  );
}

/** StageNameCasing's fix: the name in lower case, in its AS and wherever the file refers to it. */
function lowerStageFix(parsed: ParseResult, name: string): CheckFix {
  const lower = name.toLowerCase();
  const changes: CheckFix['changes'] = [];
  for (const { node } of parsed.instructions) {
    const words =
      node.keyword === 'FROM'
        ? [node.args[0], stageName(node)]
        : node.flags.filter((f) => /^--from=/i.test(f.value));
    for (const w of words) {
      if (!w) continue;
      const value = w.value.replace(/^--from=/i, '');
      if (value.toLowerCase() !== lower || value === lower) continue;
      const end = w.range.end.offset;
      changes.push({ from: end - value.length, to: end, insert: lower });
    }
  }
  return { label: `Write the stage name as ${lower}`, changes };
}

function from(parsed: ParseResult, node: AstNode, lint: Linter): void {
  const args = node.args;
  const name = args[2];
  if (args.length === 3 && name && name.value !== name.value.toLowerCase()) {
    lint.run(
      'StageNameCasing',
      MESSAGES.StageNameCasing(name.value),
      nodeLines(node),
      name.range,
      lowerStageFix(parsed, name.value),
    );
  }
  const as = args[1];
  const cmd = node.cmd.value;
  const lower = cmd === cmd.toLowerCase();
  const upper = cmd === cmd.toUpperCase();
  // Mixed-case FROM is ConsistentInstructionCasing's business, not this rule's.
  if (args.length >= 3 && as && (lower || upper)) {
    const want = lower ? as.value.toLowerCase() : as.value.toUpperCase();
    if (as.value !== want) {
      lint.run(
        'FromAsCasing',
        MESSAGES.FromAsCasing(cmd, as.value),
        nodeLines(node),
        as.range,
        edit(`Write ${want}`, as.range.start.offset, as.range.end.offset, want),
      );
    }
  }
}

/** InvalidDefinitionDescription: the comment right above FROM/ARG should start with its name. */
function description(node: AstNode, keys: string[], lint: Linter): void {
  const last = node.comments[node.comments.length - 1];
  if (last === undefined || keys.length === 0) return;
  if (keys.includes(last.split(' ')[0]!)) return;
  const example = keys.length > 1 ? '<arg_key>' : keys[0]!;
  lint.run(
    'InvalidDefinitionDescription',
    MESSAGES.InvalidDefinitionDescription(node.keyword, example),
    nodeLines(node),
    node.cmd.range,
  );
}

/**
 * The checks of instructions.Parse, node by node. `stopAt`: the offset of the first instruction
 * BuildKit refuses; it stops there (that node's FROM/MAINTAINER checks have already run).
 */
export function parseTimeRules(parsed: ParseResult, lint: Linter, stopAt: number): void {
  for (const c of parsed.emptyContinuations) {
    lint.run(
      'NoEmptyContinuation',
      MESSAGES.NoEmptyContinuation(),
      [{ start: c.line, end: c.line }],
      c.range,
    );
  }
  for (const { node } of parsed.instructions) {
    const failing = node.range.end.offset >= stopAt;
    if (node.range.start.offset > stopAt) break;
    if (node.keyword === 'MAINTAINER') maintainer(node, lint);
    if (node.keyword === 'FROM') from(parsed, node, lint);
    if (failing) break;
    if (node.keyword === 'FROM') {
      const name = stageName(node);
      if (name) description(node, [name.value.toLowerCase()], lint);
    }
    if (node.keyword === 'ARG') {
      description(
        node,
        node.args.map((a) => a.value.split('=')[0]!),
        lint,
      );
    }
  }
}

const RESERVED = new Set(['context', 'scratch']);

/** validateStageNames: reserved and repeated stage names. */
export function stageNameRules(parsed: ParseResult, lint: Linter): void {
  const seen = new Set<string>();
  for (const stage of parsed.stages) {
    const word = stageName(stage.from);
    if (!stage.name || !word) continue;
    if (RESERVED.has(stage.name)) {
      lint.run(
        'ReservedStageName',
        MESSAGES.ReservedStageName(stage.name),
        nodeLines(stage.from),
        word.range,
      );
    }
    if (seen.has(stage.name)) {
      lint.run(
        'DuplicateStageName',
        MESSAGES.DuplicateStageName(stage.name),
        nodeLines(stage.from),
        word.range,
      );
    }
    seen.add(stage.name);
  }
}

const consistent = (s: string) => s === s.toLowerCase() || s === s.toUpperCase();

/**
 * validateCommandCasing: every instruction inside a stage (ARGs before the first FROM do not
 * count) in one case, the majority's; a tie goes to upper case.
 */
export function casingRules(parsed: ParseResult, lint: Linter): void {
  const nodes = parsed.stages.flatMap((s) => s.nodes);
  let lowerCount = 0;
  let upperCount = 0;
  for (const n of nodes) {
    const cmd = n.cmd.value;
    if (!consistent(cmd)) continue;
    if (cmd === cmd.toLowerCase()) lowerCount++;
    else upperCount++;
  }
  const majorityLower = lowerCount > upperCount;
  for (const n of nodes) {
    const cmd = n.cmd.value;
    const want = majorityLower ? cmd.toLowerCase() : cmd.toUpperCase();
    if (cmd === want) continue;
    lint.run(
      'ConsistentInstructionCasing',
      MESSAGES.ConsistentInstructionCasing(cmd, majorityLower ? 'lowercase' : 'uppercase'),
      nodeLines(n),
      n.cmd.range,
      edit(`Write ${want}`, n.cmd.range.start.offset, n.cmd.range.end.offset, want),
    );
  }
}
