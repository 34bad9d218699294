/**
 * dpkg's database beside /var/lib/dpkg/status: what dpkg writes when it unpacks a package.
 *
 * - /var/lib/dpkg/info/<name>.list: `/.` then every path of the .deb, in archive order. With the
 *   catalog's `listSize` (real, counted from the .deb) the file has that size even when a slim
 *   image excluded some paths; the text we can write names only the paths we install.
 * - /var/lib/dpkg/info/<name>.<member>: md5sums, conffiles, shlibs, symbols, triggers, templates,
 *   config and the maintainer scripts, copied from the .deb's control archive (real sizes, no
 *   content).
 * - status-old (dpkg's copy before its last rewrite of status), the triggers directory's lock
 *   and Unincorp files, and apt's extended_states (which packages were installed automatically).
 * Multi-Arch: same packages are named `<name>:amd64`.
 */
import type { ShellFs } from '../../fs/index.ts';
import type { Shell } from '../state.ts';
import { prepareTree, writeInBulk } from './bulk.ts';
import type { CatalogPackage } from './catalog.ts';

export const INFO = '/var/lib/dpkg/info';
const SCRIPTS = new Set(['preinst', 'postinst', 'prerm', 'postrm', 'config']);
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * The name dpkg uses for a package: `libssl3:amd64` when it is Multi-Arch: same. Without
 * catalog data, library packages (`lib*`) are taken to be.
 *
 * @example
 * dpkgName({ name: 'libssl3', dpkg: { multiArch: true, ... } }); // 'libssl3:amd64'
 */
export function dpkgName(p: Pick<CatalogPackage, 'name' | 'dpkg'>): string {
  const multi = p.dpkg ? p.dpkg.multiArch : p.name.startsWith('lib');
  return multi ? `${p.name}:amd64` : p.name;
}

/** The .list text: `/.` then each path the package installs, in its order. */
export function listText(p: CatalogPackage): string {
  return ['/.', ...p.files.map((f) => f.path)].join('\n') + '\n';
}

/** Writes /var/lib/dpkg/info/<name>.list and the control members of one unpacked package. */
export function writeInfoFiles(sh: Shell, p: CatalogPackage): void {
  // Rewriting an existing .list keeps its mode: that case is written one by one.
  writeInBulk(sh, p, 'dpkg-info', (fs) => writeInfo(fs, p), 'refuse');
}

/** Makes ahead of time the tree `writeInfoFiles(sh, p)` merges in a shell at `now`. */
export function prepareInfoFiles(p: CatalogPackage, now: number): void {
  prepareTree(p, 'dpkg-info', now, (fs) => writeInfo(fs, p));
}

function writeInfo(fs: ShellFs, p: CatalogPackage): void {
  fs.mkdir(INFO, { recursive: true });
  const name = dpkgName(p);
  const text = enc(listText(p));
  const listSize = p.dpkg?.listSize ?? 0;
  if (listSize > text.length) fs.writeSizedFile(`${INFO}/${name}.list`, listSize);
  else fs.writeFile(`${INFO}/${name}.list`, text);
  for (const { member, size } of p.dpkg?.info ?? [])
    fs.writeSizedFile(`${INFO}/${name}.${member}`, size, {
      mode: SCRIPTS.has(member) ? 0o755 : 0o644,
    });
}

/** Lock files dpkg and apt hold while they run; they stay behind, empty. */
export function touchLocks(sh: Shell): void {
  for (const dir of ['/var/lib/dpkg/triggers', '/var/cache/apt/archives'])
    sh.fs.mkdir(dir, { recursive: true });
  for (const [path, mode] of [
    ['/var/lib/dpkg/lock', 0o640],
    ['/var/lib/dpkg/lock-frontend', 0o640],
    ['/var/lib/dpkg/triggers/Lock', 0o600],
    ['/var/lib/dpkg/triggers/Unincorp', 0o644],
    ['/var/cache/apt/archives/lock', 0o640],
  ] as const)
    sh.fs.writeSizedFile(path, 0, { mode });
}

/** dpkg keeps the previous status as status-old each time it rewrites status. */
export function writeStatusOld(sh: Shell, status: string): void {
  try {
    sh.fs.writeFile(`${status}-old`, sh.fs.readFile(status));
  } catch {
    /* no status file: nothing to keep */
  }
}

/**
 * apt's record of automatically installed packages (what `apt-mark showauto` lists and
 * `autoremove` may remove).
 */
export function markAuto(sh: Shell, auto: CatalogPackage[]): void {
  if (auto.length === 0) return;
  sh.fs.mkdir('/var/lib/apt', { recursive: true });
  const text = auto
    .map((p) => `Package: ${p.name}\nArchitecture: amd64\nAuto-Installed: 1\n\n`)
    .join('');
  sh.fs.writeFile('/var/lib/apt/extended_states', enc(text), { append: true });
}
