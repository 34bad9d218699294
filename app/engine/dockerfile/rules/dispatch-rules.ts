/**
 * The checks BuildKit makes while it dispatches a stage's instructions (dockerfile2llb): the
 * variables each instruction expands (UndefinedVar), then the instruction's own checks
 * (LegacyKeyValueFormat, SecretsUsedInArgOrEnv, WorkdirRelativePath, JSONArgsRecommended,
 * MultipleInstructionsDisallowed, ExposeProtoCasing, ExposeInvalidFormat, CopyIgnoredFile).
 */
import type { AstNode } from '../ast.ts';
import { expandWords, tryExpandWord } from '../expand.ts';
import type { ParseResult } from '../parse.ts';
import type { Stage } from '../stages.ts';
import { flagValue } from '../stages.ts';
import type { StageState } from './dispatch.ts';
import type { Env } from './from-rules.ts';
import { varRange } from './from-rules.ts';
import { nodeLines, type Linter } from './linter.ts';
import { dockerQuote } from './parse-rules.ts';
import { parseExposedPort, signalProblem, splitParts } from '../values.ts';
import { MESSAGES } from './ruleset.ts';
import { suggest } from './suggest.ts';
import type { CheckFix, LintOptions } from './types.ts';

export interface DispatchContext {
  parsed: ParseResult;
  lint: Linter;
  opts: LintOptions;
  /** The global variables (platform ARGs, ARGs before FROM, --build-arg). */
  globals: Env;
  buildArgs: Readonly<Record<string, string>>;
}

/** ARGs BuildKit never puts in the environment. */
const NON_ENV = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

const SECRET =
  /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const PUBLIC = /(?:_|^)(?:public)(?:_|$)/i;

/** BuildKit stops dispatching at an expansion it cannot do; so do the checks. */
class Stop extends Error {}

/** Expands one word as BuildKit does, reporting each variable nothing defines. */
function expander(ctx: DispatchContext, state: StageState, node: AstNode) {
  return (word: string, raw = false): string => {
    const r = tryExpandWord(word, state.env, {
      escape: raw ? '\\' : ctx.parsed.escape,
      ...(raw ? { rawQuotes: true } : {}),
    });
    if (r.error) throw new Stop();
    for (const name of r.used) {
      if (state.env.has(name) || state.buildArgs.includes(name) || NON_ENV.has(name)) continue;
      ctx.lint.run(
        'UndefinedVar',
        MESSAGES.UndefinedVar(name, suggest(name, state.env.keys(), true)),
        nodeLines(node),
        varRange(ctx.parsed, node, name),
      );
    }
    return r.value;
  };
}

/** ENV/LABEL NAME=value pairs from the parser's triples. */
function pairs(node: AstNode) {
  const out: { key: string; value: string; legacy: boolean }[] = [];
  for (let i = 0; i + 1 < node.args.length; i += 3) {
    out.push({
      key: node.args[i]!.value,
      value: node.args[i + 1]!.value,
      legacy: node.args[i + 2]?.value === '',
    });
  }
  return out;
}

/** `ENV NAME value` as `ENV NAME=value`, when the value can be moved without changing it. */
function legacyFix(node: AstNode): CheckFix | undefined {
  const [key, value] = node.args;
  if (!key || !value || /["'\\`]/.test(value.value)) return undefined;
  const v = /\s/.test(value.value) ? dockerQuote(value.value) : value.value;
  const text = `${key.value}=${v}`;
  return {
    label: `Write ${node.cmd.value} ${text}`,
    changes: [{ from: node.rest.range.start.offset, to: node.rest.range.end.offset, insert: text }],
  };
}

/** Shell form to exec form, when the command is plain words with nothing for a shell to do. */
function execFormFix(node: AstNode): CheckFix | undefined {
  const words = node.rest.value.split(/\s+/).filter(Boolean);
  if (words.length === 0 || !words.every((w) => /^[\w@%+=:,./-]+$/.test(w))) return undefined;
  const text = `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
  return {
    label: `Write ${node.cmd.value} ${text}`,
    changes: [{ from: node.rest.range.start.offset, to: node.rest.range.end.offset, insert: text }],
  };
}

function secret(ctx: DispatchContext, node: AstNode, instruction: string, key: string): void {
  if (SECRET.test(key) && !PUBLIC.test(key))
    ctx.lint.run(
      'SecretsUsedInArgOrEnv',
      MESSAGES.SecretsUsedInArgOrEnv(instruction, key),
      nodeLines(node),
      varKeyRange(ctx, node, key),
    );
}

function varKeyRange(ctx: DispatchContext, node: AstNode, key: string) {
  const word = node.args.find((a) => a.value === key || a.value.startsWith(`${key}=`));
  return word?.range ?? ctx.parsed.source.range(node.range.start.offset, node.range.end.offset);
}

function expose(ctx: DispatchContext, state: StageState, node: AstNode): void {
  const { words } = expandWords(node.rest.value, state.env, { escape: ctx.parsed.escape });
  for (const raw of words) {
    const { ip, host, container } = splitParts(raw);
    const proto = container.includes('/') ? container.slice(container.indexOf('/') + 1) : '';
    const known = ['', 'tcp', 'udp', 'sctp'].includes(proto.toLowerCase());
    if (known && proto !== proto.toLowerCase()) {
      const at = node.rest.value.indexOf(raw);
      const start = node.rest.range.start.offset + Math.max(at, 0);
      ctx.lint.run(
        'ExposeProtoCasing',
        MESSAGES.ExposeProtoCasing(raw),
        nodeLines(node),
        ctx.parsed.source.range(start, start + raw.length),
        at === -1
          ? undefined
          : {
              label: `Write ${raw.toLowerCase()}`,
              changes: [{ from: start, to: start + raw.length, insert: raw.toLowerCase() }],
            },
      );
    }
    if (known && (ip !== '' || host !== ''))
      ctx.lint.run(
        'ExposeInvalidFormat',
        MESSAGES.ExposeInvalidFormat(raw),
        nodeLines(node),
        node.rest.range,
      );
    // A port Docker refuses ends the dispatch there (values.ts has its words).
    if (!parseExposedPort(raw).ok) throw new Stop();
  }
}

function usedOnce(ctx: DispatchContext, state: StageState, node: AstNode): void {
  const before = state.used.get(node.keyword);
  if (before) {
    // BuildKit points at the earlier one: that is the instruction that does nothing.
    ctx.lint.run(
      'MultipleInstructionsDisallowed',
      MESSAGES.MultipleInstructionsDisallowed(node.cmd.value),
      nodeLines(before),
      before.cmd.range,
    );
  }
  state.used.set(node.keyword, node);
}

function copy(ctx: DispatchContext, node: AstNode, expand: (w: string, raw?: boolean) => string) {
  for (const flag of ['chown', 'chmod', ...(node.keyword === 'ADD' ? ['checksum'] : [])]) {
    const v = flagValue(node, flag);
    if (v) expand(v.value);
  }
  const args = node.args.map((a) => a.value);
  const sources = args.slice(0, -1).filter((a) => !a.startsWith('<<'));
  const expanded = sources.map((s) => expand(s));
  if (args.length > 0) expand(args[args.length - 1]!);
  for (const h of node.heredocs) if (h.expand) expand(h.content, true);
  const fromStage = node.keyword === 'COPY' && flagValue(node, 'from');
  if (fromStage || !ctx.opts.ignored) return;
  for (const src of expanded) {
    if (/^(https?:\/\/|git@)|\.git(#|$)/.test(src)) continue;
    if (ctx.opts.ignored(src.replace(/^(\.?\/)+/, ''))) {
      ctx.lint.run(
        'CopyIgnoredFile',
        MESSAGES.CopyIgnoredFile(node.keyword === 'ADD' ? 'Add' : 'Copy', src),
        nodeLines(node),
        node.rest.range,
      );
    }
  }
}

function arg(ctx: DispatchContext, state: StageState, node: AstNode): void {
  const expand = expander(ctx, state, node);
  for (const a of node.args) {
    const eq = a.value.indexOf('=');
    const key = eq === -1 ? a.value : a.value.slice(0, eq);
    secret(ctx, node, 'ARG', key);
    let value: string | undefined = ctx.buildArgs[key];
    if (value === undefined) {
      if (eq !== -1) value = expand(a.value.slice(eq + 1));
      else value = ctx.globals.get(key);
    }
    if (value !== undefined && !NON_ENV.has(key)) state.env.set(key, value);
    state.buildArgs.push(key);
  }
}

/** One instruction: what it expands, then its own checks. */
function dispatchNode(ctx: DispatchContext, state: StageState, node: AstNode): void {
  const expand = expander(ctx, state, node);
  const lint = ctx.lint;
  switch (node.keyword) {
    case 'ENV':
    case 'LABEL': {
      const list = pairs(node).map((p) => ({ ...p, key: expand(p.key), value: expand(p.value) }));
      for (const p of list) {
        if (p.legacy)
          lint.run(
            'LegacyKeyValueFormat',
            MESSAGES.LegacyKeyValueFormat(node.cmd.value),
            nodeLines(node),
            node.rest.range,
            legacyFix(node),
          );
        if (node.keyword === 'ENV') {
          secret(ctx, node, 'ENV', p.key);
          state.env.set(p.key, p.value);
        }
      }
      break;
    }
    case 'ARG':
      arg(ctx, state, node);
      break;
    case 'COPY':
    case 'ADD':
      copy(ctx, node, expand);
      break;
    case 'WORKDIR': {
      const path = expand(node.args[0]?.value ?? '');
      if (!state.workdirSet && !path.startsWith('/'))
        lint.run(
          'WorkdirRelativePath',
          MESSAGES.WorkdirRelativePath(path),
          nodeLines(node),
          node.rest.range,
        );
      state.workdirSet = true;
      break;
    }
    case 'USER':
    case 'VOLUME':
      for (const a of node.args) expand(a.value);
      break;
    case 'STOPSIGNAL':
      if (signalProblem(expand(node.args[0]?.value ?? ''))) throw new Stop();
      break;
    case 'RUN':
      for (const f of node.flags) if (/^--mount=/.test(f.value)) expand(f.value.slice(8));
      break;
    case 'EXPOSE':
      expose(ctx, state, node);
      break;
    case 'CMD':
    case 'ENTRYPOINT':
      usedOnce(ctx, state, node);
      if (!node.json && !state.shellSet)
        lint.run(
          'JSONArgsRecommended',
          MESSAGES.JSONArgsRecommended(node.cmd.value),
          nodeLines(node),
          node.rest.value ? node.rest.range : node.cmd.range,
          execFormFix(node),
        );
      break;
    case 'HEALTHCHECK':
      usedOnce(ctx, state, node);
      break;
    case 'SHELL':
      state.shellSet = node.args.length > 0;
      break;
    default:
      break;
  }
}

/** A stage's instructions after FROM, in order; false where BuildKit would stop the build. */
export function dispatchStage(ctx: DispatchContext, stage: Stage, state: StageState): boolean {
  try {
    for (const node of stage.nodes.slice(1)) dispatchNode(ctx, state, node);
    return true;
  } catch (e) {
    if (e instanceof Stop) return false;
    throw e;
  }
}
