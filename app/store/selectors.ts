import { builtFromOther } from './buildSlice.ts';
import type { LabState } from './state.ts';

// Module-level selectors: stable identities, so components re-render only on real changes.
export const selectDockerfile = (s: LabState) => s.dockerfile;
export const selectSetDockerfile = (s: LabState) => s.setDockerfile;
export const selectSaveProblem = (s: LabState) => s.saveProblem;

/** The shown build was made from something other than what the editor holds now. */
export const selectShownStale = (s: LabState): boolean => {
  const b = s.shownBuild === undefined ? undefined : s.builds[s.shownBuild];
  return b !== undefined && builtFromOther(b, s);
};
