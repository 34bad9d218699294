import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'app/**/*.test.ts',
      'app/**/*.test.tsx',
      'conformance/**/*.test.ts',
      'lessons/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // The engine hashes with node:crypto in the tests, as in the CLI (the digests are the same).
    setupFiles: ['app/node/hash.ts', 'app/node/fast-check-seed.ts'],
    // A guard against hangs, not a speed limit: replaying a lesson's solution takes ~2 s alone
    // and 25 s on a machine shared by several test runs.
    testTimeout: 180_000,
  },
});
