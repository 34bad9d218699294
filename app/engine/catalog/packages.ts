/** Catalog package files into the sources the shell's apt, pip and npm read. */
import type {
  AptSource,
  CatalogPackage,
  DpkgExtras,
  PackageSource,
} from '../shell/packages/catalog.ts';
import { packageFiles, parseListing } from './entries.ts';
import type { CatalogPackageRecord, CatalogPackagesFile } from './format.ts';

/** The apt-only fields of a record (absent from older catalogs and from npm/pip). */
function dpkgExtras(rec: CatalogPackageRecord): DpkgExtras | undefined {
  if (rec.info === undefined && rec.listSize === undefined && rec.effects === undefined)
    return undefined;
  const info = (rec.info ?? '')
    .split(',')
    .filter(Boolean)
    .map((m) => {
      const [member = '', size = '0'] = m.split(' ');
      return { member, size: Number(size) };
    });
  const out: DpkgExtras = { multiArch: rec.multiArch === true, info, effects: rec.effects ?? [] };
  if (rec.listSize !== undefined) out.listSize = rec.listSize;
  if (rec.pyc !== undefined) out.pyc = rec.pyc.split(',').map(Number);
  return out;
}

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
  const dpkg = dpkgExtras(rec);
  if (dpkg) pkg.dpkg = dpkg;
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
