import type { CatalogPackage, PackageCatalog, PackageSource } from './catalog.ts';
import { APK, APK_INDEX } from './data/apk.ts';
import { APT, APT_LISTS, APT_UPDATE_LINES } from './data/apt.ts';
import { NPM } from './data/npm.ts';
import { PIP } from './data/pypi.ts';

function source(list: CatalogPackage[], fold: boolean): PackageSource {
  const byName = new Map(list.map((p) => [fold ? p.name.toLowerCase() : p.name, p]));
  return { lookup: (name) => byName.get(fold ? name.toLowerCase() : name) };
}

/**
 * The small catalog shipped with the shell: enough for the lessons' Dockerfiles (curl, git,
 * python3, nginx, build-essential, flask, express...). PyPI names match case-insensitively.
 *
 * @example
 * builtinCatalog.apt.lookup('curl')?.depends; // ['libcurl4']
 */
export const builtinCatalog: PackageCatalog = {
  apt: { ...source(APT, false), lists: APT_LISTS, updateLines: APT_UPDATE_LINES },
  apk: { ...source(APK, false), indexFiles: APK_INDEX },
  pip: source(PIP, true),
  npm: source(NPM, false),
};
