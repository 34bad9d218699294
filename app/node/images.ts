/** Base images and packages for the Node CLI: the catalog in public/catalog, read from disk. */
import type { BaseImage } from '../engine/build/builder.ts';
import type { PackageCatalog } from '../engine/shell/index.ts';
import { builtinCatalog } from '../engine/shell/packages/builtin.ts';

export interface NodeImages {
  registry: (ref: string) => BaseImage | undefined;
  catalog: PackageCatalog;
}

export async function nodeImages(): Promise<NodeImages> {
  return { registry: () => undefined, catalog: builtinCatalog };
}
