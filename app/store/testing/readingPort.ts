/**
 * For tests: a port over a session on this thread that reads brought files and reports reading
 * progress as the worker does, and the load fixtures as the File a learner picks.
 */
import { resolveTestImage } from '../../engine/build/testing/fixtures.ts';
import { fixture } from '../../engine/images/load/testing/fixtures.ts';
import { serve } from '../../engine/session/dispatch.ts';
import type { FromWorker, Request } from '../../engine/session/protocol.ts';
import { LabSession } from '../../engine/session/session.ts';
import { builtinCatalog } from '../../engine/shell/packages/builtin.ts';
import type { Port } from '../engineClient.ts';

/**
 * A File handed over with `bring` is read first (a worker reads it in slices with
 * FileReaderSync, which Node lacks); `hang.on` holds `command` requests unanswered. Every
 * request is appended to `log`.
 */
export function readingPort(log: Request[], hang: { on: boolean }): Port {
  const sent: FromWorker[] = [];
  const session = new LabSession({
    registry: resolveTestImage,
    catalog: builtinCatalog,
    store: 'overlay2',
    progress: (p) => sent.push({ kind: 'progress', ...p }),
  });
  let queue = Promise.resolve();
  const p: Port = {
    onMessage: undefined,
    post(req) {
      log.push(req);
      if (hang.on && req.method === 'command') return;
      queue = queue.then(async () => {
        const r = req as Request<'bring'>;
        if (r.method === 'bring' && r.args[1] instanceof Blob)
          r.args[1] = new Uint8Array(await r.args[1].arrayBuffer());
        serve(session, req, (m) => sent.push(m));
        for (const m of sent.splice(0)) p.onMessage?.(m);
      });
    },
    terminate() {},
  };
  return p;
}

/** A load fixture (conformance/load/) as a picked File. */
export const fixtureFile = (name: string) =>
  new File([fixture(name) as Uint8Array<ArrayBuffer>], name, { lastModified: 1 });
