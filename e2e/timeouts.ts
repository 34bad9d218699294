/**
 * How long a wait may take before it counts as a hang. Waits for a build, a lesson or the
 * engine use it: a loaded machine makes them slower, never red. It is not a speed target
 * (speed is measured by `npm run bench`).
 */
export const HANG_MS = 120_000;
