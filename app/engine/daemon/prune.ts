/**
 * What the prune commands remove, as the daemon decides it: stopped containers, unused images,
 * build cache records; each returns the IDs docker lists and the bytes reclaimed. The CLI asks
 * for -f and prints (`cli/commands/prune.ts`).
 */
import { writableSize } from '../containers/container.ts';
import { sha256Hex } from '../fs/hash.ts';
import type { Engine } from './engine.ts';
import { deleteChain } from './image-delete.ts';

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
 * Docker's `untagged:`/`deleted:` lines, the bytes freed (layers no other image shares) and
 * the freed layers (so a cache prune after it does not count them twice).
 */
export function pruneImages(engine: Engine, all: boolean): Pruned & { freed: Set<unknown> } {
  const out: string[] = [];
  const freed = new Set<unknown>();
  let reclaimed = 0;
  for (const image of engine.images.all()) {
    // With -a every image no container uses goes; without, only dangling ones.
    if (engine.containers.usingImage(image.id).length) continue;
    const unused = all || engine.images.isDangling(image.id);
    if (!unused || engine.images.children(image.id).length) continue;
    // Only layers no other image shares are freed (a base layer stays for its other users).
    const kept = new Set(
      engine.images
        .all()
        .filter((i) => i.id !== image.id)
        .flatMap((i) => i.layers),
    );
    for (const l of image.layers.filter((x) => !kept.has(x))) {
      reclaimed += l.stats.size;
      freed.add(l);
    }
    for (const t of engine.images.tagsOf(image.id)) {
      engine.images.untag(t);
      out.push(`untagged: ${t}`);
    }
    deleteChain(engine, image.id, out);
  }
  return { lines: out.map((l) => l.replace(/^Deleted:/, 'deleted:')), reclaimed, freed };
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
