/** Catalog package files into the sources the shell's apt, pip and npm read. */
import type { AptSource, CatalogPackage, PackageSource } from '../shell/packages/catalog.ts';
import { packageFiles, parseListing } from './entries.ts';
import type { CatalogPackageRecord, CatalogPackagesFile } from './format.ts';

/**
 * One package, its file listing parsed on first lookup (a catalog holds hundreds of packages
 * and a build installs a few).
 */
function lazyPackage(rec: CatalogPackageRecord, where: string): CatalogPackage {
  let files: CatalogPackage['files'] | undefined;
  const pkg: CatalogPackage = {
    name: rec.name,
    version: rec.version,
    depends: rec.depends,
    installedSize: rec.installedSize,
    downloadSize: rec.downloadSize,
    get files() {
      return (files ??= packageFiles(
        parseListing(rec.files, `${where} ${rec.name}`),
        rec.contents,
      ));
    },
  };
  if (rec.recommends !== undefined) pkg.recommends = rec.recommends;
  if (rec.description !== undefined) pkg.description = rec.description;
  return pkg;
}

/**
 * A package source over a catalog file; `fold` matches names case-insensitively (PyPI).
 *
 * @example
 * packageSource(pipFile, 'pip', true).lookup('Flask')?.name; // 'flask'
 */
export function packageSource(
  file: CatalogPackagesFile,
  where: string,
  fold = false,
): PackageSource {
  const key = (n: string): string => (fold ? n.toLowerCase().replace(/_/g, '-') : n);
  const byName = new Map(file.packages.map((p) => [key(p.name), lazyPackage(p, where)]));
  return { lookup: (name) => byName.get(key(name)) };
}

/** apt: packages plus what `apt-get update` prints and writes. */
export function aptSource(file: CatalogPackagesFile, fallback: AptSource): AptSource {
  const source = packageSource(file, 'apt.json');
  return {
    lookup: source.lookup,
    lists:
      file.lists !== undefined
        ? packageFiles(parseListing(file.lists, 'apt.json lists'))
        : fallback.lists,
    updateLines: file.updateLines ?? fallback.updateLines,
  };
}
