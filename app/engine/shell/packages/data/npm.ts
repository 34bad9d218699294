import type { CatalogPackage } from '../catalog.ts';
import { bin, pkg } from './pkg.ts';

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
