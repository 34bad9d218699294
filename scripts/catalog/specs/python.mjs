// python:X.Y and python:X.Y-slim, laid out as github.com/docker-library/python's Dockerfiles
// (X.Y/SUITE and X.Y/slim-SUITE) but with Debian's Python instead of one compiled from source.
import { aptInstall, debVersion } from './common.mjs';

const SID = `Types: deb
URIs: http://deb.debian.org/debian
Suites: sid
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
Check-Valid-Until: no
`;

/** The official image's `python`, `pip`, `pydoc`... symlinks in /usr/local/bin (to Debian's). */
const SYMLINKS =
  'set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst="$(echo "$src" | tr -d 3)"; [ -e "/usr/bin/$src" ] || continue; [ ! -e "/usr/local/bin/$dst" ]; ln -svT "/usr/bin/$src" "/usr/local/bin/$dst"; done';

function python({ minor, suite, slim, sid }) {
  const ref = `python:${minor}${slim ? '-slim' : ''}`;
  const packages = ['python3', 'python3-pip', 'python3-venv'];
  // pip refuses to install into Debian's Python unless told otherwise (PEP 668); the official
  // image's Python has no such marker, so it goes, as do the .pyc files the official build deletes.
  const unmark = `rm -f /usr/lib/python${minor}/EXTERNALLY-MANAGED`;
  const install = sid
    ? `set -eux; printf '%s' '${SID}' > /etc/apt/sources.list.d/sid.sources; apt-get update; apt-get install -y --no-install-recommends -t sid ${packages.join(' ')}; rm /etc/apt/sources.list.d/sid.sources; ${unmark}; apt-get dist-clean; python3 --version; pip3 --version`
    : `${aptInstall(suite, packages)}; ${unmark}; python3 --version; pip3 --version`;
  const steps = [
    { kind: 'ENV', env: { PATH: '/usr/local/bin:$PATH' } },
    ...(minor === '3.11' ? [{ kind: 'ENV', env: { LANG: 'C.UTF-8' } }] : []),
    // Runtime dependencies, as the official Dockerfile installs them.
    ...(slim
      ? [{ kind: 'RUN', cmd: aptInstall(suite, ['ca-certificates', 'netbase', 'tzdata']) }]
      : []),
    { kind: 'ENV', env: { PYTHON_VERSION: debVersion(`python${minor}`) } },
    { kind: 'RUN', cmd: install },
    { kind: 'RUN', cmd: SYMLINKS },
    { kind: 'CMD', value: ['python3'] },
  ];
  const variant = `${slim ? 'slim-' : ''}${suite}`;
  return {
    ref,
    base: slim ? `debian:${suite}-slim` : `buildpack-deps:${suite}`,
    hub: `${minor}-${variant}`,
    line: minor,
    // Docker Hub's 3.11 (and 3.11-slim) moved to trixie; the lab's is bookworm's Python 3.11.
    extra: minor === '3.11' ? [`${minor}${slim ? '-slim' : ''}`] : undefined,
    product: 'Python',
    version: debVersion(`python${minor}`),
    steps,
    origin: (v) =>
      `Debian ${sid ? 'sid' : suite}'s Python ${v} (python3, python3-pip, python3-venv) installed with apt-get on ${slim ? `debian:${suite}-slim` : `buildpack-deps:${suite}`}${sid ? ` (sid's packages bring newer libc6 and libraries from sid: Debian ${suite} has no Python ${minor})` : ''}; the official image compiles CPython from python.org's source into /usr/local instead, so here python3 lives in /usr/bin with the official image's symlinks in /usr/local/bin and pip installs into /usr/local/lib/python${minor}/dist-packages; pip's EXTERNALLY-MANAGED marker removed so pip installs work as in the official image${minor === '3.11' ? "; Docker Hub's python:3.11 tags moved to trixie, which has no Python 3.11, so this one is bookworm's" : ''}`,
  };
}

export const pythons = [
  { minor: '3.14', suite: 'trixie', sid: true },
  { minor: '3.13', suite: 'trixie' },
  { minor: '3.11', suite: 'bookworm' },
].flatMap((p) => [python({ ...p, slim: false }), python({ ...p, slim: true })]);
