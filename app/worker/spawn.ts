/**
 * Starting the engine's worker. The full page starts it first thing (main.tsx), so that its
 * code loads and compiles, and the lab's images load, while the page renders; the engine
 * client (store/engineClient.ts) then takes that worker rather than starting another.
 */
let early: Worker | undefined;

function spawn(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the worker now, for the engine client to take later. */
export function startEngineWorker(): void {
  early ??= spawn();
}

/** The worker started early (once), or a new one. */
export function takeEngineWorker(): Worker {
  const worker = early ?? spawn();
  early = undefined;
  return worker;
}
