/**
 * Container figures: `docker run` + a write + `docker diff` on an image of 10,000 files, and
 * the memory of 100 containers from one image against one container (the image is shared,
 * each container adds only its writable layer).
 */
import { Engine } from '../../app/engine/daemon/engine.ts';
import { runDocker } from '../../app/engine/cli/docker.ts';
import type { CliHost } from '../../app/engine/cli/types.ts';
import { layerFromEntries, type EntrySpec } from '../../app/engine/fs/index.ts';
import { builtinCatalog } from '../../app/engine/shell/packages/builtin.ts';
import type { BaseImage } from '../../app/engine/build/builder.ts';
import { measure, record } from './harness.ts';

/** Two layers, 10,000 files: a base of 9,500 in 100 directories and an app layer of 500. */
function image(): BaseImage {
  const base: EntrySpec[] = [
    { path: '/bin/sh', type: 'file', size: 125_560, mode: 0o755 },
    { path: '/etc/passwd', type: 'file', data: 'root:x:0:0:root:/root:/bin/bash\n' },
    { path: '/etc/group', type: 'file', data: 'root:x:0:\n' },
    { path: '/tmp', type: 'dir', mode: 0o1777 },
  ];
  for (let i = 0; i < 9_497; i++) {
    const path = `/usr/share/pkg${i % 100}/file${Math.floor(i / 100)}`;
    base.push({ path, type: 'file', size: 4_000 + i, mode: 0o644 });
  }
  const app: EntrySpec[] = [];
  for (let i = 0; i < 500; i++)
    app.push({ path: `/app/src/m${i % 20}/f${i}.py`, type: 'file', data: `X = ${i}\n` });
  const layers = [layerFromEntries(base), layerFromEntries(app)];
  const files = layers.reduce((n, l) => n + l.stats.files, 0);
  if (files !== 10_000) throw new Error(`the benchmark image has ${files} files, not 10,000`);
  return {
    ref: 'bench:latest',
    id: 'sha256:' + 'd'.repeat(64),
    layers,
    config: { Env: ['PATH=/usr/bin:/bin'], Cmd: ['sleep', 'infinity'] },
    history: [{ created_by: 'base' }, { created_by: 'app' }],
  };
}

const host: CliHost = {
  readContext: () => ({ error: 'no context here' }),
  writeFile: () => undefined,
  env: {},
};

function engineWith(img: BaseImage): Engine {
  const e = new Engine({
    planner: () => ({ plan: undefined, diagnostics: [] }),
    expand: (text) => ({ value: text, used: [] }),
    catalog: builtinCatalog,
    registry: (ref) => (ref === 'bench:latest' || ref === 'bench' ? img : undefined),
    clock: () => 0,
  });
  e.storeBase(img);
  return e;
}

const WRITE = 'echo more >> /usr/share/pkg7/file3 && echo new > /app/src/m3/new.py';
const docker = (e: Engine, ...argv: string[]) => runDocker(e, argv, host);

const e = engineWith(image());
const first = docker(e, 'run', '--name', 'check', 'bench', 'sh', '-c', WRITE);
const diff = docker(e, 'diff', 'check').stdout;
if (
  first.exitCode !== 0 ||
  diff !==
    'C /app\nC /app/src\nC /app/src/m3\nA /app/src/m3/new.py\nC /usr\nC /usr/share\nC /usr/share/pkg7\nC /usr/share/pkg7/file3\n'
)
  throw new Error(`the benchmark run did not do what it should:\n${first.stderr}${diff}`);

let n = 0;
measure(
  'docker run + a write + docker diff, image of 10,000 files',
  () => {
    const name = `c${n++}`;
    docker(e, 'run', '--name', name, 'bench', 'sh', '-c', WRITE);
    return docker(e, 'diff', name);
  },
  { runs: 31, warmup: 5, targetMs: 5 },
);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  // Everything counts: the image, the engine, and every container with its writable layer.
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const m = engineWith(image());
  docker(m, 'run', '-d', '--name', 'w0', 'bench');
  docker(m, 'exec', 'w0', 'sh', '-c', WRITE);
  gc();
  const one = process.memoryUsage().heapUsed - h0;
  for (let i = 1; i < 100; i++) {
    docker(m, 'run', '-d', '--name', `w${i}`, 'bench');
    docker(m, 'exec', `w${i}`, 'sh', '-c', WRITE);
  }
  gc();
  const hundred = process.memoryUsage().heapUsed - h0;
  if (m.containers.all().length !== 100) throw new Error('expected 100 containers');
  console.log(
    `      (one container: ${(one / 1e6).toFixed(2)} MB held with its image; 100 containers: ${(hundred / 1e6).toFixed(2)} MB; ${((hundred - one) / 99 / 1e3).toFixed(1)} kB per extra container, its writable layer included)`,
  );
  record('memory of 100 containers from one image, vs one', (hundred / one - 1) * 100, '% more', 5);
} else {
  console.log('SKIP  memory figure: run node with --expose-gc (npm run bench does)');
}
