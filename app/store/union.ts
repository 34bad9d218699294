/**
 * The union filesystem for the picture: the engine's union map of an image (and a container),
 * fetched when asked, and the engine's rules to read it (which layer shows a path at a height
 * of the stack, copy-ups), for the UI to call through the store.
 */
import { useEffect, useState } from 'react';
import type { EngineView, UnionView } from '../engine/session/types.ts';
import { useLabStore } from './context.tsx';

export { lowerBound, UNION_ROLES, type UnionMap, type UnionRole } from '../engine/fs/union.ts';
export { copiedUpFrom, fateTable, pathFate, type FateTable } from '../engine/fs/union-fate.ts';
export type { UnionView };

export interface UnionFetch {
  /** The last answer for this image (and container), or undefined while the first is on its way. */
  view: UnionView | undefined;
  /** Why the engine could not answer, in its words. */
  error: string | undefined;
}

/**
 * The engine's union map of an image, with a container's writable layer when one is named.
 * Asked again when the container may have changed (after each command: `engineView` is new).
 */
export function useUnionView(image: string | undefined, container: string | undefined): UnionFetch {
  const engine = useLabStore((s) => s.engine);
  const engineView = useLabStore((s) => s.engineView);
  const [state, setState] = useState<UnionFetch & { key: string }>({
    key: '',
    view: undefined,
    error: undefined,
  });
  // An image's map never changes; a container's does with every command run in it.
  const version: EngineView | undefined = container === undefined ? undefined : engineView;
  const key = `${image ?? ''}\0${container ?? ''}`;
  useEffect(() => {
    if (image === undefined) return;
    let live = true;
    engine()
      .union(image, container)
      .then((view) => live && setState({ key, view, error: undefined }))
      .catch(
        (e: unknown) =>
          live &&
          setState({
            key,
            view: undefined,
            error: e instanceof Error ? e.message : String(e),
          }),
      );
    return () => {
      live = false;
    };
  }, [engine, image, container, key, version]);
  // While a new image's map is on its way, the old one is not shown under the new build.
  if (state.key !== key && state.view?.image !== image)
    return { view: undefined, error: undefined };
  return state;
}
