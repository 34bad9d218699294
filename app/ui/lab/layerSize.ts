/**
 * A layer's size as `docker history` prints it in the image store in use: the files' bytes on
 * overlay2, the snapshot's 4 KiB disk blocks on containerd (recorded on Docker 28.5:
 * conformance/lessons/<store>/layer-sizes.txt, `RUN echo "buy milk" > …` is 9B there and 16.4kB
 * here). A build saved before the lab kept the blocks shows the bytes. Pure.
 */
import type { ImageStoreKind } from '../../engine/images/stores.ts';

export interface SizedLayer {
  size: number;
  diskUsage?: number | undefined;
}

export function shownLayerSize(layer: SizedLayer, store: ImageStoreKind): number {
  return store === 'containerd' && layer.diskUsage !== undefined ? layer.diskUsage : layer.size;
}

/**
 * The bytes of the files, when the store counts the layers otherwise (the containerd store):
 * what the learner is told beside the sizes, so 16.4 kB for a 9-byte file is no riddle.
 */
export function filesBytesIfDifferent(
  layers: readonly SizedLayer[],
  store: ImageStoreKind,
): number | undefined {
  const files = layers.reduce((n, l) => n + l.size, 0);
  const shown = layers.reduce((n, l) => n + shownLayerSize(l, store), 0);
  return shown === files ? undefined : files;
}
