/**
 * How BuildKit names a step's vertex in its progress output (`#5 [2/4] RUN echo "dev" > /mode`),
 * following moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go: the instruction with the
 * stage's ENV and ARG values substituted (processCmdEnv), and the `[n/N]` prefix (prefixCommand).
 * Recorded on Docker 28.5 (conformance/scenarios/42-step-names, 03-workdir, 38-from-scratch).
 */
import { tryExpandWord } from '../dockerfile/expand.ts';
import { workdirPath } from './metadata.ts';
import { variables, type StageState } from './stage.ts';
import type { BuilderKind, StepInfo } from './events.ts';
import { isFilesystemStep, type StageSpec, type StepSpec } from './steps.ts';

/** convert.go uppercaseCmd: the first word in capitals (`run echo` is printed `RUN echo`). */
function uppercaseCmd(text: string): string {
  const space = text.indexOf(' ');
  return space < 0 ? text.toUpperCase() : text.slice(0, space).toUpperCase() + text.slice(space);
}

/**
 * The name BuildKit gives a RUN, COPY, ADD or WORKDIR vertex, or undefined when it makes none:
 * a WORKDIR that leaves the directory at `/` creates nothing, so it has no vertex (and takes no
 * number; the `[n/N]` total still counts it). RUN keeps its quotes and leaves unset variables as
 * written (dispatchRun sets RawQuotes and SkipUnsetEnv); the others expand as a word. A word that
 * does not expand is printed as written, as processCmdEnv does.
 * @example vertexName(runStep, state) // 'RUN echo "dev" > /mode' with ARG MODE=dev
 */
export function vertexName(step: StepSpec, state: StageState): string | undefined {
  if (step.keyword === 'WORKDIR') {
    const raw = tryExpandWord(step.value, variables(state)).value;
    if (workdirPath(state.config.WorkingDir, raw) === '/') return undefined;
  }
  const text = step.keyword === 'RUN' ? runName(step) : step.text;
  const expanded = tryExpandWord(
    text,
    variables(state),
    step.keyword === 'RUN' ? { rawQuotes: true, rawEscapes: false, skipUnset: true } : {},
  );
  return uppercaseCmd(expanded.error ? text : expanded.value);
}

/**
 * A RUN that is one heredoc alone (`RUN <<EOT`) is named with its body's first line
 * (dispatchRun's customname and summarizeHeredoc: `RUN <<EOT (echo one > /one...)`).
 */
function runName(step: Extract<StepSpec, { keyword: 'RUN' }>): string {
  const alone = /^\S+\s+<<-?\s*["']?\w*["']?$/.test(step.text.trim());
  if (!alone || step.command.shell === undefined) return step.text;
  const lines = step.command.shell.trim().replace(/\r\n/g, '\n').split('\n');
  return `${step.text} (${lines[0]}${lines.length > 1 ? '...' : ''})`;
}

/**
 * prefixCommand's `[n/N]`, with the stage name in a multi-stage build; the number is padded to
 * the width of the total (`[ 3/12]`).
 * @example vertexLabel(3, 12, undefined) // '[ 3/12]'
 */
export function vertexLabel(n: number, total: number, stage: string | undefined): string {
  const width = String(total).length;
  return `[${stage !== undefined ? `${stage} ` : ''}${String(n).padStart(width)}/${total}]`;
}

/**
 * A stage's ONBUILD triggers, and how many of them are vertices. BuildKit counts the stage's
 * vertices before the triggers are known and adds every trigger to the total afterwards, as a
 * vertex or not (convert.go initOnBuildTriggers: cmdTotal += len(commands)): the FROM keeps the
 * first total (`[1/2] FROM t`), the steps after it get the second (`[2/3] ONBUILD RUN …`).
 */
export function vertexTotals(stage: StageSpec): { triggers: number; triggerVertices: number } {
  const triggers = stage.steps.filter((s) => s.onbuild);
  return { triggers: triggers.length, triggerVertices: triggers.filter(isFilesystemStep).length };
}

/**
 * BuildKit's vertices of a stage as the build reaches them: numbered in order, a step without
 * a vertex (a WORKDIR that stays at `/`) takes no number, though the total still counts it
 * (dockerfile2llb/convert.go: cmdTotal is counted up front, cmdIndex only in prefixCommand).
 */
export function stageVertices(
  builder: BuilderKind,
  stageCount: number,
  stage: StageSpec,
  infos: readonly StepInfo[],
) {
  const numbered = infos.filter((i) => i.stage === stage.index && i.vertexLabel !== undefined);
  const totals = vertexTotals(stage);
  const before = numbered.length - totals.triggerVertices;
  const multi = stageCount > 1;
  let count = 0;
  return {
    next(
      n: number,
      nameOf: () => string | undefined,
    ): { label?: string; name?: string; noVertex?: true } {
      const info = infos[n];
      if (builder !== 'buildkit' || info?.vertexLabel === undefined) return {};
      const name = info.keyword === 'FROM' ? undefined : nameOf();
      if (info.keyword !== 'FROM' && name === undefined) return { noVertex: true };
      const label = vertexLabel(
        ++count,
        info.keyword === 'FROM' ? before : before + totals.triggers,
        multi ? (stage.name ?? `stage-${stage.index}`) : undefined,
      );
      if (info.keyword === 'FROM') return { label };
      return { label, ...(name ? { name: info.onbuild ? `ONBUILD ${name}` : name } : {}) };
    },
  };
}
