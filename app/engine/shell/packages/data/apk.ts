import type { CatalogFile, CatalogPackage } from '../catalog.ts';
import { bin, link, NGINX_CONF, pkg, text } from './pkg.ts';

/** Alpine 3.19 (x86_64). */
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
