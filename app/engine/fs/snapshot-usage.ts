/**
 * A layer's snapshot as `du` counts it on the containerd store's overlay snapshotter: what
 * `docker history` prints per layer there (recorded on Docker 28.5: `RUN echo "buy milk" >
 * /srv/notes/todo.txt`, 9 bytes, is 16.4kB: the snapshot's root, /srv, /srv/notes and the file;
 * conformance/lessons/containerd/layer-sizes.txt). The overlay2 store prints the files' bytes
 * instead (`Layer.stats.size`: 9B).
 */
import type { Layer } from './layer.ts';

const BLOCK = 4096;
/** Symlink targets shorter than this live in the inode (ext4's fast symlinks). */
const FAST_SYMLINK = 60;

const blocks = (bytes: number) => Math.ceil(bytes / BLOCK) * BLOCK;

/**
 * A layer's snapshot as `du` counts it: the root directory, every directory, every file's
 * blocks.
 * @example snapshotUsage(layerFromEntries([{ path: '/a.txt', type: 'file', data: 'hello\n' }])) // 8192
 */
export function snapshotUsage(layer: Layer): number {
  const cached = layer.memo.get('snapshot-usage') as number | undefined;
  if (cached !== undefined) return cached;
  let total = BLOCK;
  for (const r of layer.records()) {
    if (r.kind === 'dir') total += BLOCK;
    else if (r.kind === 'file') total += blocks(r.size);
    else if (r.kind === 'symlink' && (r.linkname?.length ?? 0) >= FAST_SYMLINK) total += BLOCK;
  }
  layer.memo.set('snapshot-usage', total);
  return total;
}
