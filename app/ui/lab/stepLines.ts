/**
 * The lines of the build step the lab is showing (the one playing, chosen, or resting), for the
 * editor and the read-only Dockerfile to mark. Only while the editor holds what that build was
 * made from: after an edit the lines may have moved. Pure.
 */
import { buildProgress, selectShownStale, viewedStep, type LabState } from '../../store/index.ts';

export interface StepLines {
  from: number;
  to: number;
}

/**
 * First and last line of the step the panels show, or undefined (nothing built, nothing
 * played yet, or the editor changed since).
 *
 * @example
 * stepLinesOf(state); // { from: 5, to: 7 }: a RUN continued over three lines
 */
export function stepLinesOf(s: LabState): StepLines | undefined {
  const b = s.shownBuild === undefined ? undefined : s.builds[s.shownBuild];
  if (!b || s.cursor === 0 || selectShownStale(s)) return undefined;
  const p = buildProgress(b.view, s.cursor);
  const i = viewedStep(p, { selected: s.selectedStep, resting: s.resting });
  const range = i === undefined ? undefined : p.steps[i]?.info.range;
  return range ? { from: range.start.line, to: range.end.line } : undefined;
}
