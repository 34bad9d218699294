/**
 * What an image takes on disk in each store. overlay2 counts the bytes of the files in each
 * layer (`docker history` SIZE, `docker images` SIZE). The containerd store counts the
 * snapshots as the filesystem does, in 4 KiB blocks: every directory of a layer one block,
 * every file its size rounded up to whole blocks, whiteouts and short symlinks nothing
 * (recorded on Docker 28.5: `COPY a.txt` of 6 bytes is 8.19kB, the snapshot's root directory
 * and the file); `docker images` adds the compressed content (layer blobs, config, manifest,
 * index) to that, and `docker image inspect` Size is that content alone.
 */
import { snapshotUsage, type Layer, type RunConfig } from '../fs/index.ts';
import type { ImageRecord } from '../images/store.ts';
import type { Engine } from './engine.ts';

type Image = ImageRecord<Layer, RunConfig>;

/** containerd store: the bytes of the image's content (blobs, config, manifest, index). */
export function contentSize(engine: Engine, image: Image): number {
  const c = engine.contentOf(image);
  return (
    c.layers.reduce((n, l) => n + l.size, 0) +
    c.config.descriptor.size +
    c.manifest.descriptor.size +
    (c.index?.descriptor.size ?? 0)
  );
}

/** One layer's SIZE in `docker history`. */
export function layerSize(engine: Engine, layer: Layer): number {
  return engine.store === 'containerd' ? snapshotUsage(layer) : layer.stats.size;
}

/**
 * SIZE in `docker images` (DISK USAGE in Docker 29's view): the layers' files with overlay2;
 * the unpacked snapshots plus the content with containerd.
 */
export function diskSize(engine: Engine, image: Image): number {
  const unpacked = image.layers.reduce((n, l) => n + layerSize(engine, l), 0);
  return engine.store === 'containerd' ? unpacked + contentSize(engine, image) : unpacked;
}
