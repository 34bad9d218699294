/**
 * The catalog's transfer sizes (gzip, as a static server sends them). The first page fetches no
 * catalog file; the first build fetches the index and its base image; the package lists load
 * only when a RUN line installs packages. Target: what a first build needs under 300 KB gzip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CATALOG_DIR } from '../../app/node/images.ts';
import { record } from './harness.ts';

const dir = join(CATALOG_DIR, 'v1');
const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
  images: { ref: string; file: string }[];
};
const slim = index.images.find((i) => i.ref === 'debian:bookworm-slim');
if (!slim) {
  console.log('SKIP  catalog sizes: no debian:bookworm-slim in the catalog');
} else {
  for (const i of index.images) console.log(`      ${i.ref}: ${gz(i.file).toFixed(1)} KB gzip`);
  for (const f of ['apt.json', 'npm.json', 'pip.json'])
    console.log(
      `      ${f} (loaded when a RUN line installs packages): ${gz(f).toFixed(1)} KB gzip`,
    );
  record(
    'catalog for a first build on debian:bookworm-slim (index + image, gzip)',
    gz('index.json') + gz(slim.file),
    'KB',
    300,
  );
}
