import type { StateCreator } from 'zustand';
import type { LabState } from './state.ts';
import { STARTER_DOCKERFILE } from './starter.ts';

/** What the learner typed. Everything the engine says about it is derived, never stored. */
export interface EditorSlice {
  dockerfile: string;
  setDockerfile: (text: string) => void;
}

export const createEditorSlice: StateCreator<LabState, [], [], EditorSlice> = (set) => ({
  dockerfile: STARTER_DOCKERFILE,
  setDockerfile: (text) => set({ dockerfile: text }),
});
