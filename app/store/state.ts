import type { BuildSlice } from './buildSlice.ts';
import type { EditorSlice } from './editorSlice.ts';
import type { EngineClient } from './engineClient.ts';
import type { LessonAuthoringSlice } from './lessonAuthoringSlice.ts';
import type { KeptSlice } from './keptSlice.ts';
import type { LessonBuilderSlice } from './lessonBuilderSlice.ts';
import type { LessonSlice } from './lessonSlice.ts';
import type { SaveSlice } from './saveSlice.ts';
import type { ShownImageSlice } from './shownImage.ts';
import type { TerminalSlice } from './terminalSlice.ts';
import type { WorkspaceSlice } from './workspaceSlice.ts';

/** The whole lab state: the union of the slices, plus what acts on all of them. */
export interface LabState
  extends
    EditorSlice,
    SaveSlice,
    WorkspaceSlice,
    BuildSlice,
    ShownImageSlice,
    KeptSlice,
    TerminalSlice,
    LessonSlice,
    LessonAuthoringSlice,
    LessonBuilderSlice {
  /** Back to a first visit: the starter Dockerfile and files, no builds, no save problem. */
  reset: () => void;
  /** The engine (started on first use). */
  engine: () => EngineClient;
}

/** The part of the state kept between visits: what the learner did, nothing derived. */
export type PersistedLabState = Pick<
  LabState,
  'dockerfile' | 'files' | 'builder' | 'imageStore' | 'noCache' | 'buildArgs' | 'tag'
>;
