/**
 * Which stages a build needs (BuildKit skips the others; classic builds every stage up to the
 * target) and the numbered step list the events and the output refer to.
 */
import type { Expander } from './builder.ts';
import type { BuilderKind, StepInfo } from './events.ts';
import { isFilesystemStep, type BuildPlan, type StageSpec } from './steps.ts';
import { vertexLabel, vertexTotals } from './vertex.ts';

export interface Needed {
  stages: Set<number>;
  /** Base images the needed stages start FROM or COPY --from, as written after expansion. */
  baseRefs: Set<string>;
  /** Stages that start FROM an image (not scratch, not an earlier stage). */
  fromImage: Set<number>;
}

function stageByRef(plan: BuildPlan, ref: string, before: number): StageSpec | undefined {
  const lower = ref.toLowerCase();
  return plan.stages.find(
    (s) =>
      s.index < before &&
      (s.name?.toLowerCase() === lower || (/^\d+$/.test(ref) && s.index === Number(ref))),
  );
}

export function neededStages(
  plan: BuildPlan,
  target: StageSpec,
  builder: BuilderKind,
  expand: Expander,
  buildArgs: Readonly<Record<string, string>>,
): Needed {
  const vars = new Map<string, string>();
  for (const a of plan.globalArgs) {
    const v = buildArgs[a.name] ?? a.value;
    if (v !== undefined) vars.set(a.name, v);
  }
  const stages = new Set<number>();
  const baseRefs = new Set<string>();
  const fromImage = new Set<number>();
  const visit = (stage: StageSpec) => {
    if (stages.has(stage.index)) return;
    stages.add(stage.index);
    const from = expand(stage.from.image, vars).value;
    const parent = stageByRef(plan, from, stage.index);
    if (parent) visit(parent);
    else if (from.toLowerCase() !== 'scratch') {
      baseRefs.add(from);
      fromImage.add(stage.index);
    }
    for (const step of stage.steps) {
      if ((step.keyword === 'COPY' || step.keyword === 'ADD') && step.copy.from !== undefined) {
        const src = stageByRef(plan, step.copy.from, stage.index);
        if (src) visit(src);
        else baseRefs.add(step.copy.from);
      }
    }
  };
  if (builder === 'classic') {
    for (const s of plan.stages) if (s.index <= target.index) visit(s);
  } else visit(target);
  return { stages, baseRefs, fromImage };
}

/**
 * Every step of every stage, FROM included, with BuildKit's `[n/N]` labels for needed stages.
 * BuildKit counts RUN, COPY, ADD and WORKDIR, and the FROM only when it pulls an image: FROM
 * scratch and FROM an earlier stage are no vertex (dockerfile2llb/convert.go, cmdTotal).
 */
export function planStepInfos(plan: BuildPlan, needed: Needed, builder: BuilderKind): StepInfo[] {
  const infos: StepInfo[] = [];
  const multi = plan.stages.length > 1;
  for (const stage of plan.stages) {
    const all = [stage.from, ...stage.steps];
    const numbered = all.filter((s) =>
      s.keyword === 'FROM' ? needed.fromImage.has(stage.index) : isFilesystemStep(s),
    );
    const name = multi ? (stage.name ?? `stage-${stage.index}`) : undefined;
    const totals = vertexTotals(stage);
    const before = numbered.length - totals.triggerVertices;
    for (const step of all) {
      const n = numbered.indexOf(step);
      const total = step.keyword === 'FROM' ? before : before + totals.triggers;
      infos.push({
        index: infos.length,
        stage: stage.index,
        stageName: stage.name,
        keyword: step.keyword,
        text: step.text,
        range: step.range,
        kind: step.keyword === 'FROM' ? 'base' : isFilesystemStep(step) ? 'filesystem' : 'metadata',
        vertexLabel:
          builder === 'buildkit' && needed.stages.has(stage.index) && n >= 0
            ? vertexLabel(n + 1, total, name)
            : undefined,
        ...(step.onbuild ? { onbuild: true as const } : {}),
      });
    }
  }
  return infos;
}
