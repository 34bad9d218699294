// `npm run bench`: every scripts/bench/*.bench.ts in Node, then the browser benchmarks
// (e2e/bench/*.bench.ts through Playwright). Prints one PASS/MISS line per figure.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, root, run } from './setup.mjs';

ensureDependencies();
const only = process.argv[2];
const dir = join(root, 'scripts', 'bench');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const status = run('node', ['--expose-gc', '--import', 'tsx', join(dir, file)]);
  if (status !== 0) failed++;
}
if (!only || only === 'browser') {
  const chromium = ensureChromium();
  if (chromium) {
    console.log('\n# browser benchmarks (Playwright, headless Chromium)');
    const status = run('npx', ['playwright', 'test', '-c', 'playwright.bench.config.ts'], {
      env: { ...process.env, LAYERLAB_CHROMIUM: chromium },
    });
    if (status !== 0) failed++;
  }
}
process.exit(failed ? 1 : 0);
