// debian:SUITE[-slim] from the debootstrapped trees, and buildpack-deps on top of them
// (github.com/docker-library/buildpack-deps, debian/SUITE/{curl,scm,.}/Dockerfile).
import { BUILDPACK, aptInstall, debianVersion } from './common.mjs';

const SUITES = [
  { suite: 'bookworm', major: '12', full: 'rootfs-full', slim: 'rootfs-slim', alias: 'oldstable' },
  {
    suite: 'trixie',
    major: '13',
    full: 'rootfs-trixie-full',
    slim: 'rootfs-trixie-slim',
    alias: 'stable',
  },
];

const DEBOOTSTRAP = (suite) =>
  `debootstrap --variant=minbase ${suite} from deb.debian.org, upgraded from ${suite}-updates and ${suite}-security, as debuerreotype builds the official image`;

export const debian = SUITES.flatMap(({ suite, major, full, slim, alias }) => [
  {
    ref: `debian:${suite}`,
    rootfs: full,
    suite,
    line: major,
    fixed: [suite],
    extra: [alias],
    product: 'Debian',
    version: debianVersion,
    origin: DEBOOTSTRAP(suite),
  },
  {
    ref: `debian:${suite}-slim`,
    rootfs: slim,
    suite,
    line: major,
    fixed: [suite],
    extra: [`${alias}-slim`],
    product: 'Debian',
    version: debianVersion,
    origin: `${DEBOOTSTRAP(suite)}, then slimmed as debuerreotype's slimify does (docs except copyright, man, info, groff, lintian, linda and locales removed; dpkg told to keep them out)`,
  },
]);

export const buildpackDeps = SUITES.flatMap(({ suite, major }) => {
  const common = { suite, line: major, fixed: [suite], product: 'Debian', version: debianVersion };
  const origin = (what) =>
    `Debian ${suite}'s ${what} installed with apt-get as buildpack-deps' Dockerfile does (the official image runs the same step)`;
  return [
    {
      ...common,
      ref: `buildpack-deps:${suite}-curl`,
      base: `debian:${suite}`,
      origin: origin('curl, wget, gnupg, sq and CA certificates'),
      steps: [{ kind: 'RUN', cmd: aptInstall(suite, BUILDPACK.curl) }],
    },
    {
      ...common,
      ref: `buildpack-deps:${suite}-scm`,
      base: `buildpack-deps:${suite}-curl`,
      origin: origin('git, mercurial, subversion, openssh-client and procps'),
      steps: [{ kind: 'RUN', cmd: aptInstall(suite, BUILDPACK.scm) }],
    },
    {
      ...common,
      ref: `buildpack-deps:${suite}`,
      base: `buildpack-deps:${suite}-scm`,
      origin: origin('compilers and development headers'),
      steps: [{ kind: 'RUN', cmd: aptInstall(suite, BUILDPACK.full) }],
    },
  ];
});
