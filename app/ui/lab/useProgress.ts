import { useMemo } from 'react';
import {
  useLabStore,
  buildProgress,
  viewedStep,
  type BuildProgress,
  type BuildRecord,
  type ShownImage,
  shownBuild,
} from '../../store/index.ts';
import type { ImageView } from '../../engine/session/types.ts';

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

/** A picked image has no build to play: all of it is there at once. */
const WHOLE_IMAGE: BuildProgress = {
  steps: [],
  current: undefined,
  done: true,
  ok: true,
  cursor: 1,
  total: 1,
  error: undefined,
};

/** What the image panels (layers, filesystem, union) show. */
export interface PanelImage {
  /** The image picked in the Images panel, while it is still a local image. */
  picked: ShownImage | undefined;
  image: ImageView | undefined;
  /** The shown build's playback, or the whole picked image at once. */
  progress: BuildProgress | undefined;
  build: BuildRecord | undefined;
}

/** The image the panels show: one picked in the Images panel, else the shown build's. */
export function usePanelImage(): PanelImage {
  const build = useShownBuild();
  const progress = useProgress();
  const shown = useLabStore((s) => s.shownImage);
  const images = useLabStore((s) => s.engineView.images);
  // An image removed since it was picked (`docker rmi`) is no longer shown.
  const picked = shown && images.some((i) => i.id === shown.view.id) ? shown : undefined;
  if (picked) return { picked, image: picked.view, progress: WHOLE_IMAGE, build };
  return { picked: undefined, image: build?.view.image, progress, build };
}
