import type { StateCreator } from 'zustand';
import type { ImageView } from '../engine/session/types.ts';
import type { LabState } from './state.ts';

/**
 * An image the learner picked in the Images panel (loaded, pulled or built): the layer,
 * filesystem and union panels show its layers instead of the shown build's, until a build is
 * shown again.
 */
export interface ShownImage {
  view: ImageView;
  /** The layer chosen in the layer list: the filesystem as of it. */
  layer: number | undefined;
}

export interface ShownImageSlice {
  shownImage: ShownImage | undefined;
  /** Shows a local image by name or ID in the panels; false when the engine has no such image. */
  showImage: (ref: string) => Promise<boolean>;
  /** Back to the shown build (or to nothing before the first one). */
  closeImage: () => void;
  selectImageLayer: (layer: number | undefined) => void;
}

export const createShownImageSlice: StateCreator<LabState, [], [], ShownImageSlice> = (
  set,
  get,
) => ({
  shownImage: undefined,
  showImage: async (ref) => {
    const view = await get().engine().image(ref);
    if (!view) return false;
    set({ shownImage: { view, layer: undefined }, playing: false });
    return true;
  },
  closeImage: () => set({ shownImage: undefined }),
  selectImageLayer: (layer) => {
    const shown = get().shownImage;
    if (shown) set({ shownImage: { ...shown, layer } });
  },
});
