/**
 * What a build tells the world, step by step. The UI animates these events and never
 * re-derives them; the CLI prints them in Docker's formats (output.ts).
 */
import type { SourceRange } from '../common/diagnostics.ts';
import type { EngineErrorCode } from '../common/errors.ts';

export type BuilderKind = 'buildkit' | 'classic';

/**
 * How a step ended. `metadata`: BuildKit changes only the config, nothing is cached or run.
 * `canceled`: BuildKit stopped it (or never started it) when another step failed the solve.
 */
export type StepOutcome =
  'base' | 'cached' | 'built' | 'metadata' | 'skipped' | 'failed' | 'canceled';

export interface StepInfo {
  /** Position in the build's step list (0-based). */
  index: number;
  /** Build stage index and name (if it has one). */
  stage: number;
  stageName: string | undefined;
  keyword: string;
  /** The instruction as written, continuation lines joined (what Docker prints). */
  text: string;
  range: SourceRange;
  /** `filesystem` steps make a layer; `metadata` steps only change the image config. */
  kind: 'base' | 'filesystem' | 'metadata';
  /** BuildKit's `[n/N]` label for FROM/RUN/COPY/ADD/WORKDIR, undefined for other steps. */
  vertexLabel: string | undefined;
  /**
   * The step is an ONBUILD trigger of the image (or stage) this stage starts FROM, run right
   * after the FROM, at its line (build/onbuild.ts).
   */
  onbuild?: true;
}

export type MissReasonKind =
  | 'first-build'
  | 'no-cache'
  | 'parent-rebuilt'
  | 'instruction-changed'
  | 'files-changed'
  | 'arg-changed'
  | 'env-changed'
  | 'base-changed';

export interface MissReason {
  kind: MissReasonKind;
  /** In words, e.g. "a.txt changed (content)", "the step before it was rebuilt". */
  text: string;
  /** Per-file changes for `files-changed`. */
  files?: { path: string; change: 'added' | 'removed' | 'content' | 'mode' | 'owner' | 'type' }[];
}

/** What a step's cache key is made of, for the "Build cache" panel. */
export interface CacheKeyParts {
  key: string;
  parent: string | undefined;
  instruction: string;
  files: { path: string; checksum: string }[] | undefined;
  args: Record<string, string> | undefined;
  env: string[] | undefined;
}

export interface LayerSummary {
  diffId: string;
  /** The files' bytes: `docker history` SIZE on the overlay2 store. */
  size: number;
  /**
   * The snapshot on disk, in 4 KiB blocks: `docker history` SIZE on the containerd store
   * (absent in builds saved before it was kept).
   */
  diskUsage?: number;
  added: number;
  changed: number;
  deleted: number;
}

export type BuildEvent =
  | {
      type: 'build-start';
      builder: BuilderKind;
      steps: StepInfo[];
      target: string | undefined;
      /** The Dockerfile's name and size, the context size after .dockerignore, base images. */
      dockerfile: string;
      dockerfileBytes: number;
      contextBytes: number;
      baseImages: string[];
    }
  | {
      type: 'step-start';
      step: number;
      /**
       * BuildKit's vertex for the step as this build names it (build/vertex.ts): its `[n/N]`
       * and the instruction with ENV and ARG values substituted (absent for FROM, whose name
       * the output makes). `noVertex`: BuildKit prints nothing for this step (a WORKDIR that
       * stays at `/`).
       */
      label?: string;
      name?: string;
      noVertex?: true;
    }
  | { type: 'cache-hit'; step: number; key: CacheKeyParts }
  | { type: 'cache-miss'; step: number; key: CacheKeyParts; reason: MissReason }
  | { type: 'output'; step: number; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'layer'; step: number; layer: LayerSummary | undefined }
  | { type: 'step-done'; step: number; outcome: StepOutcome; imageId: string | undefined }
  | { type: 'step-skipped'; step: number; reason: string }
  | {
      type: 'error';
      step: number | undefined;
      /** The engine error's code, or a diagnostic's (the parse stopped the build). */
      code: EngineErrorCode | (string & {});
      /** BuildKit's wording. */
      message: string;
      /** The classic builder's wording, where it differs. */
      classicMessage: string | undefined;
      /** What to do about it, in a learner's words. */
      hint: string | undefined;
      range: SourceRange | undefined;
      /** An image the lab has that would do instead of the one FROM names (a one-click switch). */
      switchTo: string | undefined;
      /** Where FROM's image name is written, for that switch. */
      imageRange: SourceRange | undefined;
    }
  | { type: 'build-done'; imageId: string; tags: string[] };
