import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** Browser benchmarks: same server and browser as the e2e tests, one worker, no retries. */
export default defineConfig({
  ...base,
  testDir: 'e2e/bench',
  testMatch: '**/*.bench.ts',
  // The e2e config ignores bench/; here it is the whole point.
  testIgnore: [],
  workers: 1,
  retries: 0,
  timeout: 120_000,
});
