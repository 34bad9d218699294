import type { CatalogPackage } from './catalog.ts';

/**
 * A stand-in for a PyPI or npm package the catalog does not list, so a learner's own
 * requirements.txt or package.json still installs. Sizes are derived from the name (stable).
 *
 * @example
 * synthesize('left-pad', 'npm').files[0]?.path; // 'package.json'
 */
export function synthesize(name: string, kind: 'pip' | 'npm', version = '1.0.0'): CatalogPackage {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const size = 20_000 + ((h >>> 0) % 400_000);
  const files =
    kind === 'pip'
      ? [{ path: `${name.toLowerCase().replace(/-/g, '_')}/__init__.py`, size }]
      : [
          {
            path: 'package.json',
            size: 600,
            content: `{\n  "name": "${name}",\n  "version": "${version}"\n}\n`,
          },
          { path: 'index.js', size },
        ];
  return {
    name,
    version,
    depends: [],
    installedSize: size,
    downloadSize: Math.round(size * 0.4),
    files,
  };
}
