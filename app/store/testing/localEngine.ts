/**
 * For tests: an engine client that runs the session in this thread (no Worker), replying on a
 * microtask as a worker would, over the test fixtures' images and the built-in packages.
 */
import { resolveTestImage } from '../../engine/build/testing/fixtures.ts';
import { serve } from '../../engine/session/dispatch.ts';
import { LabSession, type SessionOptions } from '../../engine/session/session.ts';
import { builtinCatalog } from '../../engine/shell/packages/builtin.ts';
import { createEngineClient, type Port } from '../engineClient.ts';

export function localEngine(
  options: SessionOptions = { registry: resolveTestImage, catalog: builtinCatalog },
) {
  const session = new LabSession(options);
  return () =>
    createEngineClient(() => {
      const port: Port = {
        onMessage: undefined,
        post: (req) => {
          const sent: Parameters<NonNullable<Port['onMessage']>>[0][] = [];
          serve(session, req, (m) => sent.push(m));
          queueMicrotask(() => sent.forEach((m) => port.onMessage?.(m)));
        },
        terminate() {},
      };
      return port;
    });
}
