/**
 * The page's handle on the engine. The engine runs in a worker; a call returns a promise;
 * `cancel()` stops whatever runs (by terminating the worker) and restarts it from the last
 * saved engine state, so images built before are still there.
 */
import type { EngineState } from '../engine/daemon/persist.ts';
import type { EngineMethods, MethodName, Reply, Request } from '../engine/session/protocol.ts';

export type Async<T> = {
  [K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never;
};

export interface EngineClient extends Async<EngineMethods> {
  /** Stops the running call (it rejects with CancelledError) and restarts the engine. */
  cancel(): void;
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
  onReply: ((reply: Reply) => void) | undefined;
  terminate(): void;
}

export function workerPort(): Port {
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
  });
  const port: Port = {
    post: (req) => worker.postMessage(req),
    onReply: undefined,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (e: MessageEvent<Reply>) => port.onReply?.(e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    port.onReply?.({ id: -1, ok: false, error: e.message || 'The engine stopped unexpectedly.' });
  };
  return port;
}

export function createEngineClient(makePort: () => Port = workerPort): EngineClient {
  let port = makePort();
  let nextId = 1;
  let lastState: EngineState | undefined;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listen = (p: Port) => {
    p.onReply = (reply) => {
      if (reply.id === -1) {
        for (const [, w] of pending) w.reject(new Error(reply.ok ? 'engine error' : reply.error));
        pending.clear();
        return;
      }
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) {
        if (reply.state) lastState = reply.state;
        waiter.resolve(reply.result);
      } else waiter.reject(new Error(reply.error));
    };
  };
  listen(port);
  const call = <M extends MethodName>(method: M, args: Parameters<EngineMethods[M]>) =>
    new Promise<ReturnType<EngineMethods[M]>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      port.post({ id, method, args });
    });
  return {
    build: (...a) => call('build', a),
    command: (...a) => call('command', a),
    view: (...a) => call('view', a),
    fileContent: (...a) => call('fileContent', a),
    files: (...a) => call('files', a),
    load: (...a) => call('load', a),
    lessonStart: (...a) => call('lessonStart', a),
    lessonGoals: (...a) => call('lessonGoals', a),
    lessonSolution: (...a) => call('lessonSolution', a),
    lessonScore: (...a) => call('lessonScore', a),
    cancel() {
      port.terminate();
      for (const [, w] of pending) w.reject(new CancelledError());
      pending.clear();
      port = makePort();
      listen(port);
      if (lastState) void call('load', [lastState]).catch(() => {});
    },
    dispose() {
      port.terminate();
      pending.clear();
    },
  };
}
