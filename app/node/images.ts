/** Base images and packages for the Node CLI: the catalog in public/catalog, read from disk. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BaseImage } from '../engine/build/builder.ts';
import { Catalog } from '../engine/catalog/catalog.ts';
import type { PackageCatalog } from '../engine/shell/index.ts';

export interface NodeImages {
  registry: (ref: string) => BaseImage | undefined;
  catalog: PackageCatalog;
  /** Loads the images `refs` name, and the package lists when `text` installs packages. */
  ensure: (refs: readonly string[], text?: string) => Promise<void>;
  problem: () => string | undefined;
}

/** The repository's catalog folder (public/catalog), or `dir` when given. */
export const CATALOG_DIR = fileURLToPath(new URL('../../public/catalog/', import.meta.url));

export async function nodeImages(dir = CATALOG_DIR): Promise<NodeImages> {
  const root = dir.endsWith('/') ? dir : `${dir}/`;
  const catalog = new Catalog((path) => readFile(`${root}${path}`, 'utf8'));
  // A command may name any image (saved state, FROM lines, `docker pull`): load them all.
  await catalog.ensure(
    (await catalog.list()).map((i) => i.ref),
    'apt-get pip npm',
  );
  return {
    registry: (ref) => catalog.image(ref),
    catalog: catalog.packages,
    ensure: (refs, text) => catalog.ensure(refs, text),
    problem: () => catalog.problem,
  };
}
