/**
 * The page's handle on the engine. The engine runs in a worker; a call returns a promise that
 * the worker's one reply settles. After a call that changed the engine, the worker sends what
 * changed in its saved state; the client keeps the state up to date from those deltas, so
 * `cancel()` can stop whatever runs (by terminating the worker) and restart it where it was,
 * with the images built before.
 */
import { applyPackedDelta, unpackState, type PackedState } from '../engine/session/packed.ts';
import type { ReadProgress } from '../engine/session/brought.ts';
import type { EngineMethods, FromWorker, MethodName, Request } from '../engine/session/protocol.ts';
import { takeEngineWorker } from '../worker/spawn.ts';

export type Async<T> = {
  [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never;
};

export interface EngineClient extends Async<EngineMethods> {
  /** Stops the running call (it rejects with CancelledError) and restarts the engine. */
  cancel(): void;
  /** Told how far the running command has read a file the learner brought. */
  onProgress: ((p: ReadProgress) => void) | undefined;
  dispose(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/** Something that takes requests and answers them: a Worker, or a same-thread stand-in. */
export interface Port {
  post(req: Request): void;
  /** Replies, saved-state deltas, or `crashed` when the worker itself failed. */
  onMessage: ((message: FromWorker | Crashed) => void) | undefined;
  terminate(): void;
}

/** The worker failed outside any request (a script error, out of memory). */
export interface Crashed {
  kind: 'crashed';
  error: string;
}

export function workerPort(): Port {
  const worker = takeEngineWorker();
  const port: Port = {
    post: (req) => worker.postMessage(req),
    onMessage: undefined,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (e: MessageEvent<FromWorker>) => port.onMessage?.(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    port.onMessage?.({ kind: 'crashed', error: e.message || 'The engine stopped unexpectedly.' });
  };
  return port;
}

export function createEngineClient(makePort: () => Port = workerPort): EngineClient {
  let port = makePort();
  let nextId = 1;
  let lastState: PackedState | undefined;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listen = (p: Port) => {
    p.onMessage = (message) => {
      if (message.kind === 'crashed') {
        for (const [, w] of pending) w.reject(new Error(message.error));
        pending.clear();
        return;
      }
      if (message.kind === 'progress') {
        client.onProgress?.({ name: message.name, read: message.read, total: message.total });
        return;
      }
      if (message.kind === 'saved') {
        // A delta that does not follow the state held (never expected) leaves the older state.
        lastState = applyPackedDelta(lastState, message.delta) ?? lastState;
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.result);
      else waiter.reject(new Error(message.error));
    };
  };
  listen(port);
  const call = <M extends MethodName>(method: M, args: Parameters<EngineMethods[M]>) =>
    new Promise<ReturnType<EngineMethods[M]>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.post({ id, method, args });
    });
  const client: EngineClient = {
    onProgress: undefined,
    warm: (...a) => call('warm', a),
    build: (...a) => call('build', a),
    command: (...a) => call('command', a),
    view: (...a) => call('view', a),
    bring: (...a) => call('bring', a),
    shellLine: (...a) => call('shellLine', a),
    shellClose: (...a) => call('shellClose', a),
    fileContent: (...a) => call('fileContent', a),
    image: (...a) => call('image', a),
    files: (...a) => call('files', a),
    layerEntries: (...a) => call('layerEntries', a),
    union: (...a) => call('union', a),
    load: (...a) => call('load', a),
    setStore: (...a) => call('setStore', a),
    setExperimental: (...a) => call('setExperimental', a),
    lessonStart: (...a) => call('lessonStart', a),
    lessonGoals: (...a) => call('lessonGoals', a),
    lessonSolution: (...a) => call('lessonSolution', a),
    lessonScore: (...a) => call('lessonScore', a),
    lessonPar: (...a) => call('lessonPar', a),
    lessonCandidates: (...a) => call('lessonCandidates', a),
    lessonReplay: (...a) => call('lessonReplay', a),
    cancel() {
      port.terminate();
      for (const [, w] of pending) w.reject(new CancelledError());
      pending.clear();
      port = makePort();
      listen(port);
      if (lastState) void call('load', [unpackState(lastState)]).catch(() => {});
    },
    dispose() {
      port.terminate();
      pending.clear();
    },
  };
  return client;
}
