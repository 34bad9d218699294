/**
 * Catalog package indexes into the sources the shell's apt, pip and npm read. An index holds
 * what resolving needs (names, versions, dependencies, sizes); each package's files arrive later
 * (files/<slug>.json), loaded for the packages a build or a command names, with their
 * dependencies (`closure`).
 */
import type {
  AptSource,
  CatalogPackage,
  DpkgExtras,
  PackageSource,
} from '../shell/packages/catalog.ts';
import { PackageFilesNotLoaded } from '../shell/packages/catalog.ts';
import { packageFiles, parseListing } from './entries.ts';
import type { CatalogPackageFiles, CatalogPackageRecord, CatalogPackagesFile } from './format.ts';

/** The apt-only fields of a record (absent from npm and pip). */
function dpkgExtras(rec: CatalogPackageRecord, files: CatalogPackageFiles): DpkgExtras | undefined {
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
  const pyc = files.pyc ?? rec.pyc;
  if (pyc !== undefined) out.pyc = pyc.split(',').map(Number);
  return out;
}

/** A package of the index with its files, the listing parsed on first use. */
function catalogPackage(
  rec: CatalogPackageRecord,
  files: CatalogPackageFiles,
  where: string,
): CatalogPackage {
  let parsed: CatalogPackage['files'] | undefined;
  const pkg: CatalogPackage = {
    name: rec.name,
    version: rec.version,
    depends: rec.depends,
    installedSize: rec.installedSize,
    downloadSize: rec.downloadSize,
    get files() {
      return (parsed ??= packageFiles(
        parseListing(files.files ?? '', `${where} ${rec.name}`),
        files.contents,
      ));
    },
  };
  if (rec.recommends !== undefined) pkg.recommends = rec.recommends;
  if (rec.description !== undefined) pkg.description = rec.description;
  const dpkg = dpkgExtras(rec, files);
  if (dpkg) pkg.dpkg = dpkg;
  return pkg;
}

/**
 * One package index (apt for a suite, npm, pip) with the files loaded so far. Names the index
 * lacks fall through to `fallback` (the small built-in catalog).
 *
 * @example
 * const pip = new IndexedPackages(pipIndex, 'pip', true);
 * pip.closure(['Flask']); // ['flask', 'werkzeug', ...] whose files are still to load
 */
export class IndexedPackages implements PackageSource {
  private readonly records = new Map<string, CatalogPackageRecord>();
  private readonly loaded = new Map<string, CatalogPackage>();
  /** Names a lookup wanted before their files were loaded (the next load fetches them). */
  readonly missed = new Set<string>();

  constructor(
    readonly file: CatalogPackagesFile,
    private readonly where: string,
    private readonly fold = false,
    private readonly fallback?: PackageSource,
    /** Reads a package's files on the spot (Node reads the disk); the page loads them ahead. */
    private readonly readSync?: (name: string) => CatalogPackageFiles | undefined,
  ) {
    for (const p of file.packages) this.records.set(this.key(p.name), p);
  }

  private key(name: string): string {
    return this.fold ? name.toLowerCase().replace(/_/g, '-') : name;
  }

  /** The index's record for `name`, whether or not its files are loaded. */
  record(name: string): CatalogPackageRecord | undefined {
    return this.records.get(this.key(name));
  }

  /** Adds a package's files (from files/<slug>.json). */
  addFiles(name: string, files: CatalogPackageFiles): void {
    const rec = this.record(name);
    if (rec) this.loaded.set(this.key(name), catalogPackage(rec, files, this.where));
    this.missed.delete(this.key(name));
  }

  /**
   * Index names among `names` and everything they depend on or recommend, whose files are not
   * loaded yet, in a stable order.
   */
  closure(names: Iterable<string>, recommends = true): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const visit = (n: string) => {
      const rec = this.record(n);
      if (!rec || seen.has(rec.name)) return;
      seen.add(rec.name);
      if (!this.loaded.has(this.key(rec.name))) out.push(rec.name);
      for (const d of rec.depends) visit(d);
      if (recommends) for (const d of rec.recommends ?? []) visit(d);
    };
    for (const n of names) visit(n);
    return out;
  }

  lookup(name: string): CatalogPackage | undefined {
    const k = this.key(name);
    const have = this.loaded.get(k);
    if (have) return have;
    const rec = this.records.get(k);
    if (!rec) return this.fallback?.lookup(name);
    const files = this.readSync?.(rec.name);
    if (files) {
      this.addFiles(rec.name, files);
      return this.loaded.get(k);
    }
    this.missed.add(k);
    throw new PackageFilesNotLoaded(this.where, [name]);
  }
}

/** apt for one suite: packages plus what `apt-get update` prints and writes. */
export function aptSource(
  packages: IndexedPackages,
  fallback: AptSource,
): AptSource & { pycTag: string } {
  const file = packages.file;
  return {
    ...(file.suite !== undefined ? { suite: file.suite } : {}),
    lookup: (name) => packages.lookup(name),
    lists:
      file.lists !== undefined
        ? packageFiles(parseListing(file.lists, `${packages.file.suite ?? 'apt'} lists`))
        : fallback.lists,
    updateLines: file.updateLines ?? fallback.updateLines,
    pycTag: file.pycTag ?? 'cpython-311',
  };
}
