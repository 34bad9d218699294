// `npm test`: install what is missing, then typecheck, lint, unit tests, e2e in Chromium.
import { ensureChromium, ensureDependencies, run } from './setup.mjs';

ensureDependencies();
const chromium = ensureChromium();
if (!chromium) process.exit(1);

const env = { ...process.env, LAYERLAB_CHROMIUM: chromium };
if (process.env.CI) env.NO_COLOR = '1';

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['unit tests', ['run', 'test:unit']],
  ['e2e tests', ['run', 'test:e2e']],
];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const status = run('npm', args, { env });
  if (status !== 0) {
    console.error(`\n${name} failed (exit ${status}).`);
    process.exit(status);
  }
}
console.log('\nAll checks passed.');
