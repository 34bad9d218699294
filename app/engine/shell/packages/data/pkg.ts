import type { CatalogFile, CatalogPackage } from '../catalog.ts';

/**
 * A handful of packages with plausible Debian bookworm / Alpine 3.19 / PyPI / npm names,
 * versions and sizes. Data only: a generated catalog replaces it.
 */
export type F = [path: string, size: number, extra?: Partial<CatalogFile>];

/**
 * A catalog package; sizes add up from the files, the archive is about a third of them.
 *
 * @example
 * pkg('make', '4.3-4.1', [], [bin('/usr/bin/make', 260_000)]);
 */
export function pkg(
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

export const LIB = '/usr/lib/x86_64-linux-gnu';
export const bin = (path: string, size: number): F => [path, size, { mode: 0o755 }];
export const link = (path: string, target: string): F => [path, 0, { type: 'symlink', target }];
export const text = (path: string, content: string): F => [path, content.length, { content }];

/** Shared by the Debian and Alpine nginx packages. */
export const NGINX_CONF = `user www-data;
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
