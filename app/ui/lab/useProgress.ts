import { useMemo } from 'react';
import {
  useLabStore,
  buildProgress,
  type BuildProgress,
  type BuildRecord,
} from '../../store/index.ts';

/** The build the panels show, if any. */
export function useShownBuild(): BuildRecord | undefined {
  return useLabStore((s) => (s.shownBuild === undefined ? undefined : s.builds[s.shownBuild]));
}

/** The shown build's playback state (recomputed when the cursor or the build changes). */
export function useProgress(): BuildProgress | undefined {
  const build = useShownBuild();
  const cursor = useLabStore((s) => s.cursor);
  return useMemo(() => (build ? buildProgress(build.view, cursor) : undefined), [build, cursor]);
}
