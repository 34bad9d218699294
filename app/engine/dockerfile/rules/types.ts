/** What the build checks produce: BuildKit's warnings, where they point, and mechanical fixes. */
import type { DiagnosticFix, SourceRange } from '../../common/diagnostics.ts';
import type { RuleName } from './ruleset.ts';

/** A text edit that fixes a check: offsets into the Dockerfile text. */
export type CheckFix = DiagnosticFix;

/** Lines (1-based, inclusive) as BuildKit's locations hold them. */
export interface LineSpan {
  start: number;
  end: number;
}

export interface BuildCheck {
  rule: RuleName;
  /** BuildKit's message for this occurrence (the rule's `Format`). */
  message: string;
  /** BuildKit's location: the lines its excerpt marks with `>>>`; `(line N)` is the first start. */
  lines: LineSpan[];
  /** The part of the text the check is about, for the editor (narrower than `lines`). */
  range: SourceRange;
  fix?: CheckFix;
}

/** Everything a lint needs to know besides the Dockerfile. */
export interface LintOptions {
  /**
   * `build`: only the stages the target needs are dispatched, and a warning repeated word for
   * word is shown once (what `docker build` prints). `check`: every stage unless a target is
   * given (`docker build --check`), and the editor.
   */
  mode: 'build' | 'check';
  target?: string | undefined;
  /** `--build-arg` values; `BUILDKIT_DOCKERFILE_CHECK` among them overrides `# check=`. */
  buildArgs?: Readonly<Record<string, string>>;
  /**
   * A base image's config, for the variables it defines and whether it sets SHELL. Undefined
   * when the image is not known here: then only PATH counts as defined (BuildKit always sets it).
   */
  baseImage?: (ref: string) => { env: readonly string[]; shell: boolean } | undefined;
  /** Whether a context path is excluded by .dockerignore (CopyIgnoredFile). */
  ignored?: (path: string) => boolean;
  /**
   * The editor's mode: go on past instructions BuildKit refuses (it stops at the first), so the
   * checks do not vanish while a line is half typed.
   */
  keepGoing?: boolean;
  /** Whether a string is a valid image reference (InvalidDefaultArgInFrom); default: assume so. */
  validReference?: (ref: string) => boolean;
}

export interface LintResult {
  /** In the order BuildKit reports them. */
  checks: BuildCheck[];
  /**
   * A failure the checks themselves cause: `# check=error=true` with warnings ("lint violation
   * found for rules: ..."), or a `# check=` value that does not parse.
   */
  error: string | undefined;
}
