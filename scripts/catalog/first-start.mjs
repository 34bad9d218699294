// Adds to images/postgres-17.json (`firstStart`) what postgres's entrypoint prints when a
// container starts with an empty PGDATA (initdb, the temporary server, "ready to accept
// connections"), when PGDATA already holds a database, when no password is given, and when the
// container is stopped; plus the files the first start leaves in the container. Run for real:
// the built image's tree is the lower layer of an overlay mount, so its upper layer is exactly
// the container's writable layer. Times and process ids are written as {time}, {date} and
// {pid:N} for the simulator to fill in.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLayer, walk } from './tree.mjs';

const W = process.env.W ?? '/var/tmp/layerlab-catalog';
const REF = 'postgres:17';
const slug = REF.replace(/[:/]/g, '-');
const log = (s) => process.stderr.write(`[catalog] ${s}\n`);
const image = JSON.parse(readFileSync(join(W, 'out', `${slug}.json`), 'utf8')).file;
const lower = join(W, `img-${slug}`);
const work = join(W, `first-start-${slug}`);
const [upper, scratch, root] = ['upper', 'work', 'root'].map((d) => join(work, d));

function mountAll() {
  rmSync(work, { recursive: true, force: true });
  for (const d of [upper, scratch, root]) mkdirSync(d, { recursive: true });
  execFileSync('mount', [
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${lower},upperdir=${upper},workdir=${scratch}`,
    root,
  ]);
  execFileSync('mount', ['-t', 'proc', 'proc', join(root, 'proc')]);
  execFileSync('mount', ['--bind', '/dev', join(root, 'dev')]);
  execFileSync('mount', ['-t', 'tmpfs', 'shm', join(root, 'dev/shm')]);
}
function umountAll() {
  for (const m of ['dev/shm', 'dev', 'proc', ''])
    try {
      execFileSync('umount', ['-l', join(root, m)]);
    } catch {
      /* not mounted */
    }
}

/** Docker's environment for the container: the image's ENV, HOSTNAME and HOME. */
const env = (extra) => ({
  HOSTNAME: '0123456789ab',
  ...Object.fromEntries(
    image.config.Env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  ),
  HOME: '/root',
  ...extra,
});

/**
 * Runs the image's entrypoint and command; stops it with the image's stop signal once `until`
 * matched what it printed (or lets it end by itself). Chunks in the order they arrived.
 */
function start(extra, until) {
  return new Promise((resolve) => {
    const argv = [...image.config.Entrypoint, ...image.config.Cmd];
    const p = spawn('chroot', [root, ...argv], {
      env: env(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    let all = '';
    let stopped = false;
    const seen = (stream) => (b) => {
      const text = b.toString();
      const last = chunks.at(-1);
      if (last && last[0] === stream) last[1] += text;
      else chunks.push([stream, text]);
      all += text;
      if (!stopped && until && until.test(all)) {
        stopped = true;
        // What `docker stop` prints after the server is up: its stop signal is SIGINT.
        chunks.push(['stop', '']);
        setTimeout(() => p.kill(image.config.StopSignal ?? 'SIGTERM'), 500);
      }
    };
    p.stdout.on('data', seen('stdout'));
    p.stderr.on('data', seen('stderr'));
    const hang = setTimeout(() => p.kill('SIGKILL'), 300_000);
    p.on('close', (status) => {
      clearTimeout(hang);
      resolve({ chunks: chunks.filter(([s, t]) => t !== '' || s === 'stop'), status, pid: p.pid });
    });
  });
}

/**
 * Times and pids as placeholders: {pid:0} is the server that keeps running (PID 1 in a container:
 * the entrypoint execs it), the others are numbered in order of appearance across all runs.
 */
const pids = new Map();
function template(r, main) {
  const id = (pid) => {
    if (pid === String(main)) return '{pid:0}';
    if (!pids.has(pid)) pids.set(pid, pids.size + 1);
    return `{pid:${pids.get(pid)}}`;
  };
  const fill = (t) =>
    t
      .replace(
        /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC) \[(\d+)\]/g,
        (_, _t, pid) => `{time} [${id(pid)}]`,
      )
      .replace(/\(PID (\d+)\)/g, (_, pid) => `(PID ${id(pid)})`)
      .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/g, '{date}');
  return { chunks: r.chunks.map(([s, t]) => [s, fill(t)]), status: r.status };
}

const READY = /ready to accept connections[\s\S]*ready to accept connections/;
const AGAIN = /ready to accept connections/;
mountAll();
const out = {};
try {
  log(`first start: ${REF} without POSTGRES_PASSWORD`);
  let r = await start({}, undefined);
  out.noPassword = template(r, r.pid);
  log(`first start: ${REF} with POSTGRES_PASSWORD`);
  r = await start({ POSTGRES_PASSWORD: 'example' }, READY);
  out.first = template(r, r.pid);
  const tree = walk(upper);
  const paths = [...tree.keys()].filter(
    (p) => p.startsWith('/var/lib/postgresql/data') || p.startsWith('/var/run/postgresql'),
  );
  // The texts a learner may cat: PG_VERSION, the .conf files, postmaster.opts.
  const text = (p) => /\/(PG_VERSION|[^/]+\.conf|postmaster\.opts)$/.test(p);
  const layer = makeLayer(upper, tree, paths, [], { contents: text });
  out.files = { entries: layer.entries, contents: layer.contents };
  log(`first start: ${paths.length} paths in PGDATA and the socket folder`);
  log(`first start: ${REF} again, on its database`);
  r = await start({ POSTGRES_PASSWORD: 'example' }, AGAIN);
  out.again = template(r, r.pid);
} finally {
  umountAll();
}
rmSync(work, { recursive: true, force: true });

// Into the image's file (and the generator's cache of it): the record is fetched with the image.
const version = /Package: postgresql-17\n(?:[^\n]+\n)*?Version: (\S+)/.exec(
  readFileSync(join(lower, 'var/lib/dpkg/status'), 'utf8'),
)?.[1];
if (!version) throw new Error('first start: postgresql-17 is not installed in the image');
const record = { package: `postgresql-17=${version}`, ...out };
const OUT = process.env.OUT ?? 'public/catalog/v2';
const cacheFile = join(W, 'out', `${slug}.json`);
const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
cache.file.firstStart = record;
writeFileSync(cacheFile, JSON.stringify(cache));
writeFileSync(join(OUT, 'images', `${slug}.json`), JSON.stringify(cache.file));
log(`first start: ${record.package} written into ${slug}.json`);
