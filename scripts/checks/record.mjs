#!/usr/bin/env node
// Records what Docker 28.5 (BuildKit's build checks) prints for every case in
// conformance/checks/cases: a plain build (`--progress=plain`) and `docker build --check`, and for
// cases that ask, `docker --debug build` and the classic builder. Writes
// conformance/checks/recorded/<case>.json; app/engine/dockerfile/rules/replay.test.ts replays them.
//
// Needs a Docker 28.5 daemon and CLI (with buildx) in the environment, e.g. the shared oracle:
//   eval "$(bash modern-dockerd.sh start)"     # sets DOCKER_HOST, DOCKER_CONFIG, PATH
//   npm run checks:record                       # ONLY=13- npm run checks:record for one case
// and an image debian:bookworm-slim (the oracle imports one). Nothing here runs in `npm test`.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const casesDir = join(root, 'conformance', 'checks', 'cases');
const outDir = join(root, 'conformance', 'checks', 'recorded');
const only = process.env.ONLY ?? '';

function docker(args, cwd, env = {}) {
  const r = spawnSync('docker', args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return { exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What changes from run to run: durations, image IDs, RUN output timestamps. */
function normalise(text) {
  return text
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<id>')
    .replace(/^(#\d+ (?:\S+ )*?)DONE \d+\.\d+s$/gm, '$1DONE 0.0s')
    .replace(/^(#\d+ )\d+\.\d+ /gm, '$10.000 ')
    .replace(/^(#\d+ exporting layers) \d+\.\d+s done$/gm, '$1 done')
    .replace(/^(\d+\.\d+) /gm, '0.000 ')
    .replace(/ ---> [0-9a-f]{12}$/gm, ' ---> <id>')
    .replace(/Running in [0-9a-f]{12}$/gm, 'Running in <id>')
    .replace(/intermediate container [0-9a-f]{12}$/gm, 'intermediate container <id>')
    .replace(/Successfully built [0-9a-f]{12}$/gm, 'Successfully built <id>');
}

const run = (r) => ({
  exitCode: r.exitCode,
  stdout: normalise(r.stdout),
  stderr: normalise(r.stderr),
});

const version = docker(['version', '--format', '{{.Server.Version}}'], root);
if (version.exitCode !== 0 || !version.stdout.startsWith('28.5')) {
  console.error(
    `checks:record needs a Docker 28.5 daemon (DOCKER_HOST), found: ${version.stdout.trim() || version.stderr.trim()}`,
  );
  process.exit(1);
}
const buildx = docker(['buildx', 'version'], root).stdout.trim();
mkdirSync(outDir, { recursive: true });

for (const name of readdirSync(casesDir).sort()) {
  if (!name.includes(only)) continue;
  const src = join(casesDir, name);
  const spec = existsSync(join(src, 'case.json'))
    ? JSON.parse(readFileSync(join(src, 'case.json'), 'utf8'))
    : {};
  const ctx = mkdtempSync(join(tmpdir(), 'layerlab-checks-'));
  cpSync(src, ctx, { recursive: true });
  rmSync(join(ctx, 'case.json'), { force: true });
  const flags = [
    ...Object.entries(spec.buildArgs ?? {}).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...(spec.target ? ['--target', spec.target] : []),
  ];
  const tag = `layerlab-checks:${name.slice(0, 2)}`;
  const runs = {
    build: run(docker(['build', '--progress=plain', '--no-cache', '-t', tag, ...flags, '.'], ctx)),
    check: run(docker(['build', '--check', ...flags, '.'], ctx)),
  };
  if (spec.debug)
    runs.debug = run(
      docker(['--debug', 'build', '--progress=plain', '--no-cache', '-t', tag, ...flags, '.'], ctx),
    );
  if (spec.classic)
    runs.classic = run(
      docker(['build', '--no-cache', '-t', `${tag}-classic`, ...flags, '.'], ctx, {
        DOCKER_BUILDKIT: '0',
      }),
    );
  docker(['rmi', '-f', tag, `${tag}-classic`], ctx);
  rmSync(ctx, { recursive: true, force: true });
  const record = {
    case: name,
    docker: version.stdout.trim(),
    buildx,
    buildArgs: spec.buildArgs ?? {},
    ...(spec.target ? { target: spec.target } : {}),
    runs,
  };
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  console.log(
    `${name}: build ${runs.build.exitCode}, check ${runs.check.exitCode}${runs.classic ? `, classic ${runs.classic.exitCode}` : ''}`,
  );
}
