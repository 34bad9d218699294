/**
 * BuildKit's dispatch, as far as the checks need it: which stages a build reaches, and walking
 * each reached stage's instructions with the variables defined at that point
 * (dockerfile2llb/convert.go toDispatchState and dispatch). The per-instruction checks are in
 * dispatch-rules.ts.
 */
import type { AstNode } from '../ast.ts';
import type { ParseResult } from '../parse.ts';
import type { Stage } from '../stages.ts';
import { flagValue } from '../stages.ts';
import type { Env } from './from-rules.ts';
import type { LintOptions } from './types.ts';

/** What a stage carries from instruction to instruction (and hands to stages built on it). */
export interface StageState {
  env: Env;
  /** ARG names declared in the stage (or the stage it is built on), set or not. */
  buildArgs: string[];
  /** The base image or a SHELL instruction set a shell: shell form is then not reported. */
  shellSet: boolean;
  /** An absolute WORKDIR was set in this Dockerfile (inherited from a stage built on). */
  workdirSet: boolean;
  /** The last CMD, ENTRYPOINT and HEALTHCHECK of the stage itself. */
  used: Map<string, AstNode>;
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function envFrom(list: readonly string[]): Env {
  const env: Env = new Map();
  for (const e of list) {
    const eq = e.indexOf('=');
    env.set(eq === -1 ? e : e.slice(0, eq), eq === -1 ? '' : e.slice(eq + 1));
  }
  // BuildKit makes sure PATH is always set.
  if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
  return env;
}

/**
 * The stage each FROM builds on: BuildKit looks the expanded base up among the stages before
 * it, by the name exactly as written against the lower-cased stage names.
 */
export function stageBases(parsed: ParseResult, bases: readonly string[]): (number | undefined)[] {
  const byName = new Map<string, number>();
  return parsed.stages.map((stage, i) => {
    const found = byName.get(bases[i] ?? '');
    if (stage.name) byName.set(stage.name, i);
    return found;
  });
}

/** A stage named in --from (any case) or by index; the last stage of that name wins. */
function findStage(stages: readonly Stage[], ref: string): number | undefined {
  if (/^\d+$/.test(ref)) return Number(ref) < stages.length ? Number(ref) : undefined;
  let found: number | undefined;
  for (const s of stages) if (s.name === ref.toLowerCase()) found = s.index;
  return found;
}

function dependencies(stage: Stage): string[] {
  const refs: string[] = [];
  for (const node of stage.nodes) {
    if (node.keyword === 'COPY') {
      const from = flagValue(node, 'from');
      if (from) refs.push(from.value);
    }
    if (node.keyword === 'RUN') {
      for (const f of node.flags) {
        const m = /^--mount=(.*)$/s.exec(f.value);
        const from = m && /(?:^|,)from=([^,]+)/.exec(m[1]!);
        if (from) refs.push(from[1]!);
      }
    }
  }
  return refs;
}

/** The stages the build dispatches, in order: the target and what it needs, or all of them. */
export function stagesToDispatch(
  parsed: ParseResult,
  baseOf: readonly (number | undefined)[],
  opts: LintOptions,
): Stage[] {
  const stages = parsed.stages;
  if (opts.mode === 'check' && !opts.target) return [...stages];
  const target = opts.target
    ? findStage(stages, opts.target)
    : stages.length > 0
      ? stages.length - 1
      : undefined;
  if (target === undefined) return [];
  const reached = new Set<number>();
  const visit = (i: number) => {
    if (reached.has(i)) return;
    reached.add(i);
    const base = baseOf[i];
    if (base !== undefined) visit(base);
    for (const ref of dependencies(stages[i]!)) {
      const dep = findStage(stages, ref);
      if (dep !== undefined) visit(dep);
    }
  };
  visit(target);
  return stages.filter((s) => reached.has(s.index));
}

/** The state a stage starts from: the stage it is built on, or its base image's config. */
export function initialState(
  base: StageState | undefined,
  ref: string,
  opts: LintOptions,
): StageState {
  if (base) {
    return {
      env: new Map(base.env),
      buildArgs: [...base.buildArgs],
      shellSet: base.shellSet,
      workdirSet: base.workdirSet,
      used: new Map(),
    };
  }
  const image = ref.toLowerCase() === 'scratch' ? undefined : opts.baseImage?.(ref);
  return {
    env: envFrom(image?.env ?? []),
    buildArgs: [],
    shellSet: image?.shell ?? false,
    workdirSet: false,
    used: new Map(),
  };
}
