/**
 * apt-get on debian:bookworm-slim against real Docker: for every RUN line recorded by
 * `npm run conformance:record` (conformance/apt/<name>.json, a BuildKit build on Debian's
 * dockerd), Layerlab builds the same line on its catalog and the top layers' sizes are compared.
 * The target is within 1% of the bytes real Docker's layer adds. The largest gaps by directory
 * are printed to show where the model falls short.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildkitExpand, planDockerfile } from '../../app/engine/build/plan.ts';
import { runDocker } from '../../app/engine/cli/docker.ts';
import type { CliHost } from '../../app/engine/cli/types.ts';
import { Engine } from '../../app/engine/daemon/engine.ts';
import { nodeImages } from '../../app/node/images.ts';
import { record } from './harness.ts';

interface Recording {
  run: string;
  docker: string;
  size: number;
  files: Record<string, number | string>;
}

const DIR = fileURLToPath(new URL('../../conformance/apt/', import.meta.url));
const images = await nodeImages();
if (!images.registry('debian:bookworm-slim')) {
  console.log('SKIP  apt layers: no catalog in public/catalog');
  process.exit(0);
}

const dirOf = (path: string) => path.split('/').slice(0, 3).join('/');

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lines.json')) {
  const rec = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Recording;
  const engine = new Engine({
    planner: planDockerfile,
    expand: buildkitExpand,
    catalog: images.catalog,
    registry: images.registry,
    clock: () => 0,
  });
  const dockerfile = `FROM debian:bookworm-slim\nRUN ${rec.run}\n`;
  const host: CliHost = {
    readContext: () => ({ files: [], dockerfile, dockerfileName: 'Dockerfile' }),
    writeFile: () => undefined,
    env: {},
  };
  const built = runDocker(engine, ['build', '-t', 'apt-bench', '.'], host);
  if (built.exitCode !== 0) {
    console.log(`MISS  apt ${file}: the build failed\n${built.stderr}`);
    continue;
  }
  const image = engine.images.find('apt-bench');
  const top = image?.layers.at(-1);
  if (!top) throw new Error('no layer');
  const ours = new Map<string, number>();
  for (const r of top.records())
    if (r.kind === 'file') ours.set(r.name, (ours.get(r.name) ?? 0) + r.size);
  const size = top.stats.size;

  // Where the bytes differ, by directory (two levels below the root).
  const gap = new Map<string, number>();
  for (const [name, v] of Object.entries(rec.files))
    if (typeof v === 'number') gap.set(dirOf(name), (gap.get(dirOf(name)) ?? 0) + v);
  for (const [name, v] of ours) gap.set(dirOf(name), (gap.get(dirOf(name)) ?? 0) - v);
  const worst = [...gap].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 6);
  console.log(
    `      RUN ${rec.run}: Docker ${rec.docker} adds ${rec.size} bytes, Layerlab ${size}` +
      `\n      largest gaps (Docker - Layerlab): ${worst.map(([d, v]) => `${d} ${(v / 1e6).toFixed(2)} MB`).join(', ')}`,
  );
  record(
    `apt layer vs real Docker (${file.replace(/\.json$/, '')})`,
    (Math.abs(size - rec.size) / rec.size) * 100,
    '% off',
    1,
  );
}
