// Servers learners run: nginx, httpd, redis and postgres on debian:trixie-slim, with Debian's
// packages where the official images install nginx.org's or PGDG's packages or compile from
// source; metadata (users, ENV, ports, entrypoints, CMD) as the official Dockerfiles have it.
import { aptInstall, debVersion, dpkgVersion, officialFile } from './common.mjs';

const base = 'debian:trixie-slim';
const suite = 'trixie';
const copy = (shown, ...files) => ({ kind: 'COPY', shown, files });
const exe = (dest, path) => ({ dest, content: officialFile(path), mode: 0o755 });

const nginx = {
  ref: 'nginx:1.26',
  base,
  hub: 'stable',
  line: '1.26',
  // Docker Hub's nginx, nginx:latest and nginx:mainline are nginx.org's mainline; the lab has one nginx.
  extra: ['latest', 'mainline', '1', 'trixie', 'mainline-trixie', '1-trixie'],
  product: 'nginx',
  version: debVersion('nginx'),
  steps: [
    { kind: 'LABEL', labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' } },
    {
      kind: 'RUN',
      cmd: `${aptInstall(suite, ['nginx'])} && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log`,
    },
    { kind: 'ENV', env: { NGINX_VERSION: debVersion('nginx') } },
    { kind: 'EXPOSE', value: '80/tcp' },
    { kind: 'STOPSIGNAL', value: 'SIGQUIT' },
    { kind: 'CMD', value: ['nginx', '-g', 'daemon off;'] },
  ],
  origin: (v) =>
    `Debian trixie's nginx ${v} installed with apt-get on debian:trixie-slim (the official image installs nginx.org's newer packages, runs as user nginx, serves /usr/share/nginx/html from conf.d/default.conf and ships /docker-entrypoint.sh and its scripts, which are left out here: Debian's nginx serves /var/www/html from sites-enabled/default); logs linked to /dev/stdout and /dev/stderr as in the official image`,
};

const httpd = {
  ref: 'httpd:2.4',
  base,
  hub: '2.4',
  line: '2.4',
  product: 'Apache httpd',
  version: debVersion('apache2'),
  steps: [
    { kind: 'ENV', env: { HTTPD_PREFIX: '/usr/local/apache2' } },
    { kind: 'ENV', env: { PATH: '$HTTPD_PREFIX/bin:$PATH' } },
    {
      kind: 'RUN',
      cmd: 'mkdir -p "$HTTPD_PREFIX" && chown www-data:www-data "$HTTPD_PREFIX"'.replaceAll(
        '$HTTPD_PREFIX',
        '/usr/local/apache2',
      ),
    },
    { kind: 'WORKDIR', path: '/usr/local/apache2' },
    { kind: 'ENV', env: { HTTPD_VERSION: debVersion('apache2') } },
    {
      kind: 'RUN',
      // Debian's apache2 under the official image's prefix: bin/httpd, conf, htdocs, logs.
      cmd: `${aptInstall(suite, ['apache2'])}; cd /usr/local/apache2; mkdir -p bin; ln -s /usr/sbin/apache2 bin/httpd; ln -s /usr/sbin/apachectl bin/apachectl; ln -s /etc/apache2 conf; ln -s /var/www/html htdocs; ln -s /var/log/apache2 logs; ln -sfT /dev/stderr /var/log/apache2/error.log; ln -sfT /dev/stdout /var/log/apache2/access.log`,
    },
    { kind: 'STOPSIGNAL', value: 'SIGWINCH' },
    copy(
      'httpd-foreground /usr/local/bin/',
      exe('usr/local/bin/httpd-foreground', 'httpd/httpd-foreground'),
    ),
    { kind: 'EXPOSE', value: '80/tcp' },
    { kind: 'CMD', value: ['httpd-foreground'] },
  ],
  origin: (v) =>
    `Debian trixie's apache2 ${v} installed with apt-get on debian:trixie-slim, reached through the official image's /usr/local/apache2 (bin/httpd, conf, htdocs and logs are links to Debian's /usr/sbin/apache2, /etc/apache2, /var/www/html and /var/log/apache2); the official image compiles httpd from source into /usr/local/apache2; httpd-foreground is the official image's script`,
};

const redis = {
  ref: 'redis:8.0',
  base,
  hub: '8.10',
  line: '8.0',
  product: 'Redis',
  version: debVersion('redis-server'),
  steps: [
    { kind: 'RUN', cmd: 'set -eux; groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis' },
    { kind: 'RUN', cmd: aptInstall(suite, ['tzdata']) },
    {
      kind: 'RUN',
      cmd: `${aptInstall(suite, ['redis-server', 'redis-tools', 'gosu'])}; redis-server --version`,
    },
    { kind: 'ENV', env: { REDIS_VERSION: debVersion('redis-server') } },
    { kind: 'RUN', cmd: 'mkdir /data && chown redis:redis /data' },
    { kind: 'VOLUME', value: '/data' },
    { kind: 'WORKDIR', path: '/data' },
    copy(
      'docker-entrypoint.sh /usr/local/bin/',
      exe('usr/local/bin/docker-entrypoint.sh', 'redis/docker-entrypoint.sh'),
    ),
    { kind: 'ENTRYPOINT', value: ['docker-entrypoint.sh'] },
    { kind: 'EXPOSE', value: '6379/tcp' },
    { kind: 'CMD', value: ['redis-server'] },
  ],
  origin: (v) =>
    `Debian trixie's redis-server ${v} and Debian's gosu installed with apt-get on debian:trixie-slim (the official image compiles Redis from source into /usr/local/bin and downloads gosu); user redis (999), /data and docker-entrypoint.sh as in the official image`,
};

const PG = '17';
const postgres = {
  ref: `postgres:${PG}`,
  base,
  hub: `${PG}-trixie`,
  line: PG,
  extra: ['latest', 'trixie'],
  product: 'PostgreSQL',
  version: debVersion(`postgresql-${PG}`),
  steps: [
    {
      kind: 'RUN',
      cmd: 'set -eux; groupadd -r postgres --gid=999; useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres; install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
    },
    { kind: 'RUN', cmd: aptInstall(suite, ['gosu']) },
    {
      kind: 'RUN',
      cmd: `set -eux; sed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; ${aptInstall(suite, ['locales'])}; echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen; locale-gen; locale -a | grep 'en_US.utf8'`,
    },
    { kind: 'RUN', cmd: aptInstall(suite, ['libnss-wrapper', 'xz-utils', 'zstd']) },
    { kind: 'ENV', env: { LANG: 'en_US.utf8' } },
    { kind: 'RUN', cmd: 'mkdir /docker-entrypoint-initdb.d' },
    { kind: 'ENV', env: { PG_MAJOR: PG } },
    { kind: 'ENV', env: { PATH: `$PATH:/usr/lib/postgresql/${PG}/bin` } },
    { kind: 'ENV', env: { PG_VERSION: (root) => dpkgVersion(root, `postgresql-${PG}`) } },
    {
      kind: 'RUN',
      cmd: `set -ex; apt-get update; apt-get install -y --no-install-recommends postgresql-common; sed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf; apt-get install -y --no-install-recommends postgresql-${PG}; rm -rf /var/lib/apt/lists/*; postgres --version || /usr/lib/postgresql/${PG}/bin/postgres --version`,
    },
    {
      kind: 'RUN',
      cmd: `set -eux; dpkg-divert --add --rename --divert "/usr/share/postgresql/postgresql.conf.sample.dpkg" "/usr/share/postgresql/${PG}/postgresql.conf.sample"; cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample; ln -sv ../postgresql.conf.sample "/usr/share/postgresql/${PG}/"; sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = '*'!" /usr/share/postgresql/postgresql.conf.sample; grep -F "listen_addresses = '*'" /usr/share/postgresql/postgresql.conf.sample`,
    },
    {
      kind: 'RUN',
      cmd: 'install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql',
    },
    { kind: 'ENV', env: { PGDATA: '/var/lib/postgresql/data' } },
    {
      kind: 'RUN',
      cmd: 'install --verbose --directory --owner postgres --group postgres --mode 1777 "/var/lib/postgresql/data"',
    },
    { kind: 'VOLUME', value: '/var/lib/postgresql/data' },
    copy(
      'docker-entrypoint.sh docker-ensure-initdb.sh /usr/local/bin/',
      exe('usr/local/bin/docker-entrypoint.sh', 'postgres/docker-entrypoint.sh'),
      exe('usr/local/bin/docker-ensure-initdb.sh', 'postgres/docker-ensure-initdb.sh'),
    ),
    { kind: 'RUN', cmd: 'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh' },
    { kind: 'ENTRYPOINT', value: ['docker-entrypoint.sh'] },
    { kind: 'STOPSIGNAL', value: 'SIGINT' },
    { kind: 'EXPOSE', value: '5432/tcp' },
    { kind: 'CMD', value: ['postgres'] },
  ],
  origin: (v) =>
    `Debian trixie's postgresql-${PG} ${v} installed with apt-get on debian:trixie-slim, as the official image installs PGDG's build of the same packages (same /usr/lib/postgresql/${PG} layout); Debian's gosu instead of the downloaded one; docker-entrypoint.sh and docker-ensure-initdb.sh are the official image's; Docker Hub's postgres:latest is PostgreSQL 18, which Debian trixie does not have`,
};

export const servers = [nginx, httpd, redis, postgres];
