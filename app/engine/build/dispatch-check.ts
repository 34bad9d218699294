/**
 * What BuildKit refuses while it turns the Dockerfile into its build graph, before any step
 * runs: `EXPOSE eighty` fails the whole build with "invalid containerPort: eighty" and no step
 * starts (observed on Docker 28.5). The legacy builder runs the steps before it and fails at the
 * instruction itself (metadata.ts). Values that read a variable are checked at their step.
 */
import { EngineError } from '../common/diagnostics.ts';
import { parseExposedPort, signalProblem, valueWords } from '../dockerfile/values.ts';
import type { BuildPlan } from './steps.ts';

/** Strips the quotes of a literal word; undefined for a word that reads a variable. */
function literal(word: string): string | undefined {
  if (word.includes('$')) return undefined;
  return word.replace(/^(["'])(.*)\1$/s, '$2');
}

/** The first value BuildKit would refuse in the stages it builds, as the error it fails with. */
export function dispatchProblem(
  plan: BuildPlan,
  stages: ReadonlySet<number>,
): EngineError | undefined {
  for (const stage of plan.stages) {
    if (!stages.has(stage.index)) continue;
    for (const step of stage.steps) {
      if (step.keyword === 'EXPOSE') {
        for (const word of step.ports) {
          const value = literal(word);
          const r = value === undefined ? undefined : parseExposedPort(value);
          if (r && !r.ok)
            return new EngineError('invalid-value', r.buildkit, step.range, {
              hint: `${valueWords.port(value!)} ${valueWords.portHint}`,
            });
        }
      } else if (step.keyword === 'STOPSIGNAL') {
        const value = literal(step.value);
        const bad = value === undefined ? undefined : signalProblem(value);
        if (bad)
          return new EngineError('invalid-value', bad, step.range, {
            hint: `${valueWords.signal(value!)} ${valueWords.signalHint}`,
          });
      }
    }
  }
  return undefined;
}
