/**
 * ONBUILD triggers as a child build runs them. A stage that starts FROM an image whose config
 * has OnBuild, or FROM an earlier stage with ONBUILD instructions, runs those instructions first,
 * in order, as if written right after its FROM, at the FROM's line; the stage's own image keeps
 * no OnBuild (triggers fire once, never in a grandchild).
 *
 * BuildKit (moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go, initOnBuildTriggers):
 * the triggers are parsed once the base's metadata is loaded and put before the stage's
 * commands; the FROM was numbered before (`[1/2] FROM t`), the triggers and the steps after
 * count them (`[2/3] ONBUILD RUN …`, `[3/3] RUN …`); an error points at the stage's FROM line.
 * The legacy builder (moby daemon/builder/dockerfile/dispatchers.go, dispatchTriggeredOnBuild)
 * runs them inside its FROM step under `# Executing N build trigger(s)`. Recorded on Docker
 * 28.5: conformance/scenarios/39-onbuild, 46-onbuild-triggers.
 */
import { EngineError } from '../common/diagnostics.ts';
import { parseDockerfile } from '../dockerfile/parse.ts';
import type { BuildRequest } from './builder.ts';
import type { Needed } from './order.ts';
import { stageBase } from './stage-start.ts';
import { stepFromNode } from './plan.ts';
import type { BuildPlan, StageSpec, StepSpec } from './steps.ts';

/** The trigger texts a stage runs after its FROM (`RUN echo triggered > /onbuild`). */
export function stageTriggers(req: BuildRequest, stage: StageSpec): string[] {
  let base: ReturnType<typeof stageBase>;
  try {
    base = stageBase(req, stage);
  } catch {
    return []; // a name Docker refuses: the stage's start says so in its own words
  }
  if (base.kind === 'stage')
    return base.stage.steps.flatMap((s) => (s.keyword === 'ONBUILD' ? [s.trigger] : []));
  if (base.kind === 'scratch') return [];
  try {
    return [...(req.resolveImage(base.ref)?.config.OnBuild ?? [])];
  } catch {
    return [];
  }
}

/** One trigger as a step of the child's stage, at the child's FROM line. */
function triggerStep(trigger: string, stage: StageSpec): StepSpec {
  const parsed = parseDockerfile(`FROM scratch\n${trigger}\n`);
  const node = parsed.stages[0]?.nodes[1];
  const problem = parsed.diagnostics.find((d) => d.severity === 'error' && d.when !== 'build');
  const step =
    node && !problem && parsed.stages[0]!.nodes.length === 2 ? stepFromNode(node) : undefined;
  if (!step || step.keyword === 'FROM' || step.keyword === 'ONBUILD')
    throw new EngineError(
      'invalid-value',
      problem?.docker ??
        problem?.message ??
        `the base image's ONBUILD trigger "${trigger}" is not an instruction the builder can run`,
      stage.from.range,
      {
        hint: 'The image this stage starts FROM carries an ONBUILD trigger that cannot run; rebuild that image without it.',
      },
    );
  return { ...step, range: stage.from.range, onbuild: true };
}

/**
 * The plan with every needed stage's triggers put after its FROM (the same plan when no stage
 * has any). Steps that come from a trigger have `onbuild: true`.
 * @example withTriggers(req, needed).stages[1]!.steps[0]!.onbuild // true
 */
export function withTriggers(req: BuildRequest, needed: Needed): BuildPlan {
  let changed = false;
  const stages = req.plan.stages.map((stage) => {
    if (!needed.stages.has(stage.index)) return stage;
    const triggers = stageTriggers(req, stage);
    if (triggers.length === 0) return stage;
    changed = true;
    return { ...stage, steps: [...triggers.map((t) => triggerStep(t, stage)), ...stage.steps] };
  });
  return changed ? { ...req.plan, stages } : req.plan;
}
