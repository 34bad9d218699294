/**
 * Property tests check the same cases on every run, so a test run on one machine is the test run
 * on another. `FC_SEED=<n> npx vitest run` explores other cases; a failure prints its seed.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
