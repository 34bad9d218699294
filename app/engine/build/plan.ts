/**
 * From the parser's instructions to the builder's plan: each AST node becomes a StepSpec with
 * the fields its instruction needs, still unexpanded (build args differ per build). Only a
 * Dockerfile without errors becomes a plan; otherwise the diagnostics say why.
 */
import type { Diagnostic } from '../common/diagnostics.ts';
import type { AstNode, Heredoc } from '../dockerfile/ast.ts';
import { expandWord } from '../dockerfile/expand.ts';
import { parseDockerfile, type ParseResult } from '../dockerfile/parse.ts';
import { flagValue, stageName } from '../dockerfile/stages.ts';
import type { Expander } from './builder.ts';
import type { BuildPlan, CommandForm, CopySpec, StageSpec, StepSpec } from './steps.ts';

function flags(node: AstNode, name: string): string[] {
  const out: string[] = [];
  for (const f of node.flags) {
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(f.value);
    if (m && m[1] === name) out.push(m[2] ?? '');
  }
  return out;
}

function boolFlag(node: AstNode, name: string): boolean {
  const v = flagValue(node, name);
  return (
    v !== undefined && !/^false$/i.test(v.value) && (v.value === '' || /^true$/i.test(v.value))
  );
}

/** `<<-` bodies lose their leading tabs. */
function body(h: Heredoc): string {
  return h.chomp ? h.content.replace(/^\t+/gm, '') : h.content;
}

function runCommand(node: AstNode): CommandForm {
  if (node.json) return { exec: node.args.map((a) => a.value), shell: undefined };
  const rest = node.rest.value;
  if (node.heredocs.length === 0) return { exec: undefined, shell: rest };
  // `RUN <<EOF` alone runs the body as the script; otherwise the shell gets the heredocs.
  const only = node.heredocs[0]!;
  if (node.heredocs.length === 1 && /^<<-?\s*["']?\w*["']?$/.test(rest.trim())) {
    // The body keeps its last newline: BuildKit runs (and writes in the history) it whole.
    return { exec: undefined, shell: body(only), lineOnly: rest };
  }
  let script = rest;
  for (const h of node.heredocs) script += '\n' + h.content + h.name;
  return { exec: undefined, shell: script, lineOnly: rest };
}

function copySpec(node: AstNode): CopySpec {
  const words = node.args.map((a) => a.value);
  const dest = words.length > 0 ? words[words.length - 1]! : '';
  const heredocNames = new Set(node.heredocs.map((h) => h.name));
  const sources = words
    .slice(0, -1)
    .filter(
      (w) => !(/^\d*<<-?/.test(w) && heredocNames.has(w.replace(/^\d*<<-?["']?|["']$/g, ''))),
    );
  return {
    add: node.keyword === 'ADD',
    sources,
    dest,
    from: flagValue(node, 'from')?.value,
    chown: flagValue(node, 'chown')?.value,
    chmod: flagValue(node, 'chmod')?.value,
    link: boolFlag(node, 'link'),
    exclude: flags(node, 'exclude'),
    heredocs: node.heredocs.map((h) => ({ name: h.name, content: body(h) })),
  };
}

function pairs(node: AstNode): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < node.args.length; i += 3) {
    out.push([node.args[i]!.value, node.args[i + 1]!.value]);
  }
  return out;
}

function argDecls(node: AstNode): { name: string; value: string | undefined }[] {
  return node.args.map((a) => {
    const eq = a.value.indexOf('=');
    return eq === -1
      ? { name: a.value, value: undefined }
      : { name: a.value.slice(0, eq), value: a.value.slice(eq + 1) };
  });
}

export function stepFromNode(node: AstNode): StepSpec | undefined {
  const base = { text: node.original, range: node.range };
  const first = node.args[0]?.value ?? '';
  switch (node.keyword) {
    case 'FROM':
      return {
        ...base,
        keyword: 'FROM',
        image: first,
        imageRange: node.args[0]?.range,
        name: stageName(node)?.value.toLowerCase(),
        platform: flagValue(node, 'platform')?.value,
      };
    case 'RUN':
      return {
        ...base,
        keyword: 'RUN',
        command: runCommand(node),
        network: flagValue(node, 'network')?.value,
        mounts: flags(node, 'mount'),
      };
    case 'COPY':
    case 'ADD':
      return { ...base, keyword: node.keyword, copy: copySpec(node) };
    case 'ENV':
    case 'LABEL':
      return { ...base, keyword: node.keyword, pairs: pairs(node) };
    case 'ARG':
      return { ...base, keyword: 'ARG', args: argDecls(node) };
    case 'WORKDIR':
      return { ...base, keyword: 'WORKDIR', value: first };
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      return { ...base, keyword: node.keyword, value: first };
    case 'EXPOSE':
      return { ...base, keyword: 'EXPOSE', ports: node.args.map((a) => a.value) };
    case 'VOLUME':
      return { ...base, keyword: 'VOLUME', paths: node.args.map((a) => a.value) };
    case 'CMD':
    case 'ENTRYPOINT':
      return {
        ...base,
        keyword: node.keyword,
        command: node.json
          ? { exec: node.args.map((a) => a.value), shell: undefined }
          : { exec: undefined, shell: node.rest.value },
      };
    case 'SHELL':
      return { ...base, keyword: 'SHELL', argv: node.args.map((a) => a.value) };
    case 'HEALTHCHECK': {
      const none = first.toUpperCase() === 'NONE';
      const options: Record<string, string> = {};
      for (const f of node.flags) {
        const m = /^--([^=]+)=(.*)$/s.exec(f.value);
        if (m) options[m[1]!] = m[2]!;
      }
      const cmd = node.args.slice(1).map((a) => a.value);
      return {
        ...base,
        keyword: 'HEALTHCHECK',
        none,
        command: none
          ? undefined
          : node.json
            ? { exec: cmd, shell: undefined }
            : { exec: undefined, shell: cmd[0] ?? '' },
        options,
      };
    }
    case 'ONBUILD':
      return { ...base, keyword: 'ONBUILD', trigger: node.sub?.original ?? node.rest.value };
    default:
      return undefined;
  }
}

/** The build plan of a parsed Dockerfile, or undefined when it has errors. */
export function planFromParse(result: ParseResult): BuildPlan | undefined {
  if (result.diagnostics.some((d) => d.severity === 'error' && d.when !== 'build'))
    return undefined;
  const globalArgs = result.globals.filter((n) => n.keyword === 'ARG').flatMap(argDecls);
  const stages: StageSpec[] = [];
  for (const stage of result.stages) {
    const steps = stage.nodes.map(stepFromNode).filter((s): s is StepSpec => s !== undefined);
    const from = steps[0];
    if (!from || from.keyword !== 'FROM') return undefined;
    stages.push({ index: stage.index, name: stage.name, from, steps: steps.slice(1) });
  }
  return { globalArgs, stages };
}

type Planned = { plan: BuildPlan | undefined; diagnostics: Diagnostic[]; parsed: ParseResult };

/** The last text planned: finding a build's base images and building it parse it once. */
let last: { text: string; planned: Planned } | undefined;

/**
 * The engine's planner: Dockerfile text to a plan, the parser's diagnostics and the parse (for
 * the build checks). The plan and parse are shared with the next caller of the same text (read
 * them, never change them); the list of diagnostics is each caller's own.
 *
 * @example
 * planDockerfile('FROM debian\nRUN true\n').plan?.stages.length; // 1
 */
export function planDockerfile(text: string): Planned {
  if (last?.text === text) return { ...last.planned, diagnostics: [...last.planned.diagnostics] };
  const result = parseDockerfile(text);
  const planned = { plan: planFromParse(result), diagnostics: result.diagnostics, parsed: result };
  last = { text, planned };
  return { ...planned, diagnostics: [...planned.diagnostics] };
}

/** The engine's expander: BuildKit's rules; an expansion error leaves the word as written. */
export const buildkitExpand: Expander = (text, vars) => {
  try {
    return expandWord(text, vars);
  } catch {
    return { value: text, used: [] };
  }
};
