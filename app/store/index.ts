// The store's public face for app/ui.
export { LabStoreProvider, useLabStore, useLabStoreApi } from './context.tsx';
export type { LabStoreProviderProps } from './context.tsx';
export { createLabStore, LAB_STORAGE_KEY } from './store.ts';
export type { LabStore, LabStoreOptions } from './store.ts';
export type { LabState } from './state.ts';
export type { SaveProblem } from './saveSlice.ts';
export * from './selectors.ts';
export { parseDockerfileCached, useDockerfileParse } from './derived.ts';
export type { ParseResult } from './derived.ts';
export { STARTER_DOCKERFILE } from './starter.ts';
export {
  buildProgress,
  playedLayer,
  restingStep,
  stepAnnouncement,
  viewedStep,
} from './progress.ts';
export type { BuildProgress, StepPhase, StepProgress } from './progress.ts';
export { shownBuild, stepBoundaries } from './playback.ts';
export type { BuildRecord } from './playback.ts';
export { STARTERS } from './starters.ts';
export { buildCommand, buildFlags } from './buildCommand.ts';
export type { BuildSettings } from './buildCommand.ts';
export type { WorkspaceFile } from './workspaceSlice.ts';
export * from './union.ts';
export type { ShownImage } from './shownImage.ts';
export { isArchive } from './archiveSniff.ts';
export { changedFiles, sameCheck } from './lessonBuilderSlice.ts';
export type { BuilderCheck, BuilderDraft } from './lessonBuilderSlice.ts';
