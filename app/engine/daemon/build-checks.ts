/**
 * The build checks of one build, as BuildKit runs them while it converts the Dockerfile: the
 * stages the target needs, the base images' variables and SHELL, .dockerignore, --build-arg.
 * The classic builder runs none (it prints only the parser's empty-continuation warning).
 */
import { baseNotFoundMessage } from '../build/stage-start.ts';
import type { BuildContext } from '../build/context.ts';
import type { Diagnostic, SourceRange } from '../common/diagnostics.ts';
import { tryExpandWord } from '../dockerfile/expand.ts';
import { matchesIgnore } from '../build/dockerignore.ts';
import type { RunConfig } from '../fs/index.ts';
import type { ParseResult } from '../dockerfile/parse.ts';
import { buildMetaArgs, defaultArgs } from '../dockerfile/rules/from-rules.ts';
import { lintDockerfile, type LintOptions, type LintResult } from '../dockerfile/rules/index.ts';
import { isValidImageRef, parseImageRef } from '../images/reference.ts';

export interface BuildCheckInput {
  parsed: ParseResult;
  context: BuildContext;
  buildArgs: Readonly<Record<string, string>>;
  target: string | undefined;
  /** A base image's config, looked up without pulling it. */
  baseConfig: (ref: string) => RunConfig | undefined;
}

/** What the checks need to know of the build besides the Dockerfile. */
function lintOptions(input: BuildCheckInput, mode: LintOptions['mode']): LintOptions {
  return {
    mode,
    target: input.target,
    buildArgs: input.buildArgs,
    baseImage: (ref) => {
      const config = input.baseConfig(ref);
      return config && { env: config.Env ?? [], shell: (config.Shell ?? []).length > 0 };
    },
    ignored: (path) => matchesIgnore(input.context.ignore, path),
    validReference: isValidImageRef,
  };
}

/** BuildKit's build checks for a build (build mode: what `docker build` prints). */
export function checksForBuild(input: BuildCheckInput): LintResult {
  return lintDockerfile(input.parsed, lintOptions(input, 'build'));
}

/** What `docker build --check` found: the checks, and the error that stopped it, if any. */
export interface CheckRun {
  checks: LintResult['checks'];
  /** BuildKit's error (a Dockerfile it refuses, a base image it cannot find, error=true). */
  error: { message: string; range: SourceRange | undefined } | undefined;
  /** The images it looked up, in order (each a `load metadata` line of the progress). */
  baseImages: string[];
}

export interface CheckInput extends BuildCheckInput {
  diagnostics: readonly Diagnostic[];
  /** Why a base image is missing, when the lab knows (a real image it does not carry). */
  missing?: (ref: string) => string | undefined;
}

/**
 * `docker build --check`: BuildKit's lint request. Every stage is checked (only those the
 * target needs with --target); base images are looked up as for a build; nothing is built.
 */
export function checkOnly(input: CheckInput): CheckRun {
  const lint = lintDockerfile(input.parsed, lintOptions(input, 'check'));
  const refused = input.diagnostics.find((d) => d.severity === 'error' && d.when !== 'build');
  if (refused) {
    return {
      checks: lint.checks,
      error: {
        message: `dockerfile parse error on line ${refused.range.start.line}: ${refused.docker ?? refused.message}`,
        range: refused.range,
      },
      baseImages: [],
    };
  }
  const stages = new Set(input.parsed.stages.map((s) => s.name).filter(Boolean));
  const platform = defaultArgs(input.buildArgs, input.target ?? '');
  const vars = buildMetaArgs(input.parsed, platform, input.buildArgs) ?? platform;
  const baseImages: string[] = [];
  for (const s of input.parsed.stages) {
    const ref = tryExpandWord(s.base?.value ?? '', vars, { escape: input.parsed.escape }).value;
    if (ref.toLowerCase() === 'scratch' || stages.has(ref) || baseImages.includes(ref)) continue;
    baseImages.push(ref);
  }
  for (const ref of baseImages) {
    const stage = input.parsed.stages.find(
      (s) =>
        tryExpandWord(s.base?.value ?? '', vars, { escape: input.parsed.escape }).value === ref,
    );
    try {
      parseImageRef(ref);
    } catch (e) {
      const message = `failed to parse stage name "${ref}": ${(e as Error).message}`;
      return { checks: lint.checks, error: { message, range: stage?.from.range }, baseImages: [] };
    }
    if (!input.baseConfig(ref)) {
      return {
        checks: lint.checks,
        error: { message: input.missing?.(ref) ?? baseNotFoundMessage(ref), range: undefined },
        baseImages,
      };
    }
  }
  return {
    checks: lint.checks,
    error: lint.error ? { message: lint.error, range: undefined } : undefined,
    baseImages,
  };
}
