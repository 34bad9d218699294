import type { CatalogFile, CatalogPackage } from '../catalog.ts';
import { bin, LIB, link, NGINX_CONF, pkg, text } from './pkg.ts';

/** Debian bookworm (amd64): names, versions, dependencies, sizes. */
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
