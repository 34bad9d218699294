/**
 * A package's files made ahead of time: the trees an apt install of it merges (its files and its
 * dpkg database entries, bulk.ts), made once per process. A rehearsal calls it for one package
 * at a time, between which the worker answers the learner, instead of making them all inside
 * one uninterruptible build step.
 */
import type { CatalogPackage } from './catalog.ts';
import { prepareInfoFiles } from './dpkg-info.ts';
import { prepareFiles } from './install.ts';

/**
 * Makes the trees `apt-get install` will merge for `p` in a shell at `now` (nothing if made).
 *
 * @example
 * preparePackage(catalog.apt.lookup('python3')!, 0);
 */
export function preparePackage(p: CatalogPackage, now: number): void {
  prepareFiles(p.files, now);
  prepareInfoFiles(p, now);
}
