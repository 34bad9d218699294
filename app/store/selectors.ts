import type { LabState } from './state.ts';

// Module-level selectors: stable identities, so components re-render only on real changes.
export const selectDockerfile = (s: LabState) => s.dockerfile;
export const selectSetDockerfile = (s: LabState) => s.setDockerfile;
export const selectSaveProblem = (s: LabState) => s.saveProblem;
