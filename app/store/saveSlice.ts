import type { StateCreator } from 'zustand';
import type { LabState } from './state.ts';

/**
 * Why the last save to the browser's storage failed, if it did: `quota` when the storage is
 * full, `unavailable` when the browser refuses storage (private mode, blocked cookies).
 */
export type SaveProblem = 'quota' | 'unavailable';

export interface SaveSlice {
  saveProblem: SaveProblem | null;
  setSaveProblem: (problem: SaveProblem | null) => void;
  /** Set when another tab saved this lab and this tab now shows that version. */
  otherTabNotice: boolean;
  dismissOtherTabNotice: () => void;
}

export const createSaveSlice: StateCreator<LabState, [], [], SaveSlice> = (set, get) => ({
  saveProblem: null,
  // Only a change is written: a save reporting the same outcome must not loop back into a save.
  setSaveProblem: (problem) => {
    if (get().saveProblem !== problem) set({ saveProblem: problem });
  },
  otherTabNotice: false,
  dismissOtherTabNotice: () => set({ otherTabNotice: false }),
});
