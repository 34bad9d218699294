// Helpers the image specs share: versions read from a built tree or asked of the npm registry,
// downloads into the work folder, and the shapes of the official Dockerfiles' steps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const W = process.env.W ?? '/var/tmp/layerlab-catalog';
export const FILES = new URL('../files/', import.meta.url).pathname;
export const BASE_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];

/** RFC 3339 time (no fraction) the images are dated by (build.sh's EPOCH: the day of the build). */
export function createdAt() {
  const epoch = Number(process.env.EPOCH ?? Math.floor(Date.now() / 86_400_000) * 86_400);
  return new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Version of an installed package, from the tree's /var/lib/dpkg/status. */
export function dpkgVersion(root, pkg) {
  const status = readFileSync(join(root, 'var/lib/dpkg/status'), 'utf8');
  for (const para of status.split('\n\n')) {
    if (para.startsWith(`Package: ${pkg}\n`)) {
      const m = /^Version: (.+)$/m.exec(para);
      if (m?.[1]) return m[1];
    }
  }
  throw new Error(`${pkg} is not installed in ${root}`);
}
/** `3.11.2-6+deb12u6` -> `3.11.2`; `1:2.3-1` -> `2.3`; `5:8.0.2-3` -> `8.0.2`. */
export const upstream = (v) =>
  v
    .replace(/^\d+:/, '')
    .replace(/-[^-]*$/, '')
    .replace(/[+~].*$/, '');
/** Upstream version of an installed Debian package. */
export const debVersion = (pkg) => (root) => upstream(dpkgVersion(root, pkg));
/** Debian's point release, from /etc/debian_version (`13.2`). */
export const debianVersion = (root) =>
  readFileSync(join(root, 'etc/debian_version'), 'utf8').trim();

const cmp = (a, b) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};
/** Highest published version of an npm package in a range, asked of the registry. */
export function npmLatest(spec) {
  const out = execFileSync('npm', ['view', spec, 'version', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const v = JSON.parse(out);
  return Array.isArray(v)
    ? v
        .filter((s) => /^\d+\.\d+\.\d+$/.test(s))
        .sort(cmp)
        .at(-1)
    : v;
}
/** `npm pack name@version` into W/dl (once); returns the tarball path. */
export function npmPack(name, version) {
  const dir = join(W, 'dl');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
  if (!existsSync(file))
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  return file;
}

/** A file of the official image's repository, kept in files/ (see files/SOURCES.md). */
export const officialFile = (path) => readFileSync(join(FILES, path));

/** `apt-get install` of Debian packages the way the official Dockerfiles write it. */
export function aptInstall(suite, packages, { recommends = false, from } = {}) {
  const flags = `-y${recommends ? '' : ' --no-install-recommends'}${from ? ` -t ${from}` : ''}`;
  const clean = suite === 'bookworm' ? 'rm -rf /var/lib/apt/lists/*' : 'apt-get dist-clean';
  return `set -eux; apt-get update; apt-get install ${flags} ${packages.join(' ')}; ${clean}`;
}

/** The buildpack-deps steps (github.com/docker-library/buildpack-deps, debian/SUITE[/curl|/scm]). */
export const BUILDPACK = {
  curl: ['ca-certificates', 'curl', 'gnupg', 'netbase', 'sq', 'wget'],
  scm: ['git', 'mercurial', 'openssh-client', 'subversion', 'procps'],
  full: `autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev
libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev
libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev
libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev
libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev`.split(/\s+/),
};
