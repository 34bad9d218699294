/**
 * For tests: an engine client that runs the session in this thread (no Worker), replying on a
 * microtask as a worker would, over the test fixtures' images and the built-in packages.
 */
import { resolveTestImage } from '../engine/build/testing/fixtures.ts';
import { dispatch } from '../engine/session/dispatch.ts';
import { LabSession } from '../engine/session/session.ts';
import { builtinCatalog } from '../engine/shell/packages/builtin.ts';
import { createEngineClient, type Port } from './engineClient.ts';

export function localEngine() {
  const session = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
  return () =>
    createEngineClient(() => {
      const port: Port = {
        onReply: undefined,
        post: (req) => {
          const reply = dispatch(session, req);
          queueMicrotask(() => port.onReply?.(reply));
        },
        terminate() {},
      };
      return port;
    });
}
