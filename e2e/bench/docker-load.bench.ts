// docker load of a big image in the page: a synthetic `docker save` tar of about 1 GB (one
// layer of 1,000 files of 1 MiB, in Docker's manifest.json layout), written to a temporary file
// as it is generated (never whole in memory), picked with the Images panel's file picker. The
// worker reads it in slices; the figures are the time from the pick to `Loaded image:` in the
// terminal, the longest main-thread task meanwhile (the page must not freeze: < 50 ms), and
// the peak memory of the engine's worker and of the page during the load (heap.ts: CDP
// Runtime.getHeapUsage on the worker target and on the page, every 100 ms).
// Alone: LAYERLAB_E2E_PORT=<port> npx playwright test -c playwright.bench.config.ts docker-load
// (part of npm run bench). Take the figure on a quiet machine; LAYERLAB_BENCH_LOAD_FILES=50
// makes a 50 MB save, to check that the row runs.
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, HANG_MS, test } from '../fixtures.ts';
import { mb, sampleHeaps, type Peak } from './heap.ts';

/** Files of 1 MiB in the layer; LAYERLAB_BENCH_LOAD_FILES=50 checks that the row runs. */
const FILES = Number(process.env.LAYERLAB_BENCH_LOAD_FILES ?? 1000);
const FILE_BYTES = 1 << 20;
const BLOCK = 512;

/** A ustar header (Go's archive/tar layout: `ustar\0` `00`, octal fields, checksum last). */
function header(name: string, size: number, type: '0' | '5' = '0'): Buffer {
  const b = Buffer.alloc(BLOCK);
  b.write(name, 0, 100, 'ascii');
  b.write(`${(type === '5' ? 0o755 : 0o644).toString(8).padStart(7, '0')}\0`, 100, 'ascii');
  b.write('0000000\0', 108, 'ascii');
  b.write('0000000\0', 116, 'ascii');
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  b.write(`${(0).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  b.fill(0x20, 148, 156);
  b.write(type, 156, 'ascii');
  b.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return b;
}

const pad = (n: number) => Buffer.alloc((BLOCK - (n % BLOCK)) % BLOCK);

/** Writes the save to `path` piece by piece; resolves with its size. */
async function writeSave(path: string): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  const put = async (b: Buffer) => {
    written += b.length;
    if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  // The layer: /data/ and FILES files of pseudo-random bytes (each file its own content).
  const layerSize = BLOCK + FILES * (BLOCK + FILE_BYTES) + 2 * BLOCK;
  await put(header('layer.tar', layerSize));
  const diff = createHash('sha256');
  const inLayer = async (b: Buffer) => {
    diff.update(b);
    await put(b);
  };
  await inLayer(header('data/', 0, '5'));
  const body = Buffer.alloc(FILE_BYTES);
  let x = 0x9e3779b9;
  for (let i = 0; i < FILE_BYTES; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body.writeUInt32LE(x >>> 0, i);
  }
  for (let f = 0; f < FILES; f++) {
    await inLayer(header(`data/f${String(f).padStart(4, '0')}.bin`, FILE_BYTES));
    body.writeUInt32LE(f, 0);
    await inLayer(Buffer.from(body));
  }
  await inLayer(Buffer.alloc(2 * BLOCK));
  const diffId = `sha256:${diff.digest('hex')}`;
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Cmd: ['sh'] },
    rootfs: { type: 'layers', diff_ids: [diffId] },
    history: [{ created: '2026-12-07T00:00:00Z', created_by: 'COPY data /data # buildkit' }],
  });
  const manifest = JSON.stringify([
    { Config: 'config.json', RepoTags: ['bench/big:1'], Layers: ['layer.tar'] },
  ]);
  for (const [name, text] of [
    ['config.json', config],
    ['manifest.json', manifest],
  ] as const) {
    const bytes = Buffer.from(text);
    await put(header(name, bytes.length));
    await put(Buffer.concat([bytes, pad(bytes.length)]));
  }
  await put(Buffer.alloc(2 * BLOCK));
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
  return written;
}

test('docker load of a 1 GB save in the page: time, longest main-thread task, peak memory', async ({
  lab,
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  try {
    const path = join(dir, 'big.tar');
    const size = await writeSave(path);
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await lab.open();
    await expect(lab.buildBar.button).toHaveAttribute('data-engine', 'ready', { timeout: HANG_MS });
    await lab.images.open();
    // Only the tasks while the file loads count, not the page's own start.
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
    const heaps = await sampleHeaps(page);
    const start = Date.now();
    await lab.images.pick(path);
    await expect(lab.screen).toContainText('Loaded image: bench/big:1', { timeout: 1_800_000 });
    const ms = Date.now() - start;
    const peaks = await heaps.stop();
    await expect(lab.images.item('bench/big:1')).toHaveCount(1);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    const longest = Math.max(0, ...long);
    console.log(
      `INFO  docker load of a ${(size / 1e9).toFixed(2)} GB save (${FILES} files of 1 MiB): ${(ms / 1000).toFixed(1)} s from the pick to Loaded image`,
    );
    console.log(
      `${longest < 50 ? 'PASS' : 'MISS'}  longest main-thread task during the load: ${longest.toFixed(0)} ms (target < 50 ms; ${long.length} tasks over 50 ms)`,
    );
    const said = (who: string, p: Peak | undefined) =>
      p
        ? `INFO  peak memory of the ${who} during the load: ${mb(p.total)} (JS heap ${mb(p.heap)}, ArrayBuffers ${mb(p.buffers)}; ${p.samples} samples)`
        : `MISS  peak memory of the ${who}: no sample (the worker target was not attached)`;
    console.log(said('engine worker', peaks.worker));
    console.log(said('page', peaks.page));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
