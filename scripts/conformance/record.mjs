// Runs every conformance scenario on the Docker 28.5 daemons that record.sh started, once per
// image store, and writes conformance/recorded/<scenario>.<builder>.json when both stores gave
// the same normalised results, else one file per store (<scenario>.<builder>.<store>.json).
// Run through record.sh (needs tsx for the shared normalisation in app/engine/conformance).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, runScenario, BASE_REF } from '../../app/engine/conformance/run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = join(ROOT, 'conformance/scenarios');
const OUT = join(ROOT, 'conformance/recorded');
const DOCKER = process.env.DOCKER || 'docker';
const WORK = process.env.CONFORMANCE_WORK || '/var/tmp/layerlab-conformance';
const ONLY = process.env.ONLY || process.argv[2] || '';
const BUILDERS = (process.env.BUILDERS || 'buildkit classic').split(/\s+/).filter(Boolean);
const STORES = (process.env.STORES || 'overlay2 containerd').split(/\s+/).filter(Boolean);
const HOSTS = Object.fromEntries(
  STORES.map((s) => [s, process.env[`DOCKER_HOST_${s.toUpperCase()}`]]),
);
for (const s of STORES) if (!HOSTS[s]) throw new Error(`DOCKER_HOST_${s.toUpperCase()} is not set`);

const clis = {};
function cli(store) {
  return (clis[store] ??= (args, cwd, builder) => {
    const r = spawnSync(DOCKER, args, {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        DOCKER_HOST: HOSTS[store],
        DOCKER_BUILDKIT: builder === 'classic' ? '0' : '1',
      },
    });
    if (r.error) throw r.error;
    return { exitCode: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  });
}

/** Back to a daemon holding only the base image: no containers, other images or build cache. */
function reset(store) {
  const quiet = (...argv) => cli(store)(argv, WORK, 'buildkit').stdout.trim();
  const containers = quiet('ps', '-aq').split('\n').filter(Boolean);
  if (containers.length) quiet('rm', '-f', ...containers);
  const base = quiet('image', 'inspect', '--format', '{{.Id}}', BASE_REF);
  if (!base) throw new Error(`${store}: ${BASE_REF} is missing`);
  const refs = quiet('images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '));
  // By name where there is one (the containerd store deletes by name), else by ID.
  const others = [
    ...new Set(
      refs
        .filter(([id, ref]) => id !== base && ref !== BASE_REF)
        .map(([id, ref]) => (ref === '<none>:<none>' ? id : ref)),
    ),
  ];
  if (others.length) quiet('rmi', '-f', ...others);
  quiet('builder', 'prune', '-af');
}

const versions = Object.fromEntries(
  STORES.map((s) => {
    const q = (f) => cli(s)(['version', '--format', f], WORK, 'buildkit').stdout.trim();
    return [s, { client: q('{{.Client.Version}}'), server: q('{{.Server.Version}}') }];
  }),
);
mkdirSync(OUT, { recursive: true });
const names = readdirSync(SCENARIOS)
  .filter((n) => n.includes(ONLY))
  .sort();
let failures = 0;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
for (const name of names) {
  const scenario = loadScenario(SCENARIOS, name);
  for (const builder of scenario.builders.filter((b) => BUILDERS.includes(b))) {
    const started = Date.now();
    try {
      const byStore = {};
      for (const store of scenario.stores.filter((s) => STORES.includes(s))) {
        reset(store);
        byStore[store] = await runScenario(
          SCENARIOS,
          scenario,
          builder,
          cli(store),
          join(WORK, 'ctx', name),
        );
      }
      for (const f of readdirSync(OUT))
        if (f.startsWith(`${name}.${builder}.`)) rmSync(join(OUT, f));
      const stores = Object.keys(byStore);
      const groups =
        stores.length === 2 && same(byStore[stores[0]], byStore[stores[1]])
          ? [[stores, '']]
          : stores.map((s) => [[s], `.${s}`]);
      for (const [list, suffix] of groups) {
        const file = join(OUT, `${name}.${builder}${suffix}.json`);
        const recording = {
          scenario: name,
          builder,
          stores: list,
          versions: versions[list[0]],
          results: byStore[list[0]],
        };
        writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`);
      }
      console.log(
        `recorded ${name} (${builder}; ${groups.map(([l]) => l.join('+')).join(', ')}) in ${Date.now() - started} ms`,
      );
    } catch (e) {
      failures++;
      console.error(`FAILED ${name} (${builder}): ${e.stack || e}`);
    }
  }
}
rmSync(join(WORK, 'ctx'), { recursive: true, force: true });
for (const s of STORES) reset(s);
process.exitCode = failures ? 1 : 0;
