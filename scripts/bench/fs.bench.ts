/**
 * Filesystem core figures: tree building, a container's write and diff, stacking layers,
 * hashing a layer tar, and the memory that sharing saves.
 */
import type { EntrySpec } from '../../app/engine/fs/index.ts';
import {
  MergedView,
  chainIds,
  diffId,
  imageConfigJson,
  imageId,
  layerChanges,
  layerFromEntries,
  openOverlay,
  treeFromEntries,
} from '../../app/engine/fs/index.ts';
import { measure, record } from './harness.ts';

const encoder = new TextEncoder();

function baseEntries(n: number): EntrySpec[] {
  const out: EntrySpec[] = [];
  for (let i = 0; out.length < n; i++) {
    if (i % 5 === 0)
      out.push({ path: `/usr/bin/tool${i}`, type: 'file', mode: 0o755, size: 20_000 + i });
    else if (i % 5 === 1)
      out.push({
        path: `/usr/share/doc/pkg${i % 400}/changelog${i}`,
        type: 'file',
        data: `pkg ${i}\n`,
      });
    else
      out.push({
        path: `/usr/lib/x86_64-linux-gnu/lib${i % 300}/m${i}.so`,
        type: 'file',
        size: 1000 + i,
      });
  }
  return out;
}

const specs = baseEntries(10_000);
measure('fs: build a 10,000-entry tree', () => treeFromEntries(specs), { targetMs: 20 });

const base = layerFromEntries(specs, { diffId: 'sha256:' + '0'.repeat(64) });
const image = MergedView.of([base]);
measure(
  'fs: overlay + one write + commit + docker diff (10,000-file image)',
  () => {
    const fs = openOverlay(image);
    fs.writeFile('/usr/share/doc/pkg1/changelog1', encoder.encode('changed\n'));
    return layerChanges(fs.commit(), image.root);
  },
  { targetMs: 5 },
);

const steps = Array.from({ length: 9 }, (_, i) =>
  layerFromEntries(
    Array.from({ length: 20 }, (_, j) => ({
      path: `/usr/lib/x86_64-linux-gnu/lib${(i * 31 + j) % 300}/new${j}`,
      type: 'file' as const,
      data: 'x',
    })),
  ),
);
measure('fs: merged view of 10 layers (10,000-file base)', () => MergedView.of([base, ...steps]), {
  targetMs: 5,
});

const big = layerFromEntries(
  Array.from({ length: 5000 }, (_, i) => ({
    path: `/app/node_modules/m${i % 250}/f${i}.js`,
    type: 'file' as const,
    data: `module.exports=${i};\n`.repeat(10),
  })),
);
measure(
  'fs: tar + diffID of a 5,000-file layer',
  () => {
    big.memo.clear();
    return diffId(big);
  },
  { targetMs: 60 },
);

function steps15(baseView: MergedView, count: number, changed: string): MergedView {
  let view = baseView;
  for (let s = 0; s < count; s++) {
    const fs = openOverlay(view);
    fs.mkdir(`/app/s${s}`, { recursive: true });
    for (let k = 0; k < 5; k++)
      fs.writeFile(`/app/s${s}/f${k}`, encoder.encode(s === 14 ? changed : `step ${s}`));
    fs.mkdir(`/var/cache/s${s}`, { recursive: true });
    view = view.push(fs.commit());
  }
  return view;
}

/** Fifteen steps of a few writes each on an 8,000-file base: the fs share of a cold build. */
function build(baseView: MergedView, changed: string): string {
  const view = steps15(baseView, 15, changed);
  const diffIds = view.layers.map((l) => diffId(l));
  chainIds(diffIds);
  return imageId(imageConfigJson({ config: { Cmd: ['sh'] }, diffIds, history: [] }));
}
const base8k = MergedView.of([
  layerFromEntries(baseEntries(8000), { diffId: 'sha256:' + '1'.repeat(64) }),
]);
measure(
  'fs: 15 steps (overlay, writes, commit, push, diffIDs, image ID) on 8,000 files',
  () => build(base8k, 'x'),
  { targetMs: 30 },
);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const one = [openOverlay(image)];
  one[0]!.writeFile('/tmp-1', encoder.encode('x'));
  const withOne = heap();
  const many = Array.from({ length: 100 }, (_, i) => {
    const fs = openOverlay(image);
    fs.writeFile(`/tmp-${i}`, encoder.encode('x'));
    return fs;
  });
  const withMany = heap();
  // Against the image's own footprint (a fresh copy of its tree), not the whole process heap.
  const h0 = heap();
  const copy = treeFromEntries(specs);
  const imageBytes = heap() - h0;
  record(
    'fs: 100 containers vs one, extra heap (% of the image)',
    ((withMany - withOne) / imageBytes) * 100,
    '%',
    5,
  );
  void copy.children.size;

  // 50 rebuilds with one changed file: 14 cached steps are shared, only the last is new.
  const cached = steps15(base8k, 14, 'x');
  const last = (changed: string): MergedView => {
    const fs = openOverlay(cached);
    fs.writeFile('/app/changed.txt', encoder.encode(changed));
    const view = cached.push(fs.commit());
    diffId(view.layers[view.layers.length - 1]!);
    return view;
  };
  const kept = [last('v0')];
  const afterOne = heap();
  for (let i = 1; i < 50; i++) kept.push(last(`v${i}`));
  const afterFifty = heap();
  record('fs: heap with 50 rebuilt images / with one', afterFifty / afterOne, 'x', 2);
  void many.length;
  void one.length;
} else {
  console.log('(memory figures need node --expose-gc)');
}
