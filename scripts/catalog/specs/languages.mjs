// Language images: golang, eclipse-temurin, ruby and php, with Debian trixie's toolchains (and
// golang from trixie-backports) where the official images download or compile their own;
// metadata as the official Dockerfiles have it.
import { aptInstall, debVersion, dpkgVersion, officialFile } from './common.mjs';

const suite = 'trixie';
const exe = (dest, path) => ({ dest, content: officialFile(path), mode: 0o755 });

const GO = '1.27';
const BACKPORTS = `Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
Check-Valid-Until: no
`;
const golang = {
  ref: `golang:${GO}`,
  base: `buildpack-deps:${suite}-scm`,
  hub: `${GO}-trixie`,
  line: GO,
  product: 'Go',
  version: debVersion(`golang-${GO}-go`),
  steps: [
    {
      kind: 'RUN',
      // Debian's Go tree under the official image's GOROOT, /usr/local/go.
      cmd: `set -eux; printf '%s' '${BACKPORTS}' > /etc/apt/sources.list.d/backports.sources; apt-get update; apt-get install -y --no-install-recommends -t trixie-backports golang-${GO}-go golang-${GO}-src; rm /etc/apt/sources.list.d/backports.sources; apt-get dist-clean; ln -s /usr/lib/go-${GO} /usr/local/go; /usr/local/go/bin/go version`,
    },
    { kind: 'ENV', env: { GOLANG_VERSION: debVersion(`golang-${GO}-go`) } },
    { kind: 'ENV', env: { GOTOOLCHAIN: 'local' } },
    { kind: 'ENV', env: { GOPATH: '/go' } },
    { kind: 'ENV', env: { PATH: '$GOPATH/bin:/usr/local/go/bin:$PATH'.replace('$GOPATH', '/go') } },
    { kind: 'RUN', cmd: 'mkdir -p "/go/src" "/go/bin" && chmod -R 1777 "/go"' },
    { kind: 'WORKDIR', path: '/go' },
  ],
  origin: (v) =>
    `Debian trixie-backports' Go ${v} (golang-${GO}-go and golang-${GO}-src) installed with apt-get on buildpack-deps:trixie-scm, with /usr/local/go linked to Debian's /usr/lib/go-${GO}; the official image copies go.dev's release tree to /usr/local/go in one layer instead`,
};

/** `21.0.9+10-1~deb13u1` -> `21.0.9+10`: the version with its build number, as Temurin's JAVA_VERSION has it. */
const withBuild = (pkg) => (root) => dpkgVersion(root, pkg).replace(/-[^-]*$/, '');

// adoptium/containers 21/{jdk,jre}/ubuntu/resolute/Dockerfile, step by step; only the JDK's tar
// from GitHub (not reachable here) becomes Debian's package, linked where the tar is unpacked.
function temurin(kind) {
  const jdk = kind === 'jdk';
  const pkg = jdk ? 'openjdk-21-jdk-headless' : 'openjdk-21-jre-headless';
  const tools = ['curl', 'wget', 'gnupg', 'fontconfig', 'ca-certificates', 'p11-kit'];
  if (jdk) tools.push('binutils');
  tools.push('tzdata', 'locales');
  const verify = jdk
    ? `set -eux; echo "Verifying install ..."; fileEncoding="$(echo 'System.out.println(System.getProperty("file.encoding"))' | jshell -s -)"; [ "$fileEncoding" = 'UTF-8' ]; rm -rf ~/.java; echo "javac --version"; javac --version; echo "java --version"; java --version; echo "Complete."`
    : `set -eux; echo "Verifying install ..."; echo "java --version"; java --version; echo "Complete."`;
  return {
    ref: `eclipse-temurin:21-${kind}`,
    base: 'debian:trixie-slim',
    hub: `21-${kind}-resolute`,
    dropTags: /resolute|noble|jammy/,
    dropFullVersion: true,
    line: '21',
    // Docker Hub's latest is Java 25's JDK, which Debian does not package: the lab's latest is 21's.
    extra: jdk ? ['latest'] : [],
    product: 'Java',
    version: debVersion(pkg),
    steps: [
      { kind: 'ENV', env: { JAVA_HOME: '/opt/java/openjdk' } },
      { kind: 'ENV', env: { PATH: '/opt/java/openjdk/bin:$PATH' } },
      { kind: 'ENV', env: { LANG: 'en_US.UTF-8', LANGUAGE: 'en_US:en', LC_ALL: 'en_US.UTF-8' } },
      {
        kind: 'RUN',
        // debian:trixie-slim drops /usr/share/locale (ubuntu's image keeps it): locale-gen needs it.
        cmd: `set -eux; sed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker; apt-get update; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${tools.join(' ')}; echo "en_US.UTF-8 UTF-8" >> /etc/locale.gen; locale-gen en_US.UTF-8; rm -rf /var/lib/apt/lists/*`,
      },
      { kind: 'ENV', env: { JAVA_VERSION: (root) => `jdk-${withBuild(pkg)(root)}` } },
      {
        kind: 'RUN',
        // The slim image keeps no man pages, and openjdk's postinst links one with
        // update-alternatives: the directory must be there (as the old official openjdk images did).
        // Then the official step's tail: the JDK's library folders for ld.so, and the CDS archive
        // (the chroot has no image ENV, so JAVA_HOME is spelled out).
        cmd: `set -eux; mkdir -p /usr/share/man/man1; apt-get update; apt-get install -y --no-install-recommends ${pkg}; rm -rf /var/lib/apt/lists/*; mkdir -p /opt/java; ln -s /usr/lib/jvm/java-21-openjdk-amd64 /opt/java/openjdk; find /opt/java/openjdk/lib/ -name '*.so' -exec dirname '{}' ';' | sort -u > /etc/ld.so.conf.d/docker-openjdk.conf; ldconfig; java -Xshare:dump`,
      },
      { kind: 'RUN', cmd: verify },
      {
        kind: 'COPY',
        shown: '--chmod=755 entrypoint.sh /__cacert_entrypoint.sh',
        files: [exe('__cacert_entrypoint.sh', 'eclipse-temurin/entrypoint.sh')],
      },
      { kind: 'ENTRYPOINT', value: ['/__cacert_entrypoint.sh'] },
      ...(jdk ? [{ kind: 'CMD', value: ['jshell'] }] : []),
    ],
    origin: (v) =>
      `Debian trixie's OpenJDK ${v} (${pkg}) installed with apt-get on debian:trixie-slim, with /opt/java/openjdk linked to Debian's /usr/lib/jvm/java-21-openjdk-amd64; the official image is Eclipse Temurin's build (its tar unpacked into /opt/java/openjdk) on ubuntu:26.04, and no Ubuntu mirror is reachable here, so \`java -version\` prints Debian's build names where the official one prints Temurin's; ENV, packages, steps, entrypoint and CMD as the official Dockerfile has them; Docker Hub's eclipse-temurin:latest is Java 25`,
  };
}

function ruby(slim) {
  return {
    ref: `ruby:3.3${slim ? '-slim' : ''}`,
    base: slim ? 'debian:trixie-slim' : 'buildpack-deps:trixie',
    hub: `3.3${slim ? '-slim' : ''}-trixie`,
    line: '3.3',
    extra: slim ? ['slim', 'slim-trixie'] : ['latest', 'trixie'],
    product: 'Ruby',
    version: debVersion('ruby3.3'),
    steps: [
      {
        kind: 'RUN',
        cmd: `set -eux; mkdir -p /usr/local/etc; { echo 'install: --no-document'; echo 'update: --no-document'; } >> /usr/local/etc/gemrc`,
      },
      { kind: 'ENV', env: { LANG: 'C.UTF-8' } },
      { kind: 'ENV', env: { RUBY_VERSION: debVersion('ruby3.3') } },
      {
        kind: 'RUN',
        cmd: `${aptInstall(suite, ['ruby3.3', 'ruby-bundler', 'ruby-dev'])}; ruby --version; gem --version; bundle --version`,
      },
      { kind: 'ENV', env: { GEM_HOME: '/usr/local/bundle' } },
      {
        kind: 'ENV',
        env: { BUNDLE_SILENCE_ROOT_WARNING: '1', BUNDLE_APP_CONFIG: '/usr/local/bundle' },
      },
      { kind: 'ENV', env: { PATH: '/usr/local/bundle/bin:$PATH' } },
      { kind: 'RUN', cmd: 'set -eux; mkdir "/usr/local/bundle"; chmod 1777 "/usr/local/bundle"' },
      { kind: 'CMD', value: ['irb'] },
    ],
    origin: (v) =>
      `Debian trixie's Ruby ${v} (ruby3.3, ruby-bundler, ruby-dev) installed with apt-get on ${slim ? 'debian:trixie-slim' : 'buildpack-deps:trixie'} (the official image compiles Ruby into /usr/local); GEM_HOME, gemrc and CMD as the official Dockerfile has them; Docker Hub's ruby:latest is Ruby 4.0, which Debian does not package`,
  };
}

function php(variant) {
  const apache = variant === 'apache';
  const pkgs = apache ? ['php8.4', 'libapache2-mod-php8.4', 'apache2'] : ['php8.4-cli'];
  const steps = [
    { kind: 'ENV', env: { PHP_INI_DIR: '/usr/local/etc/php' } },
    {
      kind: 'RUN',
      cmd: 'set -eux; mkdir -p "/usr/local/etc/php/conf.d"; [ ! -d /var/www/html ]; mkdir -p /var/www/html; chown www-data:www-data /var/www/html; chmod 1777 /var/www/html',
    },
    ...(apache
      ? [
          { kind: 'ENV', env: { APACHE_CONFDIR: '/etc/apache2' } },
          { kind: 'ENV', env: { APACHE_ENVVARS: '/etc/apache2/envvars' } },
        ]
      : []),
    { kind: 'ENV', env: { PHP_VERSION: debVersion('php8.4-cli') } },
    {
      kind: 'RUN',
      cmd: `${aptInstall(suite, pkgs)}${apache ? '; rm -f /var/www/html/index.html; ln -sfT /dev/stderr /var/log/apache2/error.log; ln -sfT /dev/stdout /var/log/apache2/access.log; ln -sfT /dev/stdout /var/log/apache2/other_vhosts_access.log' : ''}; php --version`,
    },
    {
      kind: 'COPY',
      shown: 'docker-php-entrypoint /usr/local/bin/',
      files: [exe('usr/local/bin/docker-php-entrypoint', 'php/docker-php-entrypoint')],
    },
    { kind: 'ENTRYPOINT', value: ['docker-php-entrypoint'] },
    ...(apache
      ? [
          { kind: 'STOPSIGNAL', value: 'SIGWINCH' },
          {
            kind: 'COPY',
            shown: 'apache2-foreground /usr/local/bin/',
            files: [exe('usr/local/bin/apache2-foreground', 'php/apache2-foreground')],
          },
          { kind: 'WORKDIR', path: '/var/www/html' },
          { kind: 'EXPOSE', value: '80/tcp' },
          { kind: 'CMD', value: ['apache2-foreground'] },
        ]
      : [{ kind: 'CMD', value: ['php', '-a'] }]),
  ];
  return {
    ref: `php:8.4-${variant}`,
    base: 'debian:trixie-slim',
    hub: `8.4-${variant}-trixie`,
    line: '8.4',
    extra: apache ? ['apache', '8-apache'] : ['latest', 'cli', '8', '8-cli'],
    product: 'PHP',
    version: debVersion('php8.4-cli'),
    steps,
    origin: (v) =>
      `Debian trixie's PHP ${v} (${pkgs.join(', ')}) installed with apt-get on debian:trixie-slim (the official image compiles PHP into /usr/local with its php.ini in /usr/local/etc/php); docker-php-entrypoint${apache ? ' and apache2-foreground are' : ' is'} the official image's; Docker Hub's php:latest is PHP 8.5, which Debian does not package`,
  };
}

export const languages = [
  golang,
  temurin('jdk'),
  temurin('jre'),
  ruby(false),
  ruby(true),
  php('cli'),
  php('apache'),
];
