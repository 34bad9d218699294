/**
 * The catalog's files on disk (`public/catalog/v2/`), written by `npm run catalog:build` and read
 * by the page (fetched lazily) and by the Node CLI (read from disk). JSON throughout; file
 * listings are compact text, one entry a line (see `ENTRY_LINE`).
 *
 * Layout (a build fetches the index, its base images' files, and the package files of what it
 * installs; nothing else):
 *   v2/index.json                          CatalogIndex
 *   v2/hub.json                            HubTags (Docker Hub's official tags, for failures)
 *   v2/images/<slug>.json                  CatalogImageFile (one per image in the index)
 *   v2/apt/<suite>/index.json              CatalogPackagesFile without files (bookworm, trixie)
 *   v2/apt/<suite>/files/<slug>.json       CatalogPackageFiles, one per package (packageSlug)
 *   v2/npm/index.json, v2/pip/index.json   the same for npm and pip, with their files/ folders
 */
import type { HistoryEntry, RunConfig } from '../fs/index.ts';
import type { RecordedRun } from '../shell/packages/catalog.ts';

export const CATALOG_VERSION = 2;

/**
 * One filesystem entry a line, fields separated by a TAB:
 *
 *   TYPE  MODE  UID  GID  SIZE  PATH  [TARGET]
 *
 * TYPE is `f` (regular file), `d` (directory), `l` (symlink, TARGET = link target), `h` (hard
 * link, TARGET = absolute path of a file listed earlier in the same listing). MODE is octal
 * permission bits (e.g. `755`, `1777`, `4755`). SIZE is bytes (0 for anything but `f`). PATH is
 * absolute, without a trailing slash. Lines are in tar order (parents before children).
 *
 * @example
 * 'f\t644\t0\t0\t267\t/etc/os-release'
 * 'l\t777\t0\t0\t0\t/bin\tusr/bin'
 */
export const ENTRY_LINE = 'TYPE\tMODE\tUID\tGID\tSIZE\tPATH[\tTARGET]';

export interface CatalogIndex {
  version: typeof CATALOG_VERSION;
  /** ISO date of generation, and where the data came from (mirror, registry, Hub snapshot). */
  generated: string;
  sources: string[];
  /** The Docker Hub tag snapshot the aliases and hub.json come from. */
  hub: { snapshot: string; date: string; file: string };
  images: CatalogIndexImage[];
  /** What the images' usual commands printed, run for real (PackageCatalog.outputs). */
  outputs?: Record<string, { stdout: string; stderr: string; status: number }>;
  /** Paths relative to the index of the package indexes (apt: one per Debian suite). */
  packages: { apt: Record<string, string>; npm: string; pip: string };
  /** What is deliberately absent, in a sentence each (e.g. why there is no alpine). */
  notes: string[];
}

export interface CatalogIndexImage {
  /** Canonical familiar reference, e.g. `debian:bookworm-slim`. */
  ref: string;
  /** Other names for the same image (Docker Hub's tags of it), e.g. `debian:12-slim`. */
  aliases: string[];
  /**
   * Tags (of ref and aliases, without the repository) that move on Docker Hub (`latest`, `3`,
   * `lts`, `slim`...), with the version they named there at the snapshot (null: none known).
   */
  moving?: Record<string, string | null>;
  /** Path relative to the index. */
  file: string;
  /** Uncompressed bytes of all its layers (what `docker images` shows). */
  size: number;
  /** The version of its main program (`3.14.10` for python, `13.2` for debian). */
  version?: string;
  /** That program's name in a sentence (`Python`, `Node.js`, `Debian`). */
  product?: string;
  /** The Debian suite its apt-get installs from (`bookworm`, `trixie`); none for scratch images. */
  suite?: string;
  /** How the image was made, e.g. "debootstrap --variant=minbase bookworm, slimmed as debuerreotype does". */
  origin: string;
  /** True when built here from Debian packages instead of the official image's own build. */
  builtFromDebianPackages: boolean;
  /** Figures of the real image on Docker Hub, where the generator could know them. */
  real?: { compressedSize?: number; source: string };
}

/** Every tag of every official image on Docker Hub at a snapshot (hub.json). */
export interface HubTags {
  snapshot: string;
  date: string;
  repos: Record<string, string[]>;
}

export interface CatalogImageFile {
  ref: string;
  /** Another catalog image this one starts from; its layers come first. */
  base?: string;
  /** This image's own layers, bottom-up (after the base's). */
  layers: CatalogLayer[];
  config: RunConfig;
  /** The full history, base entries included, as `docker history` lists them bottom-up. */
  history: HistoryEntry[];
  /** postgres: its entrypoint's first start, recorded for real (scripts/catalog/first-start.mjs). */
  firstStart?: CatalogFirstStart;
}

/** A recorded first start: runs as RecordedRun (shell/packages/catalog.ts), files as a listing. */
export interface CatalogFirstStart {
  /** The server's Debian package and version (`postgresql-17=17.12-0+deb13u1`). */
  package: string;
  noPassword: RecordedRun;
  first: RecordedRun;
  again: RecordedRun;
  /** ENTRY_LINE lines of what the first start writes, and the texts of its small files. */
  files: { entries: string; contents: Record<string, string> };
}

export interface CatalogLayer {
  /** `sha256:<hex>` of the layer's listing, stable across generator runs on the same data. */
  diffId: string;
  /** Uncompressed bytes (sum of regular-file sizes). */
  size: number;
  /** Gzip-compressed bytes as a registry would transfer them (estimated where not measured). */
  compressedSize: number;
  /** ENTRY_LINE lines joined by `\n`. */
  entries: string;
  /** Contents of small text files a learner may `cat` (os-release, passwd, sources, ...). */
  contents: Record<string, string>;
}

export interface CatalogPackagesFile {
  /** e.g. "Debian bookworm (main), from dpkg-deb -c of each .deb" */
  source: string;
  /** True for pip: Debian's python3-* file lists mapped onto site-packages. */
  approximate: boolean;
  /** apt: the Debian suite. */
  suite?: string;
  /** apt: the tag of the .pyc files its maintainer scripts write (`cpython-311`). */
  pycTag?: string;
  /** In an index file: the records without `files`, `contents` and `pyc` (see CatalogPackageFiles). */
  packages: CatalogPackageRecord[];
  /** apt only: what `apt-get update` writes into /var/lib/apt/lists. */
  lists?: string;
  /** apt only: the `Get:N ...` lines `apt-get update` prints. */
  updateLines?: string[];
}

/** One package's files/<slug>.json: the parts of its record an index leaves out. */
export type CatalogPackageFiles = Pick<CatalogPackageRecord, 'files' | 'contents' | 'pyc'>;

/**
 * The file name (without `.json`) of a package's files: lower case, anything but letters,
 * digits, `.` and `-` as `_` and its hex code (`libstdc++6` -> `libstdc_2b_2b6`).
 */
export function packageSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

export interface CatalogPackageRecord {
  name: string;
  version: string;
  /** Pre-resolved names (alternatives chosen), only packages present in this file or the base. */
  depends: string[];
  recommends?: string[];
  installedSize: number;
  downloadSize: number;
  description?: string;
  /**
   * ENTRY_LINE lines. apt: absolute paths. pip: relative to site-packages except `bin/...`
   * (relative to the prefix). npm: relative to `node_modules/<name>`. Relative paths have no
   * leading slash. Absent from an index file (in files/<slug>.json instead).
   */
  files?: string;
  contents?: Record<string, string>;
  /** apt: `Multi-Arch: same`; dpkg names its info files `<name>:amd64.*`. */
  multiArch?: boolean;
  /**
   * apt: members of the control archive dpkg keeps as /var/lib/dpkg/info/<name>.<member>, with
   * their sizes, comma-separated: `md5sums 581,postinst 2669`.
   */
  info?: string;
  /** apt: bytes of /var/lib/dpkg/info/<name>.list (every path of the .deb, excluded ones too). */
  listSize?: number;
  /**
   * apt: what the maintainer scripts and triggers do when the package is configured, one word
   * and its arguments each: `ldconfig`, `update-ca-certificates`, `debconf TEMPLATES CONFIG`
   * (bytes its templates add to templates.dat and config.dat), `pycompile PACKAGE DIR`
   * (byte-compiles PACKAGE's .py files under DIR).
   */
  effects?: string[];
  /**
   * apt: sizes of `__pycache__/<x>.cpython-311.pyc` for the package's `.py` entries (files and
   * symlinks, hard links; in listing order), comma-separated; 0 where a file does not compile. Present for
   * packages some postinst byte-compiles.
   */
  pyc?: string;
}
