/**
 * Base images and packages for the Node CLI: the catalog in public/catalog, read from disk when
 * first needed (an image when a command names it, a package when apt, pip or npm installs it).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BaseImage } from '../engine/build/builder.ts';
import type { MissingImage } from '../engine/catalog/answers.ts';
import { Catalog } from '../engine/catalog/catalog.ts';
import type { PackageCatalog } from '../engine/shell/index.ts';

export interface NodeImages {
  registry: (ref: string) => BaseImage | undefined;
  explain: (ref: string) => MissingImage | undefined;
  catalog: PackageCatalog;
  /** Loads the images `refs` name, and the package lists when `text` installs packages. */
  ensure: (refs: readonly string[], text?: string) => Promise<void>;
  problem: () => string | undefined;
}

/** The repository's catalog folder (public/catalog), or `dir` when given. */
export const CATALOG_DIR = fileURLToPath(new URL('../../public/catalog/', import.meta.url));

export async function nodeImages(dir = CATALOG_DIR): Promise<NodeImages> {
  const root = dir.endsWith('/') ? dir : `${dir}/`;
  const catalog = new Catalog(
    (path) => readFile(`${root}${path}`, 'utf8'),
    (path) => readFileSync(`${root}${path}`, 'utf8'),
  );
  await catalog.list();
  return {
    registry: (ref) => catalog.image(ref),
    explain: (ref) => catalog.explain(ref),
    catalog: catalog.packages,
    ensure: (refs, text) => catalog.ensure(refs, text),
    problem: () => catalog.problem,
  };
}
