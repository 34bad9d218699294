/**
 * BuildKit's build checks over a parsed Dockerfile, in the order Docker 28.5 reports them
 * (dockerfile2llb.toDispatchState): parser warnings, the checks of instructions.Parse, stage
 * names and casing, FROM lines, then each dispatched stage's instructions.
 */
import type { ParseResult } from '../parse.ts';
import { dispatchStage } from './dispatch-rules.ts';
import { initialState, stageBases, stagesToDispatch, type StageState } from './dispatch.ts';
import { buildMetaArgs, defaultArgRules, defaultArgs, fromRules } from './from-rules.ts';
import { Linter } from './linter.ts';
import { checkOptionsFor } from './options.ts';
import { casingRules, parseTimeRules, stageNameRules } from './parse-rules.ts';
import type { BuildCheck, LintOptions, LintResult } from './types.ts';

/** The offset of the first instruction BuildKit's instructions.Parse refuses, or Infinity. */
function firstInstructionError(parsed: ParseResult): number {
  let at = Infinity;
  // Values refused only when a build reaches them (`when: 'build'`) stop the dispatch instead.
  for (const d of parsed.diagnostics)
    if (d.severity === 'error' && d.when !== 'build') at = Math.min(at, d.range.start.offset);
  return at;
}

/** `docker build` shows a warning repeated word for word once. */
function dedupe(checks: BuildCheck[]): BuildCheck[] {
  const seen = new Set<string>();
  return checks.filter((c) => {
    const key = `${c.rule}\n${c.message}\n${JSON.stringify(c.lines)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Run the build checks.
 * @example lintDockerfile(parseDockerfile(text), { mode: 'check' }).checks.map((c) => c.rule)
 */
export function lintDockerfile(parsed: ParseResult, opts: LintOptions): LintResult {
  const options = checkOptionsFor(parsed.source.text, opts.buildArgs);
  if ('failure' in options) return { checks: [], error: options.failure };
  const lint = new Linter(options);
  const done = (): LintResult => ({
    checks: opts.mode === 'build' ? dedupe(lint.checks) : lint.checks,
    error: lint.error(),
  });
  if (parsed.syntaxFailed && !opts.keepGoing) return { checks: [], error: undefined };
  const stopAt = opts.keepGoing ? Infinity : firstInstructionError(parsed);
  parseTimeRules(parsed, lint, stopAt);
  if (stopAt !== Infinity || parsed.stages.length === 0) return { ...done(), error: undefined };
  stageNameRules(parsed, lint);
  casingRules(parsed, lint);

  const buildArgs = opts.buildArgs ?? {};
  const last = parsed.stages[parsed.stages.length - 1]!;
  const platformArgs = defaultArgs(buildArgs, opts.target ?? last.name ?? '');
  defaultArgRules(parsed, platformArgs, lint, opts.validReference ?? (() => true));
  const globals = buildMetaArgs(parsed, platformArgs, buildArgs);
  if (!globals) return done();
  const bases = fromRules(parsed, globals, lint);
  if (!bases) return done();

  const baseOf = stageBases(parsed, bases);
  const ctx = { parsed, lint, opts, globals, buildArgs };
  const states = new Map<number, StageState>();
  for (const stage of stagesToDispatch(parsed, baseOf, opts)) {
    const base = baseOf[stage.index];
    const state = initialState(
      base === undefined ? undefined : states.get(base),
      bases[stage.index]!,
      opts,
    );
    if (!dispatchStage(ctx, stage, state)) break;
    states.set(stage.index, state);
  }
  return done();
}
