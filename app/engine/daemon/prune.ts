/**
 * What the prune commands remove, as the daemon decides it: stopped containers, unused images,
 * build cache records; each returns the IDs docker lists and the bytes reclaimed. The CLI asks
 * for -f and prints (`cli/commands/prune.ts`).
 */
import { writableSize } from '../containers/container.ts';
import { sha256Hex } from '../fs/hash.ts';
import type { Engine } from './engine.ts';
import { deleteChain, untagAll } from './image-delete.ts';

export interface Pruned {
  /** What docker lists under `Deleted ...:`. */
  lines: string[];
  reclaimed: number;
}

/** Stopped containers go, with their writable layers. */
export function pruneContainers(engine: Engine): Pruned {
  const lines: string[] = [];
  let reclaimed = 0;
  for (const c of engine.containers.all()) {
    if (c.state === 'running') continue;
    reclaimed += writableSize(c);
    engine.containers.remove(c.id);
    lines.push(c.id);
  }
  return { lines, reclaimed };
}

/**
 * Removes the images no container uses: dangling ones, or with `all` every unused one. Returns
 * Docker's `untagged:`/`deleted:` lines, the bytes freed (layers of the deleted images, with
 * their intermediate parents, that no image left holds: 10B for a legacy build's dangling image
 * whose RUN wrote 10 bytes, recorded on 28.5: conformance/lessons/overlay2/rebuild-tag.txt) and
 * the freed layers (so a cache prune after it does not count them twice).
 */
export function pruneImages(engine: Engine, all: boolean): Pruned & { freed: Set<unknown> } {
  const out: string[] = [];
  const before = engine.images.all();
  for (const image of before) {
    if (!engine.images.get(image.id)) continue; // deleted with a child before it
    // With -a every image no container uses goes; without, only dangling ones.
    if (engine.containers.usingImage(image.id).length) continue;
    const unused = all || engine.images.isDangling(image.id);
    if (!unused || engine.images.children(image.id).length) continue;
    const untagged = untagAll(engine, image.id);
    out.push(...untagged);
    deleteChain(engine, image.id, out, untagged.length > 0);
  }
  // Only layers no remaining image holds are freed (a base layer stays for its other users).
  const kept = new Set(engine.images.all().flatMap((i) => i.layers));
  const freed = new Set<unknown>();
  let reclaimed = 0;
  for (const l of before.filter((i) => !engine.images.get(i.id)).flatMap((i) => i.layers)) {
    if (kept.has(l) || freed.has(l)) continue;
    freed.add(l);
    reclaimed += l.stats.size;
  }
  const lines = out.map((l) =>
    l.replace(/^Deleted:/, 'deleted:').replace(/^Untagged:/, 'untagged:'),
  );
  return { lines, reclaimed, freed };
}

/** A build cache record's ID as BuildKit shows them: 25 base-36 characters. */
function cacheId(key: string): string {
  const hex = sha256Hex(key).slice(0, 32);
  return BigInt(`0x${hex}`).toString(36).padStart(25, '0').slice(0, 25);
}

/**
 * Build cache records go: with `all` every one, else those whose layer no image holds (BuildKit's
 * "dangling" cache). Bytes count only for layers no image still holds (and not in `counted`).
 */
export function pruneCache(
  engine: Engine,
  all: boolean,
  counted: ReadonlySet<unknown> = new Set(),
): Pruned {
  const held = new Set(engine.images.all().flatMap((i) => i.layers));
  const lines: string[] = [];
  let reclaimed = 0;
  for (const [key, entry] of engine.cache.entriesList()) {
    const inImage = entry.layer !== undefined && held.has(entry.layer);
    if (!all && inImage) continue;
    // A layer an image prune just freed is counted there, not twice.
    if (entry.layer && !inImage && !counted.has(entry.layer)) reclaimed += entry.layer.stats.size;
    engine.cache.delete(key);
    lines.push(cacheId(key));
  }
  return { lines, reclaimed };
}
