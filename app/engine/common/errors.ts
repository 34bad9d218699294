/**
 * The engine's errors, typed as isomorphic-git types its own: a union of codes, each with the
 * data it carries, a message a learner understands, and the Dockerfile range when there is one.
 * Plain data (code, message, range, data), so an error crosses to the page by structured clone.
 * User input never makes the engine throw anything else.
 */
import type { SourceRange } from './diagnostics.ts';

/** What a failure may carry besides its message. */
export interface ErrorDetail {
  /** What to do about it, in a sentence. */
  hint?: string | undefined;
  /** The classic builder's words for the same failure, where they differ from BuildKit's. */
  classic?: string | undefined;
  /** The failing program's output, shown on the step's card and in the log. */
  output?: string | undefined;
  /** An image the lab has, to switch a FROM it cannot use to (`python:3.13-slim`). */
  switchTo?: string | undefined;
  /** Where the image name sits in its FROM line, for the switch. */
  imageRange?: SourceRange | undefined;
}

/** Every code the engine throws, and what each carries. */
export interface EngineErrorData {
  /** Dockerfile and build: the failure stops the build, the event points at the step. */
  'add-breakout': ErrorDetail;
  'bad-chmod': ErrorDetail;
  'bad-duration': ErrorDetail;
  'base-not-found': ErrorDetail;
  'build-budget': ErrorDetail;
  /** `# check=error=true`: a build check failed the build before it ran. */
  'build-check': ErrorDetail;
  'copy-dest-not-dir': ErrorDetail;
  'copy-not-found': ErrorDetail;
  /** The legacy builder's COPY/ADD with only heredocs: it reads none, so there is no source. */
  'copy-no-source': ErrorDetail;
  'env-blank': ErrorDetail;
  'from-not-found': ErrorDetail;
  /** A real image this offline lab does not carry (ubuntu, alpine, an `-alpine` tag). */
  'image-not-in-lab': ErrorDetail;
  'invalid-value': ErrorDetail;
  'no-command': ErrorDetail;
  'no-stage': ErrorDetail;
  'run-budget': ErrorDetail;
  /** A RUN command exited non-zero: its status (127: not found). */
  'run-failed': ErrorDetail & { exitCode: number };
  'run-forever': ErrorDetail;
  'stage-order': ErrorDetail;
  /** A repository Docker Hub has, with a tag it does not have (`python:2.9`). */
  'tag-not-found': ErrorDetail;
  'unknown-group': ErrorDetail;
  'unknown-target': ErrorDetail;
  'unknown-user': ErrorDetail;
  /** The daemon and the CLI: printed as docker prints them. */
  /** `docker commit --change` with an instruction dockerd refuses or cannot read. */
  'bad-change': ErrorDetail;
  'bad-flag': ErrorDetail;
  /** `docker ps --filter` with a key or value dockerd refuses. */
  'bad-filter': ErrorDetail;
  'bad-name': ErrorDetail;
  /** `docker rmi` refused: the image is in use, has children or several names. */
  'image-conflict': ErrorDetail;
  /** An image reference docker refuses (`Foo:bar`, `a::b`): the reference as given. */
  'invalid-reference': ErrorDetail & { ref?: string };
  'name-in-use': ErrorDetail;
  'no-such-container': ErrorDetail;
  'no-such-image': ErrorDetail;
  'port-taken': ErrorDetail;
  'pull-denied': ErrorDetail;
  'push-denied': ErrorDetail;
  running: ErrorDetail;
  /** A `--format` Go template docker cannot parse: the template as given. */
  'template-error': ErrorDetail & { template?: string };
  /**
   * `docker load` refused the file: why (`not-a-tar`, `truncated`, `diffid`...), and Docker
   * 28.5's own words per image store where it was recorded failing on the same input.
   */
  'load-refused': ErrorDetail & {
    reason: string;
    docker: Partial<Record<'overlay2' | 'containerd', string>>;
  };
  /** Saved state that cannot be read back (a file from another version, or damaged). */
  'state-corrupt': ErrorDetail;
  'state-version': ErrorDetail;
  /** A package whose files the lab had not loaded when a command needed them (run it again). */
  'catalog-files-not-loaded': ErrorDetail;
  /** Saved state of the other image store than the engine runs (containerd or overlay2). */
  'state-store': ErrorDetail;
  /** A bug in the simulator, said in words instead of taking the page down. */
  internal: ErrorDetail;
}

export type EngineErrorCode = keyof EngineErrorData;

/**
 * An engine error with a code, a learner-facing message and, where there is one, the
 * Dockerfile range it points at.
 *
 * @example
 * throw new EngineError('unknown-user', 'unable to find user app: no matching entries in passwd file', range, {
 *   hint: 'Create the user first, e.g. RUN useradd app, before USER app.',
 * });
 */
export class EngineError<C extends EngineErrorCode = EngineErrorCode> extends Error {
  readonly code: C;
  readonly range: SourceRange | undefined;
  readonly data: EngineErrorData[C];
  constructor(code: C, message: string, range?: SourceRange, data?: EngineErrorData[C]) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.range = range;
    this.data = data ?? ({} as EngineErrorData[C]);
  }
}

/** Whether `e` is an engine error with this code. */
export function isEngineError<C extends EngineErrorCode>(e: unknown, code: C): e is EngineError<C> {
  return e instanceof EngineError && e.code === code;
}
