/**
 * A catalog image's recorded first start (postgres), turned into what the shell replays: the
 * runs as they are, the files from their listing with owners and the texts of the small ones.
 */
import type { FirstStart, OwnedFile, PackageCatalog } from '../shell/packages/catalog.ts';
import { parseListing } from './entries.ts';
import type { CatalogFirstStart, CatalogImageFile } from './format.ts';

/**
 * The first start in the shell's terms.
 *
 * @example
 * firstStart(postgresFile.firstStart!).files[0]?.path; // '/var/lib/postgresql/data'
 */
export function firstStart(record: CatalogFirstStart): FirstStart {
  const files = parseListing(record.files.entries, `${record.package} first start`).map(
    (e): OwnedFile => {
      const owner = { mode: e.mode, uid: e.uid, gid: e.gid };
      if (e.type === 'd') return { path: e.path, size: 0, type: 'dir', ...owner };
      if (e.type === 'l')
        return { path: e.path, size: 0, type: 'symlink', target: e.target!, ...owner };
      const content = record.files.contents[e.path];
      return content !== undefined
        ? { path: e.path, size: new TextEncoder().encode(content).length, content, ...owner }
        : { path: e.path, size: e.size, ...owner };
    },
  );
  return { noPassword: record.noPassword, first: record.first, again: record.again, files };
}

/** Makes an image file's first start known to the shell's programs (once the image is loaded). */
export function registerFirstStart(file: CatalogImageFile, packages: PackageCatalog): void {
  if (!file.firstStart) return;
  packages.firstStarts = {
    ...packages.firstStarts,
    [file.firstStart.package]: firstStart(file.firstStart),
  };
}
