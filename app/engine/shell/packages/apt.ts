import { decode } from '../io.ts';
import type { Shell } from '../state.ts';
import type { CommandFn, Io } from '../types.ts';
import type { AptSource, CatalogPackage } from './catalog.ts';
import { aptLogs, dpkgLog } from './apt-logs.ts';
import { aptOperands, rejectAptOptions } from './apt-cli.ts';
import { dpkgName, markAuto, touchLocks, writeInfoFiles, writeStatusOld } from './dpkg-info.ts';
import { aptList, aptSize, installFiles } from './install.ts';
import { caCertificates, debconf, ldconfig, pycompile } from './maintainer.ts';

const STATUS = '/var/lib/dpkg/status';

/**
 * The apt source of the image's Debian: its /etc/os-release names the suite (`bookworm`,
 * `trixie`); without one (or a suite the catalog lacks) the default source answers.
 */
export function aptOf(sh: Shell): AptSource {
  const suites = sh.catalog.aptSuites;
  if (suites) {
    try {
      const release = decode(sh.fs.readFile('/etc/os-release'));
      const codename = /^VERSION_CODENAME=(\S+)$/m.exec(release)?.[1];
      const source = codename ? suites[codename] : undefined;
      if (source) return source;
    } catch {
      /* no os-release: not a Debian image */
    }
  }
  return sh.catalog.apt;
}
const LISTS = '/var/lib/apt/lists';

/**
 * Packages dpkg has installed, by name, from /var/lib/dpkg/status.
 *
 * @example
 * installedDebs(sh).get('curl'); // '7.88.1-10+deb12u5' once installed
 */
export function installedDebs(sh: Shell): ReadonlyMap<string, string> {
  let data: Uint8Array;
  try {
    data = sh.fs.readFile(STATUS);
  } catch {
    return new Map();
  }
  // A base image's status file is the same bytes in every build on it: read once.
  const known = statusOf.get(data);
  if (known) return known;
  const out = new Map<string, string>();
  for (const block of decode(data).split(/\n\n+/)) {
    const name = /^Package: (.+)$/m.exec(block)?.[1];
    const version = /^Version: (.+)$/m.exec(block)?.[1];
    if (name && /^Status: install ok installed$/m.test(block)) out.set(name, version ?? '');
  }
  statusOf.set(data, out);
  return out;
}

const statusOf = new WeakMap<Uint8Array, ReadonlyMap<string, string>>();

function hasLists(sh: Shell): boolean {
  try {
    return sh.fs.readdir(LISTS).some((n) => n.endsWith('_Packages') || n.includes('_Packages.'));
  } catch {
    return false;
  }
}

/**
 * What dpkg counts in "(Reading database ... N files and directories currently installed.)": the
 * lines of every .list. A .list stored by size only (no text) counts its bytes over the average
 * line length of the lists that have text.
 */
function databaseSize(sh: Shell): number {
  let lines = 0;
  let bytes = 0;
  let sized = 0;
  try {
    for (const f of sh.fs.readdir('/var/lib/dpkg/info')) {
      if (!f.endsWith('.list')) continue;
      const data = sh.fs.readFile(`/var/lib/dpkg/info/${f}`);
      if (data.length > 0 && data[0] === 0) sized += data.length;
      else {
        lines += decode(data).split('\n').length - 1;
        bytes += data.length;
      }
    }
  } catch {
    /* no database: a minimal image */
  }
  return lines + (sized > 0 ? Math.round(sized / (lines > 0 ? bytes / lines : 50)) : 0);
}

function lockError(io: Io): number {
  io.stderr.write(
    'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n' +
      'E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n',
  );
  return 100;
}

function update(io: Io, sh: Shell): number {
  if (sh.user.uid !== 0) {
    io.stderr.write(
      'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n',
    );
    return 100;
  }
  for (const line of aptOf(sh).updateLines) io.stdout.write(`${line}\n`);
  sh.fs.mkdir(`${LISTS}/partial`, { recursive: true });
  installFiles(sh, aptOf(sh).lists);
  io.stdout.write('Reading package lists...\n');
  return 0;
}

const HEADER =
  'Reading package lists...\nBuilding dependency tree...\nReading state information...\n';

function statusBlock(p: CatalogPackage): string {
  const deps = p.depends.length > 0 ? `Depends: ${p.depends.join(', ')}\n` : '';
  return `Package: ${p.name}\nStatus: install ok installed\nInstalled-Size: ${Math.ceil(p.installedSize / 1024)}\nArchitecture: amd64\nVersion: ${p.version}\n${deps}\n`;
}

function install(names: string[], flags: Set<string>, io: Io, sh: Shell, command: string): number {
  if (sh.user.uid !== 0) return lockError(io);
  io.stdout.write(HEADER);
  const installed = installedDebs(sh);
  const withLists = hasLists(sh);
  const recommends = !flags.has('--no-install-recommends');
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const visit = (name: string, top: boolean): void => {
    const bare = name.replace(/[=:].*$/, '');
    if (seen.has(bare) || (installed.has(bare) && !top)) return;
    seen.add(bare);
    const p = withLists ? aptOf(sh).lookup(bare) : undefined;
    if (!p) {
      if (top) missing.push(bare);
      return;
    }
    for (const d of p.depends) visit(d, false);
    if (recommends) for (const r of p.recommends ?? []) visit(r, false);
    order.push(p);
  };
  for (const n of names) visit(n, true);
  if (missing.length > 0) {
    for (const m of missing) io.stderr.write(`E: Unable to locate package ${m}\n`);
    return 100;
  }
  const already = order.filter((p) => installed.has(p.name));
  for (const p of already)
    io.stdout.write(`${p.name} is already the newest version (${p.version}).\n`);
  const fresh = order.filter((p) => !installed.has(p.name));
  const requested = new Set(names.map((n) => n.replace(/[=:].*$/, '')));
  const extra = fresh
    .filter((p) => !requested.has(p.name))
    .map((p) => p.name)
    .sort();
  if (extra.length > 0)
    io.stdout.write(`The following additional packages will be installed:\n${aptList(extra)}`);
  const skipped = recommends
    ? []
    : [...new Set(fresh.flatMap((p) => p.recommends ?? []))].filter((r) => !seen.has(r)).sort();
  if (skipped.length > 0) io.stdout.write(`Recommended packages:\n${aptList(skipped)}`);
  if (fresh.length > 0)
    io.stdout.write(
      `The following NEW packages will be installed:\n${aptList(fresh.map((p) => p.name).sort())}`,
    );
  io.stdout.write(`0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (fresh.length === 0) return 0;
  const download = fresh.reduce((n, p) => n + p.downloadSize, 0);
  const size = fresh.reduce((n, p) => n + p.installedSize, 0);
  io.stdout.write(
    `Need to get ${aptSize(download)} of archives.\nAfter this operation, ${aptSize(size)} of additional disk space will be used.\n`,
  );
  if (
    extra.length > 0 &&
    !flags.has('-y') &&
    !flags.has('--yes') &&
    !flags.has('--assume-yes') &&
    !flags.has('-qq')
  ) {
    // No terminal answers the prompt in a build: apt reads end of input and aborts.
    io.stdout.write('Do you want to continue? [Y/n] Abort.\n');
    return 1;
  }
  if (sh.catalog.unpacking?.(fresh, sh.now) === false) return 100;
  fresh.forEach((p, i) => {
    io.stdout.write(
      `Get:${i + 1} http://deb.debian.org/debian ${aptOf(sh).suite ?? 'bookworm'}/main amd64 ${p.name} amd64 ${p.version} [${aptSize(p.downloadSize)}]\n`,
    );
  });
  io.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  io.stdout.write(`Fetched ${aptSize(download)} in 0s (${aptSize(download * 4)}/s)\n`);
  let status = '';
  let dpkgOutput = '';
  const say = (text: string): void => {
    dpkgOutput += text;
    io.stdout.write(text);
  };
  const database = databaseSize(sh);
  fresh.forEach((p, i) => {
    const arch = dpkgName(p);
    say(`Selecting previously unselected package ${arch}.\n`);
    if (i === 0)
      say(`(Reading database ... ${database} files and directories currently installed.)\n`);
    // One dpkg run unpacks them all; apt numbers the archives it hands over.
    const deb = `${fresh.length > 1 ? `${i}-` : ''}${p.name}_${p.version.replace(/^\d+:/, '')}_amd64.deb`;
    say(`Preparing to unpack .../${deb} ...\nUnpacking ${arch} (${p.version}) ...\n`);
    installFiles(sh, p.files);
    writeInfoFiles(sh, p);
    status += statusBlock(p);
  });
  // Configuring runs each package's maintainer scripts (maintainer.ts), in dpkg's order.
  const unpacked = (n: string): CatalogPackage | undefined =>
    fresh.find((p) => p.name === n) ?? (installed.has(n) ? aptOf(sh).lookup(n) : undefined);
  for (const p of fresh) {
    say(`Setting up ${dpkgName(p)} (${p.version}) ...\n`);
    pycompile(sh, [p], unpacked, aptOf(sh).pycTag);
    debconf(sh, [p]);
    const certs = caCertificates(sh, [p]);
    if (certs !== undefined)
      say(`Updating certificates in /etc/ssl/certs...\n${certs} added, 0 removed; done.\n`);
  }
  const modelled = fresh.some((p) => p.dpkg !== undefined);
  const ranLdconfig = ldconfig(sh, fresh);
  const libcBin = installed.get('libc-bin') ?? '2.36-9+deb12u4';
  const trigger = modelled ? ranLdconfig : fresh.some((p) => p.name.startsWith('lib'));
  if (trigger) say(`Processing triggers for libc-bin (${libcBin}) ...\n`);
  sh.fs.writeFile(STATUS, new TextEncoder().encode(status), { append: true });
  writeStatusOld(sh, STATUS);
  markAuto(
    sh,
    fresh.filter((p) => !requested.has(p.name)),
  );
  touchLocks(sh);
  const run = { command, fresh, requested, dpkgOutput, ...(trigger ? { trigger: libcBin } : {}) };
  dpkgLog(sh, run);
  aptLogs(sh, run, sh.fs.lstat(STATUS).size);
  return 0;
}

function remove(names: string[], purge: boolean, io: Io, sh: Shell): number {
  if (sh.user.uid !== 0) return lockError(io);
  io.stdout.write(HEADER);
  const installed = installedDebs(sh);
  const gone = names.filter((n) => installed.has(n));
  for (const n of names.filter((x) => !installed.has(x)))
    io.stdout.write(`Package '${n}' is not installed, so not removed\n`);
  if (gone.length > 0)
    io.stdout.write(
      `The following packages will be REMOVED:\n${aptList(gone.map((n) => (purge ? `${n}*` : n)))}`,
    );
  io.stdout.write(`0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
  for (const n of gone) {
    io.stdout.write(`Removing ${n} (${installed.get(n)}) ...\n`);
    for (const f of aptOf(sh).lookup(n)?.files ?? []) {
      try {
        if (sh.fs.lstat(f.path).type !== 'dir') sh.fs.unlink(f.path);
      } catch {
        /* already gone */
      }
    }
  }
  const text = decode(sh.fs.readFile(STATUS));
  const kept = text
    .split(/\n\n+/)
    .filter((b) => b.trim() !== '' && !gone.includes(/^Package: (.+)$/m.exec(b)?.[1] ?? ''));
  sh.fs.writeFile(STATUS, new TextEncoder().encode(kept.map((b) => `${b.trim()}\n\n`).join('')));
  return 0;
}

/** apt-get (and apt): update, install, remove/purge, clean, autoremove, upgrade. */
export const aptGet: CommandFn = (argv, io, sh) => {
  const rejected = rejectAptOptions(argv.slice(1), io);
  if (rejected !== undefined) return rejected;
  const flags = new Set(argv.slice(1).filter((a) => a.startsWith('-')));
  for (const a of argv.slice(1)) if (/^-[a-z]+$/.test(a) && a.includes('y')) flags.add('-y');
  const [sub, ...names] = aptOperands(argv.slice(1));
  if (argv[0] === 'apt')
    io.stderr.write(
      '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n',
    );
  switch (sub) {
    case 'update':
      return update(io, sh);
    case 'install':
      return install(names, flags, io, sh, argv.join(' '));
    case 'remove':
    case 'purge':
      return remove(names, sub === 'purge', io, sh);
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
    case 'autoremove':
      if (sh.user.uid !== 0) return lockError(io);
      io.stdout.write(
        `${HEADER}${sub === 'autoremove' ? '' : 'Calculating upgrade...\n'}0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n`,
      );
      return 0;
    case 'clean':
    case 'autoclean':
      for (const dir of ['/var/cache/apt/archives']) {
        try {
          for (const n of sh.fs.readdir(dir)) if (n.endsWith('.deb')) sh.fs.unlink(`${dir}/${n}`);
        } catch {
          /* nothing cached */
        }
      }
      return 0;
    case undefined:
      io.stdout.write('apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n');
      return 1;
    default:
      io.stderr.write(`E: Invalid operation ${sub}\n`);
      return 100;
  }
};
