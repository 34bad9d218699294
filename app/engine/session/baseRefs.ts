/** The base images a Dockerfile names in its FROM lines (the worker loads them before a build). */
import { buildkitExpand, planDockerfile } from '../build/plan.ts';

/**
 * Images the FROM lines name, build args expanded; `scratch` and earlier stages left out.
 * @example baseRefs('FROM debian:bookworm-slim AS b\nFROM b\n') // ['debian:bookworm-slim']
 */
export function baseRefs(dockerfile: string): string[] {
  const { plan } = planDockerfile(dockerfile);
  if (!plan) return [];
  const names = new Set(plan.stages.map((s) => s.name).filter(Boolean));
  const vars = new Map(plan.globalArgs.map((a) => [a.name, a.value ?? '']));
  return plan.stages
    .map((s) => buildkitExpand(s.from.image, vars).value)
    .filter((ref) => ref !== 'scratch' && !names.has(ref.toLowerCase()));
}
