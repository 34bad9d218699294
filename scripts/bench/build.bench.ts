/**
 * Build figures: a realistic 15-step Dockerfile on a Debian-sized base (cold and all-cached),
 * a 300-instruction Dockerfile, and the memory of 50 rebuilds with one changed file.
 * The base comes from the catalog when it is there (public/catalog), else a synthetic one of
 * the same shape (3,500 paths, 75 MB), so the figure never depends on a network.
 */
import type { BaseImage } from '../../app/engine/build/builder.ts';
import { buildkitExpand, planDockerfile } from '../../app/engine/build/plan.ts';
import { Engine } from '../../app/engine/daemon/engine.ts';
import { layerFromEntries, type EntrySpec } from '../../app/engine/fs/index.ts';
import { builtinCatalog } from '../../app/engine/shell/packages/builtin.ts';
import { nodeImages } from '../../app/node/images.ts';
import { measure, record } from './harness.ts';

function syntheticBase(): BaseImage {
  const entries: EntrySpec[] = [];
  for (let d = 0; d < 120; d++) {
    for (let f = 0; f < 28; f++) {
      entries.push({
        path: `/usr/share/pkg${d}/file${f}`,
        type: 'file',
        size: 22_000 + f * 10,
        mode: 0o644,
      });
    }
  }
  entries.push(
    { path: '/bin/sh', type: 'file', size: 125_560, mode: 0o755 },
    { path: '/etc/passwd', type: 'file', data: 'root:x:0:0:root:/root:/bin/bash\n' },
    { path: '/etc/group', type: 'file', data: 'root:x:0:\n' },
    { path: '/tmp', type: 'dir', mode: 0o1777 },
    { path: '/var/lib/dpkg/status', type: 'file', data: '' },
  );
  return {
    ref: 'debian:bookworm-slim',
    id: 'sha256:' + 'c'.repeat(64),
    layers: [layerFromEntries(entries)],
    config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
    history: [{ created: '2024-01-01T00:00:00Z', created_by: 'synthetic base' }],
  };
}

const images = await nodeImages();
const real = images.registry('debian:bookworm-slim');
const base = real ?? syntheticBase();
console.log(`base: ${real ? 'catalog debian:bookworm-slim' : 'synthetic (no catalog found)'}`);

const engine = () =>
  new Engine({
    planner: planDockerfile,
    expand: buildkitExpand,
    catalog: real ? images.catalog : builtinCatalog,
    registry: (ref) => (ref === 'debian:bookworm-slim' ? base : undefined),
    clock: () => 0,
  });

const DOCKERFILE = `FROM debian:bookworm-slim
ARG APP_USER=app
ENV LANG=C.UTF-8 PYTHONUNBUFFERED=1
LABEL org.opencontainers.image.title="demo"
RUN useradd -m $APP_USER
WORKDIR /app
COPY requirements.txt .
RUN mkdir -p /app/data && echo "cache" > /app/data/seed && printf 'a\\nb\\n' > /app/data/list
COPY src/ ./src/
COPY config.ini /etc/demo/config.ini
RUN chmod 640 /etc/demo/config.ini && chown -R $APP_USER /app
RUN rm -rf /app/data/seed
EXPOSE 8000
USER $APP_USER
CMD ["python3", "src/app.py"]
`;

const files = (version: number) => [
  { path: 'requirements.txt', content: 'flask==3.0.0\n' },
  { path: 'config.ini', content: '[demo]\nport=8000\n' },
  ...Array.from({ length: 20 }, (_, i) => ({
    path: `src/mod${i}.py`,
    content: `# module ${i}\nVALUE = ${i === 0 ? version : i}\n`,
  })),
  { path: 'src/app.py', content: 'print("hello")\n' },
];

const opts = (version: number) => ({
  dockerfile: DOCKERFILE,
  files: files(version),
  tags: ['app'],
});

const check = engine().build(opts(0));
if (!check.ok) {
  console.error(check.events.filter((e) => e.type === 'error'));
  throw new Error('the benchmark Dockerfile does not build');
}

measure(
  'extra (synthetic): 15-step build on debian:bookworm-slim, cold',
  () => engine().build(opts(0)),
  {
    runs: 15,
    warmup: 3,
    targetMs: 30,
  },
);

const warm = engine();
warm.build(opts(0));
measure('extra (synthetic): 15-step build, all cached', () => warm.build(opts(0)), {
  runs: 21,
  targetMs: 5,
});

const long = ['FROM debian:bookworm-slim'];
for (let i = 0; long.length < 300; i++) {
  long.push(
    i % 3 === 0
      ? `RUN echo step${i} > /tmp/f${i}`
      : i % 3 === 1
        ? `ENV V${i}=${i}`
        : `LABEL l${i}=x`,
  );
}
const longText = long.join('\n') + '\n';
measure(
  'extra (synthetic): 300-instruction Dockerfile, cold',
  () => engine().build({ dockerfile: longText, files: [], tags: ['long'] }),
  { runs: 7, warmup: 1, targetMs: 300 },
);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  // Everything the engine holds counts: the base image it loaded, the image, the cache.
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const freshBase = real ? (await nodeImages()).registry('debian:bookworm-slim')! : syntheticBase();
  const e = new Engine({
    planner: planDockerfile,
    expand: buildkitExpand,
    catalog: builtinCatalog,
    registry: (ref) => (ref === 'debian:bookworm-slim' ? freshBase : undefined),
    clock: () => 0,
  });
  e.build(opts(0));
  gc();
  const one = process.memoryUsage().heapUsed - h0;
  for (let i = 1; i <= 50; i++) e.build(opts(i));
  gc();
  const fifty = process.memoryUsage().heapUsed - h0;
  console.log(
    `      (one build: ${(one / 1e6).toFixed(1)} MB held; after 50 rebuilds: ${(fifty / 1e6).toFixed(1)} MB)`,
  );
  record('memory of 50 rebuilds with one changed file, vs one build', fifty / one, 'x', 2);
} else {
  console.log('SKIP  memory figure: run node with --expose-gc (npm run bench does)');
}
