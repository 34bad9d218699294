import type { EditorSlice } from './editorSlice.ts';
import type { SaveSlice } from './saveSlice.ts';

/** The whole lab state: the union of the slices, plus what acts on all of them. */
export interface LabState extends EditorSlice, SaveSlice {
  /** Back to a first visit: the starter Dockerfile, no save problem. */
  reset: () => void;
}

/** The part of the state kept between visits: what the learner did, nothing derived. */
export type PersistedLabState = Pick<LabState, 'dockerfile'>;
