// Writes W/out/apt-SUITE.json (split into OUT/apt/SUITE/ by split.mjs): the closure of common
// packages relative to debian:SUITE-slim, read from the .deb files apt-get downloads in a chroot
// of that rootfs. SUITE is bookworm (the default) or trixie.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  control,
  etcContents,
  fileList,
  idMaps,
  parseDeps,
  resolveDeps,
  slimExcluded,
  statusPackages,
} from './deb.mjs';
import { debconfGrowth, maintainerInfo, pyEntries, pycSizes } from './maintainer.mjs';
import { makeLayer, walk } from './tree.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const SUITE = process.env.SUITE ?? 'bookworm';
mkdirSync(join(W, 'out'), { recursive: true });
const HERE = new URL('.', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);

export const APT_NAMES =
  `python3 python3-pip python3-venv python3-dev curl wget git ca-certificates build-essential gcc g++
make cmake nodejs npm nginx vim nano less procps iputils-ping net-tools openssl unzip zip jq postgresql-client
default-jre-headless default-mysql-client redis-tools sqlite3 htop tree file gnupg dnsutils iproute2
netcat-openbsd openssh-client rsync tzdata locales sudo xz-utils bzip2 patch pkg-config libssl-dev libpq-dev
libffi-dev zlib1g-dev git-lfs libjpeg-dev imagemagick tini gosu supervisor cron dumb-init apache2-utils strace
lsof telnet`.split(/\s+/);

// bookworm keeps the folder names of older work folders, so their downloads are reused.
const tag = SUITE === 'bookworm' ? '' : `-${SUITE}`;
const root = join(W, `apt-root${tag}`);
const slim = join(W, SUITE === 'bookworm' ? 'rootfs-slim' : `rootfs-${SUITE}-slim`);
const PY = { bookworm: '3.11', trixie: '3.13' }[SUITE];
const chroot = (cmd) =>
  execFileSync(join(HERE, 'chroot.sh'), ['run', root, cmd], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });

if (process.env.REBUILD === '1' || !existsSync(join(W, `apt${tag}.done`))) {
  log(`apt ${SUITE}: apt-get update and --download-only in a copy of the slim rootfs`);
  execFileSync('rm', ['-rf', root]);
  execFileSync('cp', ['-a', slim, root]);
  writeFileSync(join(W, `apt-update${tag}.txt`), chroot('apt-get update'));
  const known = APT_NAMES.filter((n) => {
    try {
      return chroot(`apt-cache show --no-all-versions ${n} >/dev/null 2>&1 && echo yes`).includes(
        'yes',
      );
    } catch {
      log(`apt: no package ${n} in ${SUITE}, left out`);
      return false;
    }
  });
  writeFileSync(join(W, `apt-names${tag}.txt`), known.join(' '));
  // With recommends: what a plain `apt-get install` brings in.
  chroot(`apt-get install -y -qq --download-only ${known.join(' ')} >/dev/null`);
  execFileSync('touch', [join(W, `apt${tag}.done`)]);
}

const updateText = readFileSync(join(W, `apt-update${tag}.txt`), 'utf8');
const updateLines = updateText.split('\n').filter((l) => /^(Get|Hit|Ign):/.test(l));
const listsTree = walk(root);
const listPaths = [...listsTree.keys()].filter((p) => p.startsWith('/var/lib/apt/lists/'));
const lists = makeLayer(root, listsTree, listPaths, [], { contents: () => false }).entries;

const baseStatus = statusPackages(readFileSync(join(slim, 'var/lib/dpkg/status'), 'utf8'));
const base = new Set(baseStatus.map((p) => p.Package));
const baseProvides = new Set(baseStatus.flatMap((p) => parseDeps(p.Provides).flat()));
const ids = idMaps(root);
const archives = join(root, 'var/cache/apt/archives');
const debs = readdirSync(archives)
  .filter((f) => f.endsWith('.deb'))
  .sort()
  .map((f) => join(archives, f));
log(`apt: reading ${debs.length} .deb files`);
const ctl = debs.map((d) => ({ deb: d, f: control(d) }));
const file = new Set(ctl.map((c) => c.f.Package));
const fileProvides = new Map();
for (const { f } of ctl)
  for (const p of parseDeps(f.Provides).flat())
    if (!fileProvides.has(p)) fileProvides.set(p, f.Package);
const known = { file, fileProvides, base, baseProvides };

const templates = new Map();
const packages = ctl.map(({ deb, f }) => {
  const rec = {
    name: f.Package,
    version: f.Version,
    depends: resolveDeps(
      [...parseDeps(f['Pre-Depends']), ...parseDeps(f.Depends)],
      known,
      f.Package,
    ),
    installedSize: Number(f['Installed-Size'] ?? 0) * 1024,
    downloadSize: statSync(deb).size,
    description: (f.Description ?? '').split('\n')[0],
    files: fileList(deb, ids, (p) => !slimExcluded(p)),
  };
  const recommends = resolveDeps(parseDeps(f.Recommends), known, f.Package);
  if (recommends.length) rec.recommends = recommends;
  const contents = etcContents(deb);
  if (Object.keys(contents).length) rec.contents = contents;
  if (f['Multi-Arch'] === 'same') rec.multiArch = true;
  const m = maintainerInfo(deb);
  if (m.info) rec.info = m.info;
  rec.listSize = m.listSize;
  if (m.templates) templates.set(f.Package, m.templates);
  if (m.effects.length) rec.effects = m.effects;
  return rec;
});
packages.sort((a, b) => (a.name < b.name ? -1 : 1));

// debconf: what loading each package's templates adds to its database.
for (const [name, [t, c]] of debconfGrowth(root, chroot, templates)) {
  const rec = packages.find((p) => p.name === name);
  if (rec) rec.effects = [...(rec.effects ?? []), `debconf ${t} ${c}`];
}
log(`apt: measured the debconf templates of ${templates.size} packages`);

/** Where the suite's Python compiles .pyc files: the host for bookworm, else a chroot with it. */
let pyTree;
function pyRoot() {
  if (SUITE === 'bookworm') return undefined;
  if (pyTree) return pyTree;
  pyTree = join(W, `pyc-root${tag}`);
  if (!existsSync(join(pyTree, `usr/bin/python${PY}`))) {
    execFileSync('rm', ['-rf', pyTree]);
    execFileSync('cp', ['-a', slim, pyTree]);
    execFileSync(
      join(HERE, 'chroot.sh'),
      [
        'run',
        pyTree,
        `apt-get update -qq && apt-get install -y -qq --no-install-recommends python${PY}-minimal python3-minimal >/dev/null`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  return pyTree;
}

// Byte-compiled sizes for the packages some postinst compiles (py3compile -p, py_compile.py).
const debOf = new Map(ctl.map(({ deb, f }) => [f.Package, deb]));
const byName = new Map(packages.map((p) => [p.name, p]));
const compiled = new Set(
  packages.flatMap((p) =>
    (p.effects ?? []).filter((e) => e.startsWith('pycompile ')).map((e) => e.split(' ')[1]),
  ),
);
for (const name of compiled) {
  const rec = byName.get(name);
  if (!rec) continue;
  const py = pyEntries(rec.files);
  const debs = [...rec.depends.map((d) => debOf.get(d)).filter(Boolean), debOf.get(name)];
  if (py.length) rec.pyc = pycSizes(debs, py, pyRoot()).join(',');
}
log(`apt: byte-compiled the .py files of ${compiled.size} packages`);

const out = {
  source: `Debian ${SUITE} (main, ${SUITE}-updates, ${SUITE}-security) from deb.debian.org, from dpkg-deb -f and -c of each .deb; file lists without the paths a slim image excludes (/etc/dpkg/dpkg.cfg.d/docker)`,
  approximate: false,
  suite: SUITE,
  pycTag: `cpython-${PY.replace('.', '')}`,
  packages,
  lists,
  updateLines,
};
writeFileSync(join(W, 'out', `apt-${SUITE}.json`), JSON.stringify(out));
log(`apt ${SUITE}: ${packages.length} packages, ${updateLines.length} update lines`);
