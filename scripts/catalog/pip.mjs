// Writes W/out/pip.json (split into OUT/pip/ by split.mjs), approximately: Debian's python3-* packages stand in for the
// wheels pip would install. Their files under /usr/lib/python3/dist-packages become paths relative
// to site-packages, /usr/bin/X becomes bin/X, names and versions come from the .dist-info or
// .egg-info directory the package ships.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { control, fileList, idMaps, parseDeps } from './deb.mjs';
import { byTarOrder } from './tree.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const OUT = join(W, 'out');
const HERE = new URL('.', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);

/** pip name -> Debian package. */
export const PIP_TO_DEBIAN = {
  flask: 'python3-flask',
  requests: 'python3-requests',
  django: 'python3-django',
  numpy: 'python3-numpy',
  pandas: 'python3-pandas',
  pyyaml: 'python3-yaml',
  pytest: 'python3-pytest',
  jinja2: 'python3-jinja2',
  click: 'python3-click',
  sqlalchemy: 'python3-sqlalchemy',
  psycopg2: 'python3-psycopg2',
  pillow: 'python3-pil',
  beautifulsoup4: 'python3-bs4',
  lxml: 'python3-lxml',
  redis: 'python3-redis',
  celery: 'python3-celery',
  gunicorn: 'python3-gunicorn',
  uvicorn: 'python3-uvicorn',
  fastapi: 'python3-fastapi',
  pydantic: 'python3-pydantic',
  httpx: 'python3-httpx',
  boto3: 'python3-boto3',
  cryptography: 'python3-cryptography',
  'python-dateutil': 'python3-dateutil',
  rich: 'python3-rich',
  tqdm: 'python3-tqdm',
};

const root = join(W, 'apt-root');
if (!existsSync(join(W, 'apt.done')))
  throw new Error('pip.mjs needs the apt step first (apt-root with apt-get update done)');
const chroot = (cmd) =>
  execFileSync(join(HERE, 'chroot.sh'), ['run', root, cmd], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
const cache = '/var/cache/pipdebs';
if (process.env.REBUILD === '1' || !existsSync(join(W, 'pip.done'))) {
  const wanted = Object.values(PIP_TO_DEBIAN).filter((d) => {
    try {
      return chroot(`apt-cache show --no-all-versions ${d} >/dev/null 2>&1 && echo yes`).includes(
        'yes',
      );
    } catch {
      log(`pip: Debian has no ${d}, left out`);
      return false;
    }
  });
  chroot(
    `mkdir -p ${cache}/partial && apt-get install -y -qq --download-only --no-install-recommends -o Dir::Cache::archives=${cache}/ ${wanted.join(' ')} >/dev/null`,
  );
  execFileSync('touch', [join(W, 'pip.done')]);
}

const ids = idMaps(root);
const SITE = '/usr/lib/python3/dist-packages/';
const norm = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');
const dir = join(root, cache.slice(1));
const infos = [];
for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.deb'))
  .sort()) {
  const deb = join(dir, f);
  const ctl = control(deb);
  const files = fileList(
    deb,
    ids,
    (p) => (p.startsWith(SITE) && p !== SITE.slice(0, -1)) || /^\/usr\/bin\/[^/]+$/.test(p),
  );
  const meta = /\/dist-packages\/([^/]+)-([^-/]+?)\.(dist|egg)-info(\t|$)/m.exec(files);
  if (!meta) continue;
  const lines = files
    .split('\n')
    .filter((l) => {
      const path = l.split('\t')[5] ?? '';
      return path.startsWith(SITE) || path.startsWith('/usr/bin/');
    })
    .map((l) => {
      const c = l.split('\t');
      const rel = (p) =>
        p.startsWith(SITE) ? p.slice(SITE.length) : `bin/${p.slice('/usr/bin/'.length)}`;
      c[5] = rel(c[5]);
      if (c[0] === 'h' && c[6]) c[6] = rel(c[6]);
      return c.join('\t');
    })
    .join('\n');
  const withBin = /(^|\n)\w\t[^\n]*\tbin\//.test(lines) ? `${lines}\nd\t755\t0\t0\t0\tbin` : lines;
  const sorted = withBin
    .split('\n')
    .sort((a, b) => byTarOrder(a.split('\t')[5], b.split('\t')[5]))
    .join('\n');
  infos.push({
    debName: ctl.Package,
    name: norm(meta[1]),
    version: meta[2],
    ctl,
    deb,
    files: sorted,
  });
}
const byDeb = new Map(infos.map((i) => [i.debName, i.name]));
const packages = infos.map((i) => {
  const depends = [
    ...new Set(
      parseDeps(`${i.ctl['Pre-Depends'] ?? ''},${i.ctl.Depends ?? ''}`).flatMap((alts) => {
        // `python3-importlib-metadata | python3 (>> 3.10)`: the interpreter already satisfies it.
        if (alts.some((a) => a === 'python3' || /^python3\.\d+$/.test(a))) return [];
        const hit = alts.find((a) => byDeb.has(a));
        return hit ? [byDeb.get(hit)] : [];
      }),
    ),
  ].filter((n) => n !== i.name);
  const size = i.files
    .split('\n')
    .reduce((n, l) => n + (l.startsWith('f\t') ? Number(l.split('\t')[4]) : 0), 0);
  const rec = {
    name: i.name,
    version: i.version,
    depends,
    installedSize: size,
    downloadSize: statSync(i.deb).size,
    files: i.files,
  };
  const desc = (i.ctl.Description ?? '').split('\n')[0];
  if (desc) rec.description = desc;
  return rec;
});
packages.sort((a, b) => (a.name < b.name ? -1 : 1));
const missing = Object.keys(PIP_TO_DEBIAN).filter((n) => !packages.some((p) => p.name === norm(n)));
writeFileSync(
  join(OUT, 'pip.json'),
  JSON.stringify({
    source: `Debian bookworm's python3-* packages (file lists from dpkg-deb -c, names and versions from their .dist-info/.egg-info), mapped onto site-packages`,
    approximate: true,
    packages,
  }),
);
log(
  `pip: ${packages.length} packages${missing.length ? `; not in Debian bookworm: ${missing.join(', ')}` : ''}`,
);
