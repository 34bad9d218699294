/**
 * Layerlab's own advice: habits that make images smaller and builds faster, which Docker does
 * not check. Shown in the editor as notes marked as Layerlab's, never printed by the simulated
 * docker (real Docker would not print them).
 */
import type { Diagnostic } from '../../common/diagnostics.ts';
import type { AstNode } from '../ast.ts';
import type { ParseResult } from '../parse.ts';
import { varRange } from './from-rules.ts';

const APT = /\bapt(?:-get)?\s+(?:-\S+\s+)*/;
const APT_INSTALL = new RegExp(`${APT.source}install\\b`);
const APT_UPDATE = new RegExp(`${APT.source}update\\b`);
const NO_RECOMMENDS = /--no-install-recommends|Install-Recommends=(?:false|0)/;
const CLEANS_LISTS = /rm\s+-\S*r\S*\s+(?:\S+\s+)*\/var\/lib\/apt\/lists/;
const INSTALLS_DEPS =
  /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b|\bpip3?\s+install\b|\bnpm\s+(?:install|ci|i)\b|\byarn(?:\s+install)?\s*(?:$|&&|;)/;

function note(
  parsed: ParseResult,
  code: string,
  message: string,
  hint: string,
  from: number,
  to: number,
  fix?: Diagnostic['fix'],
): Diagnostic {
  return {
    code,
    severity: 'info',
    message,
    hint,
    range: parsed.source.range(from, to),
    advice: true,
    ...(fix ? { fix } : {}),
  };
}

/** The shell text a RUN runs (shell form, or its heredoc bodies). */
function script(node: AstNode): string {
  if (node.json) return '';
  return [node.rest.value, ...node.heredocs.map((h) => h.content)].join('\n');
}

function aptAdvice(parsed: ParseResult, node: AstNode, out: Diagnostic[]): void {
  const sh = script(node);
  const start = node.rest.range.start.offset;
  const install = APT_INSTALL.exec(node.rest.value);
  if (install && !NO_RECOMMENDS.test(sh)) {
    const end = start + install.index + install[0].length;
    out.push(
      note(
        parsed,
        'apt-recommends',
        'apt-get install also installs every package these ones recommend.',
        'Add --no-install-recommends to install only what the packages need: often half the size.',
        start + install.index,
        end,
        {
          label: 'Add --no-install-recommends',
          changes: [{ from: end, to: end, insert: ' --no-install-recommends' }],
        },
      ),
    );
  }
  if (APT_UPDATE.test(sh) && !APT_INSTALL.test(sh)) {
    out.push(
      note(
        parsed,
        'apt-update-alone',
        'apt-get update in a RUN of its own is cached as a layer of its own.',
        'A later build reuses the old package lists while the install step changes, and can fail to find packages. Update and install in one RUN: apt-get update && apt-get install -y ...',
        node.cmd.range.start.offset,
        node.cmd.range.end.offset,
      ),
    );
  }
  if (install && APT_UPDATE.test(sh) && !CLEANS_LISTS.test(sh)) {
    out.push(
      note(
        parsed,
        'apt-lists-kept',
        'The package lists apt-get update downloaded stay in this layer.',
        'End the same RUN with && rm -rf /var/lib/apt/lists/* so they are never stored in the image.',
        node.cmd.range.start.offset,
        node.cmd.range.end.offset,
      ),
    );
  }
}

/** COPY . before a step that installs dependencies: every edit to any file reruns the install. */
function orderAdvice(parsed: ParseResult, nodes: readonly AstNode[], out: Diagnostic[]): void {
  let copyAll: AstNode | undefined;
  for (const node of nodes) {
    if (
      (node.keyword === 'COPY' || node.keyword === 'ADD') &&
      !node.flags.some((f) => f.value.startsWith('--from'))
    ) {
      const sources = node.args.slice(0, -1).map((a) => a.value.replace(/\/+$/, ''));
      if (sources.some((s) => s === '.' || s === './' || s === '')) copyAll ??= node;
    }
    if (copyAll && node.keyword === 'RUN' && INSTALLS_DEPS.test(script(node))) {
      out.push(
        note(
          parsed,
          'copy-before-install',
          `Every file of the context is copied before line ${node.range.start.line} installs dependencies.`,
          'A change to any file, even one line of code, then reruns the install. Copy only what the install needs first (the package list, requirements.txt or package.json), install, and COPY . . after.',
          copyAll.range.start.offset,
          copyAll.range.end.offset,
        ),
      );
      return;
    }
  }
}

/** An ARG before FROM read by RUN without `ARG NAME` in the stage: the shell sees it empty. */
function globalArgAdvice(parsed: ParseResult, out: Diagnostic[]): void {
  const globals = new Set(
    parsed.globals
      .filter((n) => n.keyword === 'ARG')
      .flatMap((n) => n.args.map((a) => a.value.split('=')[0]!)),
  );
  if (globals.size === 0) return;
  for (const stage of parsed.stages) {
    const declared = new Set<string>();
    for (const node of stage.nodes) {
      if (node.keyword === 'ARG' || node.keyword === 'ENV')
        for (const a of node.args) declared.add(a.value.split('=')[0]!);
      if (node.keyword !== 'RUN') continue;
      for (const m of script(node).matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = m[1]!;
        if (!globals.has(name) || declared.has(name)) continue;
        const r = varRange(parsed, node, name);
        out.push(
          note(
            parsed,
            'global-arg-in-run',
            `${name} is an ARG declared before FROM: only FROM lines see it, so this RUN gets an empty value.`,
            `Declare it again inside the stage: add "ARG ${name}" after FROM.`,
            r.start.offset,
            r.end.offset,
          ),
        );
        declared.add(name);
      }
    }
  }
}

/**
 * Layerlab's advice for a parsed Dockerfile.
 * @example adviseDockerfile(parseDockerfile('FROM debian\nRUN apt-get install -y curl')).map((d) => d.code)
 */
export function adviseDockerfile(parsed: ParseResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const stage of parsed.stages) {
    for (const node of stage.nodes) if (node.keyword === 'RUN') aptAdvice(parsed, node, out);
    orderAdvice(parsed, stage.nodes, out);
  }
  globalArgAdvice(parsed, out);
  return out;
}
