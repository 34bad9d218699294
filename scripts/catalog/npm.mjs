// Writes W/out/npm.json (split into OUT/npm/ by split.mjs): popular npm packages and their dependency trees, from
// `npm view` (versions, dependencies, sizes) and `npm pack --dry-run --json` (the real file lists).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryLine, byTarOrder } from './tree.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = join(W, 'out');
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);

export const NPM_TOP =
  `express react react-dom lodash axios chalk commander debug dotenv moment uuid
yargs minimist body-parser cors jsonwebtoken bcryptjs mongoose dayjs date-fns ws socket.io glob rimraf
semver fs-extra inquirer ora nodemon typescript prettier eslint jest mocha cookie-parser morgan
helmet multer zod pino`.split(/\s+/);
const MAX_PACKAGES = Number(process.env.NPM_MAX ?? 1000);

const cacheDir = join(W, 'npm');
mkdirSync(cacheDir, { recursive: true });
const npm = (args, key) => {
  const f = join(cacheDir, `${key.replace(/[/@]/g, '_')}.json`);
  if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8'));
  const out = execFileSync('npm', args, {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'ignore'],
    cwd: cacheDir,
  });
  const v = JSON.parse(out);
  writeFileSync(f, JSON.stringify(v));
  return v;
};

/** The version `npm install` would pick for a range: the highest published one that satisfies it. */
function resolve(name, range) {
  let v = npm(['view', `${name}@${range}`, 'version', '--json'], `view-${name}@${range}`);
  if (Array.isArray(v)) v = v.at(-1);
  return v;
}

const records = new Map();
const queue = NPM_TOP.map((n) => [n, 'latest']);
while (queue.length && records.size < MAX_PACKAGES) {
  const [name, range] = queue.shift();
  if (records.has(name)) continue;
  let version;
  let meta;
  // An alias (`"x": "npm:real@^1"`) installs `real` under node_modules/x.
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(range);
  const real = alias?.[1] ?? name;
  try {
    version = resolve(real, alias?.[2] ?? range);
    meta = npm(['view', `${real}@${version}`, '--json'], `meta-${real}@${version}`);
  } catch {
    log(`npm: ${name}@${range} not found, left out`);
    continue;
  }
  const deps = Object.keys(meta.dependencies ?? {});
  const pack = npm(
    ['pack', `${real}@${version}`, '--dry-run', '--json'],
    `pack-${real}@${version}`,
  )[0];
  // Files with their parent directories, relative to node_modules/<name>.
  const dirs = new Set();
  const lines = [];
  for (const f of pack.files ?? []) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    lines.push({ path: f.path, line: entryLine('f', f.mode ?? 0o644, 0, 0, f.size, f.path) });
  }
  for (const d of dirs) lines.push({ path: d, line: entryLine('d', 0o755, 0, 0, 0, d) });
  lines.sort((a, b) => byTarOrder(a.path, b.path));
  const rec = {
    name,
    version,
    depends: deps,
    installedSize: meta.dist?.unpackedSize ?? pack.unpackedSize ?? 0,
    downloadSize: pack.size ?? 0,
    files: lines.map((l) => l.line).join('\n'),
  };
  if (meta.description) rec.description = String(meta.description).slice(0, 200);
  records.set(name, rec);
  for (const [d, r] of Object.entries(meta.dependencies ?? {}))
    if (!records.has(d)) queue.push([d, r]);
}
// Only names present in the file may be depended on: trim what the size cap left out.
const packages = [...records.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
let missing = 0;
for (const p of packages) {
  const kept = p.depends.filter((d) => records.has(d));
  missing += p.depends.length - kept.length;
  p.depends = kept;
}
writeFileSync(
  join(OUT, 'npm.json'),
  JSON.stringify({
    source:
      'registry.npmjs.org: npm view (version, dependencies, dist.unpackedSize) and npm pack --dry-run --json (file lists); one version per name, the newest that satisfies the first range met',
    approximate: false,
    packages,
  }),
);
log(
  `npm: ${packages.length} packages${missing ? ` (${missing} dependency links past the cap of ${MAX_PACKAGES} dropped)` : ''}`,
);
