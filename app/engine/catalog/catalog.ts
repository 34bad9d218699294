/**
 * The catalog as the engine uses it: base images by name and the package sources, loaded
 * lazily through a `read` function (fetch in the page, the filesystem in Node). Until the
 * package files are loaded, or when they are missing, the small built-in package catalog
 * answers, so a lab always works.
 */
import type { BaseImage } from '../build/builder.ts';
import { familiarName, parseImageRef } from '../images/reference.ts';
import type { PackageCatalog } from '../shell/packages/catalog.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import {
  CATALOG_VERSION,
  type CatalogImageFile,
  type CatalogIndex,
  type CatalogIndexImage,
  type CatalogPackagesFile,
} from './format.ts';
import { catalogImage } from './images.ts';
import { aptSource, packageSource } from './packages.ts';

/** Reads a catalog file by its path relative to the catalog's root (`v1/index.json`). */
export type CatalogReader = (path: string) => Promise<string>;

/** Words in a Dockerfile or a command that mean packages will be installed. */
/** The words that make a text need each package list (a RUN line, a command, a script). */
const PACKAGE_WORDS = {
  apt: /\b(apt-get|apt|aptitude)\b/,
  pip: /\bpip3?\b/,
  npm: /\b(npm|npx)\b/,
} as const;
type PackageKind = keyof typeof PACKAGE_WORDS;
const KINDS = Object.keys(PACKAGE_WORDS) as PackageKind[];

export class Catalog {
  private index: CatalogIndex | undefined;
  private indexLoad: Promise<CatalogIndex | undefined> | undefined;
  private readonly images = new Map<string, BaseImage>();
  private readonly loading = new Map<string, Promise<BaseImage | undefined>>();
  private readonly packageLoads = new Map<PackageKind, Promise<void>>();
  /** The package sources the shell reads; replaced in place once the files are loaded. */
  readonly packages: PackageCatalog = { ...builtinCatalog };
  /** Why the catalog could not be read, if it could not (the lab still works without it). */
  problem: string | undefined;

  constructor(private readonly read: CatalogReader) {}

  /** The base image for `ref` if it is loaded (what FROM sees, synchronously). */
  image(ref: string): BaseImage | undefined {
    const key = this.key(ref);
    return key === undefined ? undefined : this.images.get(key);
  }

  /** The catalog's images: canonical name, aliases, size, origin. */
  async list(): Promise<CatalogIndexImage[]> {
    return (await this.loadIndex())?.images ?? [];
  }

  /**
   * Loads the images `refs` name (and their bases) and, when `text` mentions a package
   * manager, the package files. Names the catalog does not have are left for the engine to
   * report in Docker's words.
   */
  async ensure(refs: readonly string[], text = ''): Promise<void> {
    const index = await this.loadIndex();
    if (!index) return;
    await Promise.all(refs.map((r) => this.loadImage(r)));
    // Only the lists the text needs: a Dockerfile that only uses apt-get never fetches npm's.
    await Promise.all(
      KINDS.filter((k) => PACKAGE_WORDS[k].test(text)).map((k) => this.loadKind(k)),
    );
  }

  /** Loads the package files now (apt, pip, npm). */
  async loadPackages(): Promise<void> {
    await Promise.all(KINDS.map((k) => this.loadKind(k)));
  }

  private loadKind(kind: PackageKind): Promise<void> {
    let load = this.packageLoads.get(kind);
    if (!load) {
      load = this.readPackages(kind);
      this.packageLoads.set(kind, load);
    }
    return load;
  }

  private key(ref: string): string | undefined {
    const index = this.index;
    if (!index) return undefined;
    const want = familiar(ref);
    for (const img of index.images)
      if (familiar(img.ref) === want || img.aliases.some((a) => familiar(a) === want))
        return img.ref;
    return undefined;
  }

  private loadIndex(): Promise<CatalogIndex | undefined> {
    return (this.indexLoad ??= this.read('v1/index.json')
      .then((text) => {
        const index = JSON.parse(text) as CatalogIndex;
        if (index.version !== CATALOG_VERSION)
          throw new Error(`catalog version ${String(index.version)}, expected ${CATALOG_VERSION}`);
        this.index = index;
        return index;
      })
      .catch((e: unknown) => {
        this.problem = `The image catalog could not be loaded (${message(e)}).`;
        return undefined;
      }));
  }

  private loadImage(ref: string): Promise<BaseImage | undefined> {
    const key = this.key(ref);
    if (key === undefined) return Promise.resolve(undefined);
    const have = this.images.get(key);
    if (have) return Promise.resolve(have);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.readImage(key);
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async readImage(key: string): Promise<BaseImage | undefined> {
    const entry = this.index?.images.find((i) => i.ref === key);
    if (!entry) return undefined;
    try {
      const file = JSON.parse(await this.read(`v1/${entry.file}`)) as CatalogImageFile;
      const base = file.base !== undefined ? await this.loadImage(file.base) : undefined;
      const image = catalogImage(file, base);
      this.images.set(key, image);
      return image;
    } catch (e) {
      this.loading.delete(key);
      this.problem = `The catalog image ${key} could not be loaded (${message(e)}).`;
      return undefined;
    }
  }

  private async readPackages(kind: PackageKind): Promise<void> {
    const index = await this.loadIndex();
    if (!index) return;
    const path = index.packages[kind];
    let file: CatalogPackagesFile;
    try {
      file = JSON.parse(await this.read(`v1/${path}`)) as CatalogPackagesFile;
    } catch (e) {
      this.problem = `The package list ${path} could not be loaded (${message(e)}).`;
      return;
    }
    if (kind === 'apt') this.packages.apt = aptSource(file, builtinCatalog.apt);
    else if (kind === 'npm')
      this.packages.npm = withFallback(packageSource(file, 'npm.json'), builtinCatalog.npm);
    else
      this.packages.pip = withFallback(packageSource(file, 'pip.json', true), builtinCatalog.pip);
  }
}

/** Packages the generated file lacks still come from the built-in list. */
function withFallback(
  main: PackageCatalog['npm'],
  fallback: PackageCatalog['npm'],
): PackageCatalog['npm'] {
  return { lookup: (name) => main.lookup(name) ?? fallback.lookup(name) };
}

function familiar(ref: string): string {
  try {
    return familiarName(parseImageRef(ref));
  } catch {
    return ref;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
