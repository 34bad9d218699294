import type { PackageCatalog } from './catalog.ts';

/** Placeholder until the data file lands. */
export const builtinCatalog: PackageCatalog = {
  apt: { lookup: () => undefined, lists: [], updateLines: [] },
  apk: { lookup: () => undefined, indexFiles: [] },
  pip: { lookup: () => undefined },
  npm: { lookup: () => undefined },
};
