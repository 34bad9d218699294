// The store's public face for app/ui.
export { LabStoreProvider, useLabStore, useLabStoreApi } from './context.tsx';
export type { LabStoreProviderProps } from './context.tsx';
export { createLabStore, LAB_STORAGE_KEY } from './store.ts';
export type { LabStore, LabStoreOptions } from './store.ts';
export type { LabState } from './state.ts';
export type { SaveProblem } from './saveSlice.ts';
export * from './selectors.ts';
export {
  dockerfileDiagnosticsCached,
  parseDockerfileCached,
  useDockerfileDiagnostics,
  useDockerfileParse,
} from './derived.ts';
export type { ParseResult } from './derived.ts';
export { STARTER_DOCKERFILE } from './starter.ts';
