/**
 * Base images and packages in the page: fetched from the catalog (public/catalog) the first
 * time a Dockerfile or a command names them, then kept for the session.
 */
import type { BaseImage } from '../engine/build/builder.ts';
import { Catalog } from '../engine/catalog/catalog.ts';
import type { MissingImage } from '../engine/catalog/answers.ts';
import type { PackageCatalog } from '../engine/shell/index.ts';

export interface BrowserImages {
  registry: (ref: string) => BaseImage | undefined;
  /** Why a name is not in the catalog, with the closest image it has. */
  explain: (ref: string) => MissingImage | undefined;
  catalog: PackageCatalog;
  /**
   * Loads what it can of `refs` (and the package lists when `text` installs packages);
   * unknown names are left for the engine to report.
   */
  ensure: (refs: readonly string[], text?: string) => Promise<void>;
  /** Why the catalog could not be read, if it could not. */
  problem: () => string | undefined;
}

export function browserImages(base = `${import.meta.env.BASE_URL}catalog/`): BrowserImages {
  const root = new URL(base, self.location.href);
  const catalog = new Catalog(async (path) => {
    const res = await fetch(new URL(path, root));
    if (!res.ok) throw new Error(`${res.status} ${res.statusText} for ${path}`);
    // A static server may answer a missing file with the app's page.
    if (res.headers.get('content-type')?.includes('text/html'))
      throw new Error(`${path} is missing from the server`);
    return res.text();
  });
  return {
    registry: (ref) => catalog.image(ref),
    explain: (ref) => catalog.explain(ref),
    catalog: catalog.packages,
    ensure: (refs, text) => catalog.ensure(refs, text),
    problem: () => catalog.problem,
  };
}
