/** Runs protocol requests against a session: the worker's whole job, testable without one. */
import type { StateDelta } from '../daemon/persist.ts';
import type { EngineMethods, FromWorker, Reply, Request } from './protocol.ts';
import { MUTATING } from './protocol.ts';
import { packDelta } from './packed.ts';

export interface Dispatchable extends EngineMethods {
  /** What changed in the saved state since the last call. */
  saveDelta(): StateDelta;
}

/** One request's reply (the result, or the problem in words). */
export function dispatch(session: Dispatchable, req: Request): Reply {
  try {
    const fn = session[req.method] as (...a: unknown[]) => unknown;
    const result = fn.apply(session, req.args as unknown[]);
    return { kind: 'reply', id: req.id, ok: true, result };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      kind: 'reply',
      id: req.id,
      ok: false,
      error: `The simulator hit a problem it did not expect: ${message}. Your files are safe; try again, or reset the lab.`,
    };
  }
}

/**
 * Answers a request: its reply first (what the page waits for), then, when it changed the
 * engine, what changed in the saved state.
 */
export function serve(session: Dispatchable, req: Request, post: (m: FromWorker) => void): void {
  const reply = dispatch(session, req);
  post(reply);
  if (!MUTATING.has(req.method)) return;
  try {
    post({ kind: 'saved', delta: packDelta(session.saveDelta()) });
  } catch {
    // Nothing to save that can be saved: a restart after a cancel starts from the last delta.
  }
}
