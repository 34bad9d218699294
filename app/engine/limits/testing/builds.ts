/**
 * Test helpers for the limit tests: an engine over the small test base image, and the error a
 * learner sees at the end of a build.
 */
import { Engine, type BuildOptions, type EngineBuildResult } from '../../daemon/engine.ts';
import { buildkitExpand, planDockerfile } from '../../build/plan.ts';
import { resolveTestImage } from '../../build/testing/fixtures.ts';
import { builtinCatalog } from '../../shell/packages/builtin.ts';
import { MergedView } from '../../fs/index.ts';

export const newEngine = (): Engine =>
  new Engine({
    planner: planDockerfile,
    expand: buildkitExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 1,
  });

export interface Failure {
  message: string;
  code: string;
  line: number | undefined;
  output: string;
}

/** Builds and returns the build's error (message, code, Dockerfile line), or undefined. */
export function buildError(
  dockerfile: string,
  files: BuildOptions['files'] = [],
  extra: Partial<BuildOptions> = {},
): { result: EngineBuildResult; error: Failure | undefined } {
  const result = newEngine().build({ dockerfile, files, ...extra });
  const err = result.events.find((e) => e.type === 'error');
  const output = result.events.flatMap((e) => (e.type === 'output' ? [e.text] : [])).join('');
  if (!err || err.type !== 'error') return { result, error: undefined };
  return {
    result,
    error: { message: err.message, code: err.code, line: err.range?.start.line, output },
  };
}

/** A file's text in a built image, or undefined. */
export function readImageFile(result: EngineBuildResult, path: string): string | undefined {
  const layers = result.image?.layers;
  if (!layers) return undefined;
  const e = MergedView.of(layers).lookup(path);
  return e && e.type === 'file' ? new TextDecoder().decode(e.data ?? new Uint8Array()) : undefined;
}
