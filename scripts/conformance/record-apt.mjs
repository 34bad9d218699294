// Records what real Docker's layer holds after installing apt packages on debian:bookworm-slim:
// for each RUN line in conformance/apt/lines.json, a BuildKit build with the host network (apt
// needs a mirror) and the layer's files from `docker save`. Writes conformance/apt/<name>.json,
// which `npm run bench` compares with Layerlab's layer for the same line. Run through record.sh
// (it starts the private dockerd and imports the base image).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'conformance/apt');
const DOCKER = process.env.DOCKER || '/usr/bin/docker';
const WORK = process.env.CONFORMANCE_WORK || '/var/tmp/layerlab-conformance';

function docker(args, cwd) {
  const r = spawnSync(DOCKER, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The files of the image's top layer: path -> size (regular files), or the entry's type. */
function topLayer(ref, tmp) {
  docker(['save', '-o', join(tmp, 'image.tar'), ref], tmp);
  const out = join(tmp, 'image');
  mkdirSync(out);
  spawnSync('tar', ['-C', out, '-xf', join(tmp, 'image.tar')]);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))[0];
  const layer = join(out, manifest.Layers.at(-1));
  // GNU tar's verbose listing: type+mode, owner, size, date, time, name [-> target]
  const list = spawnSync('tar', ['-tvf', layer, '--numeric-owner'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  const entries = {};
  for (const line of list.split('\n').filter(Boolean)) {
    const m = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(.*?)(?: -> .*| link to .*)?$/.exec(line);
    if (!m) continue;
    const [, type, size, name] = m;
    entries[name.replace(/\/$/, '')] =
      type === '-' ? Number(size) : type === 'd' ? 'dir' : type === 'l' ? 'symlink' : 'link';
  }
  return entries;
}

const lines = JSON.parse(readFileSync(join(DIR, 'lines.json'), 'utf8'));
const version = docker(['version', '--format', '{{.Server.Version}}']).trim();
let failures = 0;
for (const { name, run } of lines) {
  const tmp = mkdtempSync(join(WORK, 'apt-'));
  try {
    writeFileSync(join(tmp, 'Dockerfile'), `FROM debian:bookworm-slim\nRUN ${run}\n`);
    docker(['build', '--network', 'host', '--progress=plain', '-t', `apt-${name}`, '.'], tmp);
    const history = docker(['history', '--human=false', '--format', '{{.Size}}', `apt-${name}`]);
    const size = Number(history.split('\n')[0]);
    const files = topLayer(`apt-${name}`, tmp);
    writeFileSync(
      join(DIR, `${name}.json`),
      `${JSON.stringify({ run, docker: version, size, files }, null, 1)}\n`,
    );
    console.log(`recorded apt ${name}: ${size} bytes, ${Object.keys(files).length} entries`);
    docker(['rmi', '-f', `apt-${name}`]);
  } catch (e) {
    failures++;
    console.error(`FAILED apt ${name}: ${e.message}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
process.exitCode = failures ? 1 : 0;
