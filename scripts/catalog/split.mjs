// Splits the package lists in W/out (apt-SUITE.json, npm.json, pip.json) into what a page fetches
// lazily: KIND[/SUITE]/index.json (names, versions, dependencies, sizes: what resolving needs) and
// KIND[/SUITE]/files/SLUG.json per package (its file list, the text of its small /etc files, its
// .pyc sizes), so a build loads the file lists of the packages it installs and nothing else.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = process.env.OUT ?? 'public/catalog/v2';
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);

/** A file name for a package name (see packageSlug in app/engine/catalog/format.ts). */
export const packageSlug = (name) =>
  name.toLowerCase().replace(/[^a-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);

const FILE_FIELDS = ['files', 'contents', 'pyc'];

function split(src, dir) {
  if (!existsSync(src)) return log(`split: ${src} is missing, skipped`);
  const list = JSON.parse(readFileSync(src, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'files'), { recursive: true });
  const packages = list.packages.map((p) => {
    const entry = {};
    const files = {};
    for (const [k, v] of Object.entries(p)) (FILE_FIELDS.includes(k) ? files : entry)[k] = v;
    writeFileSync(join(dir, 'files', `${packageSlug(p.name)}.json`), JSON.stringify(files));
    return entry;
  });
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ ...list, packages }));
  log(`split: ${packages.length} packages into ${dir}`);
}

for (const suite of ['bookworm', 'trixie'])
  split(join(W, 'out', `apt-${suite}.json`), join(OUT, 'apt', suite));
split(join(W, 'out', 'npm.json'), join(OUT, 'npm'));
split(join(W, 'out', 'pip.json'), join(OUT, 'pip'));
