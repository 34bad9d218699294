import { useMemo } from 'react';
import {
  useLabStore,
  buildProgress,
  viewedStep,
  type BuildProgress,
  type BuildRecord,
  shownBuild,
} from '../../store/index.ts';

/** The build the panels show, if any. */
export function useShownBuild(): BuildRecord | undefined {
  return useLabStore((s) => shownBuild(s));
}

/** The shown build's playback state (recomputed when the cursor or the build changes). */
export function useProgress(): BuildProgress | undefined {
  const build = useShownBuild();
  const cursor = useLabStore((s) => s.cursor);
  return useMemo(() => (build ? buildProgress(build.view, cursor) : undefined), [build, cursor]);
}

/** The step the panels look at (chosen, resting after a build, or playing): progress.ts viewedStep. */
export function useViewedStep(progress: BuildProgress | undefined): number | undefined {
  const selected = useLabStore((s) => s.selectedStep);
  const resting = useLabStore((s) => s.resting);
  return progress ? viewedStep(progress, { selected, resting }) : undefined;
}
