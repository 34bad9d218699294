// Runs every conformance scenario on the private dockerd that record.sh started and writes
// conformance/recorded/<scenario>.<builder>.json. Run through record.sh (needs tsx for the
// shared normalisation in app/engine/conformance).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenario, BASE_REF } from '../../app/engine/conformance/run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = join(ROOT, 'conformance/scenarios');
const OUT = join(ROOT, 'conformance/recorded');
const DOCKER = process.env.DOCKER || '/usr/bin/docker';
const WORK = process.env.CONFORMANCE_WORK || '/var/tmp/layerlab-conformance';
const ONLY = process.env.ONLY || process.argv[2] || '';
const BUILDERS = (process.env.BUILDERS || 'buildkit classic').split(/\s+/).filter(Boolean);

/** The daemon has no default bridge (--bridge=none): builds and containers run without a network. */
const NETWORKED = new Set(['build', 'run', 'create']);

function docker(argv, cwd, builder) {
  let args = argv;
  const at = argv.findIndex((a) => NETWORKED.has(a));
  if (at >= 0 && at <= 1 && !argv.includes('--network'))
    args = [...argv.slice(0, at + 1), '--network', 'none', ...argv.slice(at + 1)];
  const r = spawnSync(DOCKER, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, DOCKER_BUILDKIT: builder === 'classic' ? '0' : '1' },
  });
  if (r.error) throw r.error;
  return { exitCode: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

const quiet = (...argv) => docker(argv, WORK, 'buildkit').stdout.trim();

/** Back to a daemon holding only the base image: no containers, other images or build cache. */
function reset() {
  const containers = quiet('ps', '-aq').split('\n').filter(Boolean);
  if (containers.length) quiet('rm', '-f', ...containers);
  const base = quiet('image', 'inspect', '--format', '{{.Id}}', BASE_REF);
  const images = quiet('images', '-aq', '--no-trunc').split('\n').filter(Boolean);
  const others = [...new Set(images)].filter((id) => id !== base);
  if (others.length) quiet('rmi', '-f', ...others);
  quiet('builder', 'prune', '-af');
}

const versions = {
  client: quiet('version', '--format', '{{.Client.Version}}'),
  server: quiet('version', '--format', '{{.Server.Version}}'),
};
mkdirSync(OUT, { recursive: true });
const names = readdirSync(SCENARIOS)
  .filter((n) => n.includes(ONLY))
  .sort();
let failures = 0;
for (const name of names) {
  const scenario = loadScenario(SCENARIOS, name);
  for (const builder of scenario.builders.filter((b) => BUILDERS.includes(b))) {
    reset();
    const started = Date.now();
    try {
      const results = await runScenario(
        SCENARIOS,
        scenario,
        builder,
        docker,
        join(WORK, 'ctx', name),
      );
      const file = join(OUT, `${name}.${builder}.json`);
      writeFileSync(
        file,
        `${JSON.stringify({ scenario: name, builder, versions, results }, null, 2)}\n`,
      );
      console.log(`recorded ${name} (${builder}) in ${Date.now() - started} ms`);
    } catch (e) {
      failures++;
      console.error(`FAILED ${name} (${builder}): ${e.stack || e}`);
    }
  }
}
rmSync(join(WORK, 'ctx'), { recursive: true, force: true });
reset();
process.exitCode = failures ? 1 : 0;
