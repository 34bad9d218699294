/**
 * What the simulated package managers install. Logic lives in apt.ts, apk.ts, pip.ts, npm.ts;
 * data comes from an implementation of PackageCatalog (builtin.ts is a small one; generated
 * catalogs from Debian's real file lists replace it without touching the logic).
 */
import { EngineError } from '../../common/diagnostics.ts';

export interface CatalogFile {
  /** Absolute path inside the image. A trailing slash is not used; directories set type. */
  path: string;
  size: number;
  /** Permission bits; defaults to 0o644 for files (0o755 under bin/ dirs), 0o755 for dirs. */
  mode?: number;
  type?: 'file' | 'dir' | 'symlink';
  /** Symlink target when type is 'symlink'. */
  target?: string;
  /** Text content for small files learners may `cat`; otherwise the file is sized only. */
  content?: string;
}

export interface CatalogPackage {
  name: string;
  version: string;
  /** Names of packages this one needs, installed first. Alternatives are pre-resolved. */
  depends: string[];
  /** apt installs these too unless `--no-install-recommends`. */
  recommends?: string[];
  /** Bytes on disk after install (apt prints it as "additional disk space"). */
  installedSize: number;
  /** Bytes of the archive ("Need to get ..."). */
  downloadSize: number;
  /**
   * apt/apk: absolute paths. pip: relative to site-packages, except `bin/...` (the prefix's bin).
   * npm: relative to `node_modules/<name>`.
   */
  files: CatalogFile[];
  /** One-line summary for `apt show` and `pip show`. */
  description?: string;
  /** apt: what dpkg and the maintainer scripts write besides `files` (see maintainer.ts). */
  dpkg?: DpkgExtras;
}

/** apt: a package's dpkg database entries and maintainer-script effects, from its .deb. */
export interface DpkgExtras {
  /** `Multi-Arch: same`: info files are named `<name>:amd64.*`. */
  multiArch: boolean;
  /** Control-archive members kept in /var/lib/dpkg/info, with sizes (md5sums, postinst, ...). */
  info: { member: string; size: number }[];
  /** Bytes of the `.list` file, when known (it also names paths a slim image leaves out). */
  listSize?: number;
  /** `ldconfig`, `update-ca-certificates`, `debconf T C`, `pycompile PKG DIR` (see format.ts). */
  effects: string[];
  /** `.pyc` sizes aligned with the package's `.py` entries, when some postinst compiles them. */
  pyc?: number[];
}

export interface PackageSource {
  lookup(name: string): CatalogPackage | undefined;
}

export interface AptSource extends PackageSource {
  /** The files `apt-get update` writes into /var/lib/apt/lists (sized, not stored). */
  lists: CatalogFile[];
  /** `Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]` lines for update. */
  updateLines: string[];
  /** The tag of the .pyc files maintainer scripts write (`cpython-311`; the suite's Python). */
  pycTag?: string;
  /** The Debian suite (`bookworm`, `trixie`), for the lines apt prints. */
  suite?: string;
}

export interface ApkSource extends PackageSource {
  /** Files the APKINDEX fetch writes into /var/cache/apk (skipped with --no-cache). */
  indexFiles: CatalogFile[];
}

/** What a program printed for a command line (see commands/recorded.ts). */
export interface RecordedOutput {
  stdout: string;
  stderr: string;
  status: number;
}

/** A recorded run of a server's entrypoint (see commands/postgres.ts). */
export interface RecordedRun {
  /**
   * What it printed, in order; `stop` marks where `docker stop` came. `{time}` (`2026-12-07
   * 04:25:13.123 UTC`), `{date}` (the same without milliseconds) and `{pid:N}` (0: the server
   * that keeps running, PID 1; others in order of appearance) are filled in by the simulator.
   */
  chunks: ['stdout' | 'stderr' | 'stop', string][];
  status: number;
}

/** A file a program writes at run time, with its owner. */
export interface OwnedFile extends CatalogFile {
  mode: number;
  uid: number;
  gid: number;
}

/** A database server's first start, recorded from the real entrypoint (postgres). */
export interface FirstStart {
  /** Without a password: the entrypoint refuses to initialise the database. */
  noPassword: RecordedRun;
  /** With an empty data directory: initdb, the temporary server, then the server. */
  first: RecordedRun;
  /** With the database already there: "Skipping initialization", then the server. */
  again: RecordedRun;
  /** What the first start leaves in the data directory and the socket directory. */
  files: OwnedFile[];
}

export interface PackageCatalog {
  /** apt when the image does not say which Debian it is (no /etc/os-release). */
  apt: AptSource;
  /** apt per Debian suite (`bookworm`, `trixie`), chosen by the image's os-release. */
  aptSuites?: Record<string, AptSource>;
  /**
   * What the catalog images' programs printed, run for real: `argv|package=version` (or
   * `argv|size=N` for a program no package owns, such as hello-world's /hello).
   */
  outputs?: Record<string, RecordedOutput>;
  /** Database servers' first starts, by the server's `package=version` (postgresql-17=...). */
  firstStarts?: Record<string, FirstStart>;
  apk: ApkSource;
  pip: PackageSource;
  npm: PackageSource;
  /**
   * A rehearsal's look ahead (session/rehearsal.ts), never set in a learner's engine: told which
   * packages an `apt-get install` is about to unpack, in a shell whose clock says `now`; when
   * it answers false, apt stops there and fails, so the rehearsal can make the packages' files
   * one package at a time (prepare.ts) before it builds the step for real.
   */
  unpacking?: (packages: readonly CatalogPackage[], now: number) => boolean;
}

/**
 * A package the catalog knows whose files were not loaded before the command ran (the lab loads
 * the files of the packages a text names; a name computed at run time can escape it). The
 * command fails with the lab's sentence and the next run loads them.
 */
export class PackageFilesNotLoaded extends EngineError {
  constructor(
    readonly where: string,
    readonly names: readonly string[],
  ) {
    super(
      'catalog-files-not-loaded',
      `the lab had not loaded the files of ${names.join(', ')} (${where}) when this ran; run it again`,
    );
    this.name = 'PackageFilesNotLoaded';
  }
}
