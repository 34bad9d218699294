import type { CatalogPackage } from '../catalog.ts';
import type { F } from './pkg.ts';
import { bin, pkg } from './pkg.ts';

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
