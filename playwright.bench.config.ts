import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** Browser benchmarks: same server and browser as the e2e tests, one worker, no retries. */
export default defineConfig({
  ...base,
  // No Playwright trace: it snapshots the page's DOM around every action and expectation, on
  // the page's main thread, inside the very intervals the benchmarks time.
  use: { ...base.use, trace: 'off' },
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  // The e2e config ignores bench/; here it is the whole point.
  testIgnore: [],
  workers: 1,
  retries: 0,
  // Each benchmark waits on what it measures with HANG_MS; the whole test may take as long as
  // its cases do on a loaded machine (the starts benchmark sets no limit at all).
  timeout: 1_800_000,
});
