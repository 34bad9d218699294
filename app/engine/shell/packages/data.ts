import type { CatalogFile, CatalogPackage } from './catalog.ts';

/**
 * A handful of packages with plausible Debian bookworm / Alpine 3.19 / PyPI / npm names,
 * versions and sizes. Data only: a generated catalog replaces it.
 */
type F = [path: string, size: number, extra?: Partial<CatalogFile>];

function pkg(
  name: string,
  version: string,
  depends: string[],
  files: F[],
  recommends: string[] = [],
): CatalogPackage {
  const list: CatalogFile[] = files.map(([path, size, extra]) => ({ path, size, ...extra }));
  const installedSize = list.reduce((n, f) => n + f.size, 0);
  const p: CatalogPackage = {
    name,
    version,
    depends,
    installedSize,
    downloadSize: Math.round(installedSize * 0.36),
    files: list,
  };
  if (recommends.length > 0) p.recommends = recommends;
  return p;
}

const LIB = '/usr/lib/x86_64-linux-gnu';
const bin = (path: string, size: number): F => [path, size, { mode: 0o755 }];
const link = (path: string, target: string): F => [path, 0, { type: 'symlink', target }];
const text = (path: string, content: string): F => [path, content.length, { content }];

const NGINX_CONF = `user www-data;
worker_processes auto;
pid /run/nginx.pid;
events {
\tworker_connections 768;
}
http {
\tinclude /etc/nginx/mime.types;
\taccess_log /var/log/nginx/access.log;
\terror_log /var/log/nginx/error.log;
\tinclude /etc/nginx/conf.d/*.conf;
\tinclude /etc/nginx/sites-enabled/*;
}
`;

export const APT: CatalogPackage[] = [
  pkg(
    'libssl3',
    '3.0.11-1~deb12u2',
    [],
    [
      [`${LIB}/libssl.so.3`, 696_648],
      [`${LIB}/libcrypto.so.3`, 4_709_656],
    ],
  ),
  pkg(
    'openssl',
    '3.0.11-1~deb12u2',
    ['libssl3'],
    [
      bin('/usr/bin/openssl', 1_004_344),
      text('/etc/ssl/openssl.cnf', '# OpenSSL configuration\n[openssl_init]\n'),
    ],
  ),
  pkg(
    'ca-certificates',
    '20230311',
    ['openssl'],
    [
      ['/etc/ssl/certs/ca-certificates.crt', 213_777],
      ['/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt', 1_939],
      ['/usr/share/ca-certificates/mozilla/DigiCert_Global_Root_G2.crt', 1_294],
      bin('/usr/sbin/update-ca-certificates', 6_521),
    ],
  ),
  pkg(
    'libnghttp2-14',
    '1.52.0-1+deb12u1',
    [],
    [
      [`${LIB}/libnghttp2.so.14.24.1`, 174_424],
      link(`${LIB}/libnghttp2.so.14`, 'libnghttp2.so.14.24.1'),
    ],
  ),
  pkg(
    'libcurl4',
    '7.88.1-10+deb12u5',
    ['libssl3', 'libnghttp2-14'],
    [[`${LIB}/libcurl.so.4.8.0`, 723_296], link(`${LIB}/libcurl.so.4`, 'libcurl.so.4.8.0')],
  ),
  pkg(
    'curl',
    '7.88.1-10+deb12u5',
    ['libcurl4'],
    [bin('/usr/bin/curl', 276_312), ['/usr/share/doc/curl/copyright', 5_370]],
    ['ca-certificates'],
  ),
  pkg(
    'wget',
    '1.21.3-1+b2',
    ['libssl3'],
    [bin('/usr/bin/wget', 1_002_352), text('/etc/wgetrc', '# wgetrc\n')],
    ['ca-certificates'],
  ),
  pkg('git-man', '1:2.39.2-1.1', [], [['/usr/share/man/man1/git.1.gz', 2_066_000]]),
  pkg(
    'perl-modules-5.36',
    '5.36.0-7+deb12u1',
    [],
    [['/usr/share/perl/5.36/modules.bundle', 17_400_000]],
  ),
  pkg(
    'perl',
    '5.36.0-7+deb12u1',
    ['perl-modules-5.36'],
    [
      bin('/usr/bin/perl5.36-x86_64-linux-gnu', 14_000),
      [`${LIB}/perl/5.36/core.bundle`, 1_700_000],
    ],
  ),
  pkg(
    'git',
    '1:2.39.2-1.1',
    ['git-man', 'perl', 'libcurl4'],
    [
      bin('/usr/bin/git', 4_073_304),
      ['/usr/lib/git-core/git-core.bundle', 31_000_000],
      ['/usr/share/git-core/templates/description', 73],
    ],
    ['less', 'openssh-client'],
  ),
  pkg('less', '590-2.1~deb12u2', [], [bin('/usr/bin/less', 180_000)]),
  pkg(
    'openssh-client',
    '1:9.2p1-2+deb12u2',
    ['libssl3'],
    [
      bin('/usr/bin/ssh', 1_000_000),
      ['/usr/bin/ssh-keygen', 500_000, { mode: 0o755 }],
      text('/etc/ssh/ssh_config', 'Host *\n'),
    ],
  ),
  pkg(
    'libpython3.11-stdlib',
    '3.11.2-6+deb12u1',
    [],
    [
      ['/usr/lib/python3.11/stdlib.bundle', 7_900_000],
      ['/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so', 208_000],
    ],
  ),
  pkg(
    'python3.11-minimal',
    '3.11.2-6+deb12u1',
    [],
    [bin('/usr/bin/python3.11', 6_830_000), ['/usr/lib/python3.11/encodings/__init__.py', 5_620]],
  ),
  pkg(
    'python3.11',
    '3.11.2-6+deb12u1',
    ['python3.11-minimal', 'libpython3.11-stdlib'],
    [['/usr/lib/python3.11/pydoc_data/topics.py', 755_000]],
  ),
  pkg(
    'python3',
    '3.11.2-1+b1',
    ['python3.11'],
    [
      link('/usr/bin/python3', 'python3.11'),
      text(
        '/usr/lib/python3.11/EXTERNALLY-MANAGED',
        '[externally-managed]\nError=To install Python packages system-wide, try apt install\n python3-xyz, where xyz is the package you are trying to\n install.\n',
      ),
    ],
  ),
  pkg(
    'python3-setuptools',
    '66.1.1-1',
    ['python3'],
    [['/usr/lib/python3/dist-packages/setuptools.bundle', 2_900_000]],
  ),
  pkg(
    'python3-wheel',
    '0.38.4-2',
    ['python3'],
    [['/usr/lib/python3/dist-packages/wheel.bundle', 150_000]],
  ),
  pkg(
    'python3-pip',
    '23.0.1+dfsg-1',
    ['python3', 'python3-setuptools', 'python3-wheel'],
    [
      bin('/usr/bin/pip', 221),
      bin('/usr/bin/pip3', 221),
      ['/usr/lib/python3/dist-packages/pip.bundle', 8_900_000],
    ],
    ['build-essential', 'python3-dev'],
  ),
  pkg(
    'python3-dev',
    '3.11.2-1+b1',
    ['python3', 'libc6-dev'],
    [
      ['/usr/include/python3.11/Python.h', 3_230],
      ['/usr/lib/python3.11/config-3.11/libpython3.11.a', 16_000_000],
    ],
  ),
  pkg('make', '4.3-4.1', [], [bin('/usr/bin/make', 260_000)]),
  pkg(
    'libc6-dev',
    '2.36-9+deb12u4',
    [],
    [
      ['/usr/include/stdio.h', 31_000],
      [`${LIB}/libc.a`, 12_300_000],
    ],
  ),
  pkg(
    'cpp-12',
    '12.2.0-14',
    [],
    [
      bin('/usr/bin/cpp-12', 1_000_000),
      ['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 34_000_000, { mode: 0o755 }],
    ],
  ),
  pkg(
    'gcc-12',
    '12.2.0-14',
    ['cpp-12'],
    [
      bin('/usr/bin/gcc-12', 1_000_000),
      ['/usr/libexec/gcc/x86_64-linux-gnu/12/lto1', 32_000_000, { mode: 0o755 }],
    ],
  ),
  pkg('gcc', '4:12.2.0-3', ['gcc-12'], [link('/usr/bin/gcc', 'gcc-12')]),
  pkg(
    'g++-12',
    '12.2.0-14',
    ['gcc-12'],
    [
      bin('/usr/bin/g++-12', 1_000_000),
      ['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1plus', 37_000_000, { mode: 0o755 }],
    ],
  ),
  pkg('g++', '4:12.2.0-3', ['g++-12', 'gcc'], [link('/usr/bin/g++', 'g++-12')]),
  pkg(
    'dpkg-dev',
    '1.21.22',
    ['make'],
    [bin('/usr/bin/dpkg-buildpackage', 30_000), ['/usr/share/perl5/Dpkg.bundle', 2_800_000]],
  ),
  pkg(
    'build-essential',
    '12.9',
    ['gcc', 'g++', 'make', 'libc6-dev', 'dpkg-dev'],
    [['/usr/share/doc/build-essential/list', 2_500]],
  ),
  pkg(
    'nginx-common',
    '1.22.1-9',
    [],
    [
      text('/etc/nginx/nginx.conf', NGINX_CONF),
      text('/etc/nginx/mime.types', 'types {\n    text/html html;\n}\n'),
      text(
        '/etc/nginx/sites-available/default',
        'server {\n\tlisten 80 default_server;\n\troot /var/www/html;\n}\n',
      ),
      link('/etc/nginx/sites-enabled/default', '/etc/nginx/sites-available/default'),
      ['/etc/nginx/conf.d', 0, { type: 'dir' }],
      ['/var/log/nginx', 0, { type: 'dir' }],
      text(
        '/var/www/html/index.nginx-debian.html',
        '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n',
      ),
    ],
  ),
  pkg('nginx', '1.22.1-9', ['nginx-common', 'libssl3'], [bin('/usr/sbin/nginx', 1_301_000)]),
  pkg('libnode108', '18.19.0+dfsg-6~deb12u1', ['libssl3'], [[`${LIB}/libnode.so.108`, 71_000_000]]),
  pkg(
    'nodejs',
    '18.19.0+dfsg-6~deb12u1',
    ['libnode108'],
    [bin('/usr/bin/node', 18_000), link('/usr/bin/nodejs', 'node')],
  ),
  pkg(
    'npm',
    '9.2.0~ds1-1',
    ['nodejs'],
    [
      bin('/usr/bin/npm', 200),
      bin('/usr/bin/npx', 200),
      ['/usr/share/nodejs/npm.bundle', 9_800_000],
    ],
  ),
  pkg('unzip', '6.0-28', [], [bin('/usr/bin/unzip', 174_000)]),
  pkg(
    'procps',
    '2:4.0.2-3',
    [],
    [bin('/usr/bin/ps', 140_000), bin('/usr/bin/top', 130_000), bin('/usr/bin/free', 30_000)],
  ),
  pkg(
    'vim',
    '2:9.0.1378-2',
    [],
    [bin('/usr/bin/vim.basic', 3_900_000), ['/usr/share/vim/vim90.bundle', 33_000_000]],
  ),
];

export const APT_LISTS: CatalogFile[] = [
  ['deb.debian.org_debian_dists_bookworm_InRelease', 151_020],
  ['deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', 18_578_190],
  ['deb.debian.org_debian_dists_bookworm-updates_InRelease', 55_390],
  ['deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4', 27_330],
  ['deb.debian.org_debian-security_dists_bookworm-security_InRelease', 48_020],
  [
    'deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4',
    380_150,
  ],
  ['lock', 0],
].map(([name, size]) => ({ path: `/var/lib/apt/lists/${name}`, size: size as number }));

export const APT_UPDATE_LINES = [
  'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
  'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
  'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
  'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8787 kB]',
  'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.8 kB]',
  'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [169 kB]',
  'Fetched 9224 kB in 1s (7012 kB/s)',
];

export const APK: CatalogPackage[] = [
  pkg('ca-certificates', '20240226-r0', [], [['/etc/ssl/certs/ca-certificates.crt', 213_000]]),
  pkg('brotli-libs', '1.1.0-r1', [], [['/usr/lib/libbrotlicommon.so.1.1.0', 140_000]]),
  pkg('nghttp2-libs', '1.58.0-r0', [], [['/usr/lib/libnghttp2.so.14.25.1', 150_000]]),
  pkg(
    'libcurl',
    '8.5.0-r0',
    ['brotli-libs', 'nghttp2-libs'],
    [['/usr/lib/libcurl.so.4.8.0', 640_000]],
  ),
  pkg('curl', '8.5.0-r0', ['ca-certificates', 'libcurl'], [bin('/usr/bin/curl', 260_000)]),
  pkg('bash', '5.2.21-r0', [], [bin('/bin/bash', 1_200_000)]),
  pkg(
    'git',
    '2.43.0-r0',
    ['libcurl'],
    [bin('/usr/bin/git', 3_000_000), ['/usr/libexec/git-core/git-core.bundle', 11_000_000]],
  ),
  pkg(
    'python3',
    '3.11.6-r1',
    [],
    [
      bin('/usr/bin/python3.11', 14_000),
      link('/usr/bin/python3', 'python3.11'),
      ['/usr/lib/python3.11/stdlib.bundle', 44_000_000],
    ],
  ),
  pkg(
    'py3-pip',
    '23.3.1-r0',
    ['python3'],
    [
      bin('/usr/bin/pip', 200),
      bin('/usr/bin/pip3', 200),
      ['/usr/lib/python3.11/site-packages/pip.bundle', 9_000_000],
    ],
  ),
  pkg('nodejs', '20.10.0-r1', [], [bin('/usr/bin/node', 44_000_000)]),
  pkg(
    'npm',
    '10.2.5-r0',
    ['nodejs'],
    [bin('/usr/bin/npm', 200), ['/usr/lib/node_modules/npm.bundle', 9_000_000]],
  ),
  pkg(
    'nginx',
    '1.24.0-r15',
    [],
    [
      bin('/usr/sbin/nginx', 1_200_000),
      text('/etc/nginx/nginx.conf', NGINX_CONF),
      ['/var/lib/nginx/html', 0, { type: 'dir' }],
    ],
  ),
];

export const APK_INDEX: CatalogFile[] = [
  { path: '/var/cache/apk/APKINDEX.6b2f3c2a.tar.gz', size: 2_340_000 },
  { path: '/var/cache/apk/APKINDEX.ee5cfa14.tar.gz', size: 1_560_000 },
];

const site = (name: string, size: number): F => [`${name}/__init__.py`, size];

export const PIP: CatalogPackage[] = [
  pkg('MarkupSafe', '2.1.3', [], [site('markupsafe', 52_000)]),
  pkg('Jinja2', '3.1.2', ['MarkupSafe'], [site('jinja2', 920_000)]),
  pkg('Werkzeug', '3.0.1', ['MarkupSafe'], [site('werkzeug', 1_100_000)]),
  pkg('itsdangerous', '2.1.2', [], [site('itsdangerous', 58_000)]),
  pkg('click', '8.1.7', [], [site('click', 420_000)]),
  pkg('blinker', '1.7.0', [], [site('blinker', 31_000)]),
  pkg(
    'flask',
    '3.0.0',
    ['Werkzeug', 'Jinja2', 'itsdangerous', 'click', 'blinker'],
    [site('flask', 290_000), bin('bin/flask', 220)],
  ),
  pkg('idna', '3.6', [], [site('idna', 560_000)]),
  pkg('urllib3', '2.1.0', [], [site('urllib3', 480_000)]),
  pkg('certifi', '2023.11.17', [], [site('certifi', 300_000)]),
  pkg('charset-normalizer', '3.3.2', [], [site('charset_normalizer', 400_000)]),
  pkg(
    'requests',
    '2.31.0',
    ['charset-normalizer', 'idna', 'urllib3', 'certifi'],
    [site('requests', 230_000)],
  ),
  pkg('numpy', '1.26.2', [], [site('numpy', 58_000_000), site('numpy.libs', 34_000_000)]),
  pkg('packaging', '23.2', [], [site('packaging', 190_000)]),
  pkg('gunicorn', '21.2.0', ['packaging'], [site('gunicorn', 560_000), bin('bin/gunicorn', 220)]),
];

export const NPM: CatalogPackage[] = [
  pkg(
    'express',
    '4.18.2',
    ['body-parser', 'cookie', 'debug', 'send', 'qs'],
    [
      ['package.json', 2_400],
      ['lib/express.js', 2_400],
      ['index.js', 224],
    ],
  ),
  pkg(
    'body-parser',
    '1.20.1',
    ['debug', 'qs'],
    [
      ['package.json', 1_400],
      ['index.js', 2_600],
    ],
  ),
  pkg(
    'cookie',
    '0.5.0',
    [],
    [
      ['package.json', 800],
      ['index.js', 7_400],
    ],
  ),
  pkg(
    'debug',
    '2.6.9',
    ['ms'],
    [
      ['package.json', 1_100],
      ['src/index.js', 3_400],
    ],
  ),
  pkg(
    'ms',
    '2.0.0',
    [],
    [
      ['package.json', 700],
      ['index.js', 3_000],
    ],
  ),
  pkg(
    'send',
    '0.18.0',
    ['debug', 'ms'],
    [
      ['package.json', 1_500],
      ['index.js', 23_000],
    ],
  ),
  pkg(
    'qs',
    '6.11.0',
    [],
    [
      ['package.json', 2_200],
      ['lib/index.js', 200],
      ['dist/qs.js', 48_000],
    ],
  ),
  pkg(
    'lodash',
    '4.17.21',
    [],
    [
      ['package.json', 600],
      ['lodash.js', 544_000],
      ['lodash.min.js', 73_000],
      ['fp.js', 1_400_000],
    ],
  ),
  pkg(
    'react',
    '18.2.0',
    ['loose-envify'],
    [
      ['package.json', 1_000],
      ['cjs/react.development.js', 87_000],
    ],
  ),
  pkg(
    'loose-envify',
    '1.4.0',
    ['js-tokens'],
    [
      ['package.json', 700],
      ['index.js', 400],
    ],
  ),
  pkg(
    'js-tokens',
    '4.0.0',
    [],
    [
      ['package.json', 700],
      ['index.js', 1_400],
    ],
  ),
  pkg(
    'typescript',
    '5.3.3',
    [],
    [
      ['package.json', 3_000],
      ['lib/typescript.js', 8_700_000],
      ['lib/tsc.js', 5_900_000],
      bin('bin/tsc', 45),
    ],
  ),
  pkg(
    'nodemon',
    '3.0.2',
    ['debug'],
    [['package.json', 2_000], ['lib/nodemon.js', 4_000], bin('bin/nodemon.js', 400)],
  ),
];
