/** Runs one protocol request against a session: the worker's whole job, testable without one. */
import type { EngineState } from '../daemon/persist.ts';
import type { EngineMethods, Reply, Request } from './protocol.ts';
import { MUTATING } from './protocol.ts';

export interface Dispatchable extends EngineMethods {
  save(): EngineState;
}

export function dispatch(session: Dispatchable, req: Request): Reply {
  try {
    const fn = session[req.method] as (...a: unknown[]) => unknown;
    const result = fn.apply(session, req.args as unknown[]);
    return {
      id: req.id,
      ok: true,
      result,
      state: MUTATING.has(req.method) ? session.save() : undefined,
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      id: req.id,
      ok: false,
      error: `The simulator hit a problem it did not expect: ${message}. Your files are safe; try again, or reset the lab.`,
    };
  }
}
