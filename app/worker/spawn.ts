/**
 * Starting the engine's worker. The full page starts it first thing (main.tsx), with the lab
 * it will open, so that its code loads and compiles, the lab's images load and its build is
 * rehearsed while the page renders; the engine client (store/engineClient.ts) then takes that
 * worker rather than starting another.
 */
import type { BuildInput } from '../engine/session/types.ts';
import type { Request } from '../engine/session/protocol.ts';

let early: Worker | undefined;

/** The early warm-up's request id: the engine client numbers its own from 1, so none meet. */
const EARLY_WARM_ID = 0;

function spawn(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the worker now, for the engine client to take later; with `lab`, the worker starts
 * warming up for it at once (the store's own warm-up for the same lab then waits for that one).
 */
export function startEngineWorker(lab?: Pick<BuildInput, 'dockerfile' | 'files'>): void {
  if (early) return;
  early = spawn();
  if (lab) {
    const req: Request<'warm'> = { id: EARLY_WARM_ID, method: 'warm', args: [lab] };
    early.postMessage(req);
  }
}

/** The worker started early (once), or a new one. */
export function takeEngineWorker(): Worker {
  const worker = early ?? spawn();
  early = undefined;
  return worker;
}
