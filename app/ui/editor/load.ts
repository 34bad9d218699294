/**
 * Loading the editor's chunk. React 19 holds back a Suspense boundary's content for up to
 * 300 ms after its fallback shows, so a lazy component whose chunk is already here would still
 * wait. `editorModule()` hands React.lazy a thenable that resolves synchronously once the chunk
 * has arrived (started early by `preloadEditor` in main.tsx), so the editor mounts at once.
 */
import type { ComponentType } from 'react';

type EditorModule = { default: ComponentType };

let loaded: EditorModule | undefined;
let loading: Promise<EditorModule> | undefined;

export function preloadEditor(): Promise<EditorModule> {
  loading ??= import('./DockerfileEditor.tsx').then((m) => {
    loaded = { default: m.DockerfileEditor };
    return loaded;
  });
  return loading;
}

/** For React.lazy: synchronous when the chunk is here, a promise otherwise. */
export function editorModule(): PromiseLike<EditorModule> {
  if (loaded) {
    const mod = loaded;
    return { then: (resolve) => Promise.resolve(resolve ? resolve(mod) : mod) as never };
  }
  return preloadEditor();
}
