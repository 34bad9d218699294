/**
 * The catalog as the engine uses it: base images by name and the package sources, loaded
 * lazily through a `read` function (fetch in the page, the filesystem in Node). A build loads
 * the index, the files of the images it names (and their bases), and the files of the packages
 * its text installs; nothing else. Until the package files are loaded, or when they are missing,
 * the small built-in package catalog answers, so a lab always works.
 */
import type { BaseImage } from '../build/builder.ts';
import type { AptSource, PackageCatalog } from '../shell/packages/catalog.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import {
  CATALOG_VERSION,
  packageSlug,
  type CatalogImageFile,
  type CatalogIndex,
  type CatalogIndexImage,
  type CatalogPackageFiles,
  type CatalogPackagesFile,
  type HubTags,
} from './format.ts';
import { catalogImage } from './images.ts';
import { registerFirstStart } from './firstStart.ts';
import { IndexedPackages, aptSource } from './packages.ts';
import { answerFor, type CatalogNames, type NameAnswer } from './tags.ts';
import { missingImage, movingNote, type MissingImage } from './answers.ts';
import { PACKAGE_WORDS, aptRecommends, wordsOf, type PackageKind } from './texts.ts';

/** Reads a catalog file by its path relative to the catalog's root (`v2/index.json`). */
export type CatalogReader = (path: string) => Promise<string>;
/** The same, at once (Node reads the disk): whatever is missing is read when first needed. */
export type CatalogSyncReader = (path: string) => string;

const ROOT = `v${CATALOG_VERSION}/`;

export class Catalog {
  private index: CatalogIndex | undefined;
  private indexLoad: Promise<CatalogIndex | undefined> | undefined;
  private hub: HubTags | undefined;
  private hubLoad: Promise<void> | undefined;
  private readonly images = new Map<string, BaseImage>();
  private readonly loading = new Map<string, Promise<BaseImage | undefined>>();
  private readonly indexes = new Map<string, Promise<IndexedPackages | undefined>>();
  private readonly sources = new Map<string, IndexedPackages>();
  private readonly fileLoads = new Map<string, Promise<void>>();
  /** With a synchronous reader: apt per suite, read on first use. */
  private readonly syncApt = new Map<string, AptSource>();
  /** The package sources the shell reads; replaced in place once the files are loaded. */
  readonly packages: PackageCatalog = { ...builtinCatalog, aptSuites: {} };
  /** Why the catalog could not be read, if it could not (the lab still works without it). */
  problem: string | undefined;

  constructor(
    private readonly read: CatalogReader,
    private readonly readSync?: CatalogSyncReader,
  ) {
    if (readSync) this.readListsOnDemand();
  }

  /** With a synchronous reader, the index, images and package files load on first use. */
  private syncIndex(): void {
    if (this.index || !this.readSync || this.indexLoad) return;
    try {
      this.setIndex(JSON.parse(this.readSync(`${ROOT}index.json`)) as CatalogIndex);
      this.indexLoad = Promise.resolve(this.index);
    } catch (e) {
      this.problem = `The image catalog could not be loaded (${message(e)}).`;
      this.indexLoad = Promise.resolve(undefined);
    }
  }

  private setIndex(index: CatalogIndex): void {
    if (index.version !== CATALOG_VERSION)
      throw new Error(`catalog version ${String(index.version)}, expected ${CATALOG_VERSION}`);
    this.index = index;
    if (index.outputs) this.packages.outputs = index.outputs;
  }

  private syncImage(key: string): BaseImage | undefined {
    const have = this.images.get(key);
    if (have || !this.readSync) return have;
    const entry = this.index?.images.find((i) => i.ref === key);
    if (!entry) return undefined;
    try {
      const file = JSON.parse(this.readSync(`${ROOT}${entry.file}`)) as CatalogImageFile;
      const base = file.base !== undefined ? this.syncImage(file.base) : undefined;
      const image = catalogImage(file, base);
      registerFirstStart(file, this.packages);
      this.images.set(key, image);
      return image;
    } catch (e) {
      this.problem = `The catalog image ${key} could not be loaded (${message(e)}).`;
      return undefined;
    }
  }

  /** Package lists as getters that read their index (and then each package) when used. */
  private readListsOnDemand(): void {
    const read = this.readSync!;
    const list = (name: string): IndexedPackages | undefined => {
      const have = this.sources.get(name);
      if (have) return have;
      this.syncIndex();
      const path = this.indexPath(name);
      if (path === undefined) return undefined;
      const dir = path.replace(/index\.json$/, 'files/');
      try {
        const file = JSON.parse(read(`${ROOT}${path}`)) as CatalogPackagesFile;
        return this.useList(
          name,
          file,
          path,
          (pkg) => JSON.parse(read(`${ROOT}${dir}${packageSlug(pkg)}.json`)) as CatalogPackageFiles,
        );
      } catch (e) {
        this.problem = `The package list ${path} could not be loaded (${message(e)}).`;
        return undefined;
      }
    };
    const packages = this.packages;
    const apt = (suite: string) => {
      list(`apt/${suite}`);
      return this.syncApt.get(suite);
    };
    const suites = new Proxy({} as Record<string, AptSource>, {
      get: (_, suite) => (typeof suite === 'string' ? apt(suite) : undefined),
    });
    Object.defineProperties(packages, {
      apt: { get: () => apt('bookworm') ?? builtinCatalog.apt, configurable: true },
      aptSuites: { get: () => suites, configurable: true },
      npm: { get: () => list('npm') ?? builtinCatalog.npm, configurable: true },
      pip: { get: () => list('pip') ?? builtinCatalog.pip, configurable: true },
    });
  }

  /** What the catalog's names resolve to (index and, once loaded, Docker Hub's tags). */
  names(): CatalogNames {
    return { images: this.index?.images ?? [], hub: this.hub };
  }

  /** How the lab answers an image name; undefined for an invalid reference. */
  answer(ref: string): NameAnswer | undefined {
    try {
      return answerFor(ref, this.names());
    } catch {
      return undefined;
    }
  }

  /**
   * Why `ref` names no image here, with the closest one the lab has; undefined when the
   * catalog could not be read (the engine then answers in Docker's words alone).
   */
  explain(ref: string): MissingImage | undefined {
    this.syncIndex();
    if (!this.index) return undefined;
    if (!this.hub && this.readSync)
      try {
        this.hub = JSON.parse(this.readSync(`${ROOT}${this.index.hub.file}`)) as HubTags;
      } catch (e) {
        this.problem = `Docker Hub's tag list could not be loaded (${message(e)}).`;
      }
    const a = this.answer(ref);
    return a ? missingImage(a) : undefined;
  }

  /**
   * The base image for `ref` if it is loaded (what FROM sees, synchronously). A moving tag
   * (`latest`, `3`, `lts`) comes with a note saying which version this lab used.
   */
  image(ref: string): BaseImage | undefined {
    this.syncIndex();
    const a = this.index ? this.answer(ref) : undefined;
    if (a?.kind !== 'lab') return undefined;
    const image = this.images.get(a.image.ref) ?? this.syncImage(a.image.ref);
    if (!image || !a.moving) return image;
    return {
      ...image,
      note: movingNote(
        a.asked,
        a.image,
        a.moving.hubVersion,
        this.hub?.date ?? this.index?.hub.date,
      ),
    };
  }

  /** The catalog's images: canonical name, aliases, size, origin. */
  async list(): Promise<CatalogIndexImage[]> {
    this.syncIndex();
    return (await this.loadIndex())?.images ?? [];
  }

  /**
   * Loads the images `refs` name (and their bases) and, when `text` mentions a package
   * manager, the package index and the files of the packages its words name, for the Debian
   * suites of those images. Names the catalog does not have load Docker Hub's tags, so the
   * engine can say whether they are real.
   */
  async ensure(refs: readonly string[], text = ''): Promise<void> {
    const index = await this.loadIndex();
    if (!index) return;
    const answers = refs.map((r) => this.answer(r)).filter((a) => a !== undefined);
    const wanted = answers.flatMap((a) => (a.kind === 'lab' ? [a.image] : []));
    const words = wordsOf(text);
    const kinds = (Object.keys(PACKAGE_WORDS) as PackageKind[]).filter((k) =>
      PACKAGE_WORDS[k].test(text),
    );
    // The index names each image's suite: the package lists load beside the images, not after.
    const suites = new Set(wanted.map((i) => i.suite).filter((s): s is string => s !== undefined));
    if (suites.size === 0) suites.add('bookworm');
    const lists = kinds.flatMap((k) => (k === 'apt' ? [...suites].map((s) => `apt/${s}`) : [k]));
    await Promise.all([
      ...wanted.map((i) => this.loadImage(i.ref)),
      ...(answers.some((a) => a.kind !== 'lab') ? [this.loadHub()] : []),
      ...lists.map((l) => this.loadPackages(l, words, aptRecommends(l, text))),
    ]);
  }

  /** Loads every package index and all their files (the Node CLI, tests). */
  async loadAllPackages(): Promise<void> {
    const index = await this.loadIndex();
    if (!index) return;
    const lists = [...Object.keys(index.packages.apt).map((s) => `apt/${s}`), 'npm', 'pip'];
    await Promise.all(
      lists.map(async (l) => {
        const src = await this.loadList(l);
        if (src)
          await this.loadFiles(
            l,
            src,
            src.file.packages.map((p) => p.name),
          );
      }),
    );
  }

  private loadIndex(): Promise<CatalogIndex | undefined> {
    return (this.indexLoad ??= this.read(`${ROOT}index.json`)
      .then((text) => {
        this.setIndex(JSON.parse(text) as CatalogIndex);
        return this.index;
      })
      .catch((e: unknown) => {
        this.problem = `The image catalog could not be loaded (${message(e)}).`;
        return undefined;
      }));
  }

  private loadHub(): Promise<void> {
    return (this.hubLoad ??= this.read(`${ROOT}${this.index?.hub.file ?? 'hub.json'}`)
      .then((text) => {
        this.hub = JSON.parse(text) as HubTags;
      })
      .catch((e: unknown) => {
        this.problem = `Docker Hub's tag list could not be loaded (${message(e)}).`;
      }));
  }

  private loadImage(key: string): Promise<BaseImage | undefined> {
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
      const file = JSON.parse(await this.read(`${ROOT}${entry.file}`)) as CatalogImageFile;
      const base = file.base !== undefined ? await this.loadImage(file.base) : undefined;
      const image = catalogImage(file, base);
      registerFirstStart(file, this.packages);
      this.images.set(key, image);
      return image;
    } catch (e) {
      this.loading.delete(key);
      this.problem = `The catalog image ${key} could not be loaded (${message(e)}).`;
      return undefined;
    }
  }

  /** `apt/trixie`, `npm` or `pip`: its index file's path. */
  private indexPath(list: string): string | undefined {
    const p = this.index?.packages;
    if (!p) return undefined;
    if (list.startsWith('apt/')) return p.apt[list.slice(4)];
    return list === 'npm' ? p.npm : list === 'pip' ? p.pip : undefined;
  }

  private loadList(list: string): Promise<IndexedPackages | undefined> {
    let load = this.indexes.get(list);
    if (!load) {
      load = this.readList(list);
      this.indexes.set(list, load);
    }
    return load;
  }

  private async readList(list: string): Promise<IndexedPackages | undefined> {
    const path = this.indexPath(list);
    if (path === undefined) return undefined;
    try {
      const file = JSON.parse(await this.read(`${ROOT}${path}`)) as CatalogPackagesFile;
      return this.useList(list, file, path);
    } catch (e) {
      this.indexes.delete(list);
      this.problem = `The package list ${path} could not be loaded (${message(e)}).`;
      return undefined;
    }
  }

  /** Makes a package list the shell's source for its kind (and Debian suite). */
  private useList(
    list: string,
    file: CatalogPackagesFile,
    path: string,
    readSync?: (name: string) => CatalogPackageFiles,
  ): IndexedPackages {
    const fallback =
      list === 'npm'
        ? builtinCatalog.npm
        : list === 'pip'
          ? builtinCatalog.pip
          : builtinCatalog.apt;
    const src = new IndexedPackages(file, path, list === 'pip', fallback, readSync);
    this.sources.set(list, src);
    if (list.startsWith('apt/')) {
      const apt = aptSource(src, builtinCatalog.apt);
      const suite = list.slice(4);
      if (this.readSync) this.syncApt.set(suite, apt);
      else {
        this.packages.aptSuites![suite] = apt;
        // Without a suite to go by (no os-release), apt-get answers as bookworm's.
        if (suite === 'bookworm') this.packages.apt = apt;
      }
    } else if (!this.readSync) {
      if (list === 'npm') this.packages.npm = src;
      else this.packages.pip = src;
    }
    return src;
  }

  /** Loads the index of `list` and the files of the packages `words` name, with their closure. */
  private async loadPackages(
    list: string,
    words: ReadonlySet<string>,
    recommends: boolean,
  ): Promise<void> {
    const src = await this.loadList(list);
    if (!src) return;
    const named = [...words].flatMap((w) => {
      // `flask==3.0`, `express@4`, `curl=7.88*`: the name before a version.
      const bare = w.replace(/(?<=.)[=<>~!@].*$/, '');
      return [w, bare].filter((n) => src.record(n) !== undefined);
    });
    await this.loadFiles(list, src, [...named, ...src.missed], recommends);
  }

  private async loadFiles(
    list: string,
    src: IndexedPackages,
    names: Iterable<string>,
    recommends = true,
  ): Promise<void> {
    const dir = this.indexPath(list)!.replace(/index\.json$/, 'files/');
    await Promise.all(
      src.closure(names, recommends).map((name) => {
        const key = `${list}/${name}`;
        let load = this.fileLoads.get(key);
        if (!load) {
          load = this.read(`${ROOT}${dir}${packageSlug(name)}.json`)
            .then((text) => src.addFiles(name, JSON.parse(text) as CatalogPackageFiles))
            .catch((e: unknown) => {
              this.fileLoads.delete(key);
              this.problem = `The files of package ${name} could not be loaded (${message(e)}).`;
            });
          this.fileLoads.set(key, load);
        }
        return load;
      }),
    );
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
