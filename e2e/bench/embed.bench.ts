// Embed figures: an embed with the layers panel only. The JavaScript it loads before its first
// paint (gzip; the engine's worker, loaded after, separately), the time to first paint (median
// of 5), and the memory of a page with three embeds against a page with one (the renderer
// process, workers included, after the builds). Part of npm run bench.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures.ts';

function report(name: string, value: number, unit: string, target: number) {
  const digits = unit === 'ms' ? 0 : unit === 'x' ? 2 : 1;
  console.log(
    `${value < target ? 'PASS' : 'MISS'}  ${name}: ${value.toFixed(digits)} ${unit} (target < ${target} ${unit})`,
  );
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The built files (LAYERLAB_DIST when the server serves another build folder). */
const DIST = process.env.LAYERLAB_DIST ?? 'dist';

const gzipKB = (paths: Iterable<string>) =>
  [...paths].reduce((n, p) => n + gzipSync(readFileSync(join(DIST, p))).length, 0) / 1024;

/** Renderer processes started by this test process's browser, and their memory (PSS, KB). */
function rendererPss(): number {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid, i = 0; p > 1 && i < 20; p = parent.get(p) ?? 0, i++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  let kb = 0;
  for (const [pid, line] of cmd) {
    if (!line.includes('--type=renderer') || !mine(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // Gone.
    }
  }
  return kb;
}

/** A page with `n` layers-only embeds of the starter lab, once every build has finished. */
async function pageMemory(browser: Browser, n: number): Promise<{ pss: number; heap: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const frames = Array.from(
    { length: n },
    (_, i) =>
      `<iframe id="e${i}" style="width:800px;height:400px" src="/embed.html?panels=layers"></iframe>`,
  ).join('');
  // A tutorial page of our own origin, served by the test.
  await page.route('**/bench-embeds.html', (r) =>
    r.fulfill({ contentType: 'text/html', body: `<!doctype html><body>${frames}</body>` }),
  );
  await page.goto('/bench-embeds.html');
  for (let i = 0; i < n; i++) {
    await expect(page.frameLocator(`#e${i}`).getByTestId('timeline.where')).toHaveText(
      /Not started/,
      { timeout: 60_000 },
    );
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  await page.waitForTimeout(1000);
  const metrics = await cdp.send('Performance.getMetrics');
  const heap = metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const pss = rendererPss();
  await context.close();
  return { pss, heap };
}

test('embed: JavaScript size, first paint, memory of three embeds', async ({ browser }) => {
  const paints: number[] = [];
  let before = new Set<string>();
  let after = new Set<string>();
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const all = new Set<string>();
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) all.add(path);
    });
    await page.goto('/embed.html?panels=layers');
    // The first paint, and the scripts requested before it (from the page's resource timing).
    const { fcp, early } = await page.evaluate(
      () =>
        new Promise<{ fcp: number; early: string[] }>((resolve) => {
          new PerformanceObserver((list) => {
            const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
            if (!e) return;
            const scripts = performance
              .getEntriesByType('resource')
              .filter((r) => r.name.endsWith('.js') && r.startTime <= e.startTime)
              .map((r) => new URL(r.name).pathname);
            resolve({ fcp: e.startTime, early: scripts });
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await expect(page.getByTestId('timeline.where')).toHaveText(/Not started/, {
      timeout: 60_000,
    });
    paints.push(fcp);
    before = new Set(early);
    after = all;
    await context.close();
  }
  const worker = [...after].filter((p) => !before.has(p));
  console.log(`      scripts before first paint: ${[...before].join(', ')}`);
  console.log(`      loaded later: ${worker.join(', ') || '(none)'}`);
  report('embed JavaScript before first paint (gzip)', gzipKB(before), 'KB', 120);
  console.log(`      engine worker and later chunks (gzip): ${gzipKB(worker).toFixed(1)} KB`);
  report('embed first contentful paint, median of 5', median(paints), 'ms', 1000);

  const one = await pageMemory(browser, 1);
  const three = await pageMemory(browser, 3);
  console.log(
    `      renderer memory (PSS): one embed ${(one.pss / 1024).toFixed(1)} MB, three ${(three.pss / 1024).toFixed(1)} MB; main-thread JS heap: ${(one.heap / 1048576).toFixed(1)} MB, ${(three.heap / 1048576).toFixed(1)} MB`,
  );
  report('memory of three embeds / one (renderer PSS)', three.pss / one.pss, 'x', 1.5);
  report('main-thread JS heap of three embeds / one', three.heap / one.heap, 'x', 1.5);
});
