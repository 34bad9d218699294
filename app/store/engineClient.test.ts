import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../engine/build/testing/fixtures.ts';
import { serve } from '../engine/session/dispatch.ts';
import type { Request } from '../engine/session/protocol.ts';
import { LabSession } from '../engine/session/session.ts';
import { builtinCatalog } from '../engine/shell/packages/builtin.ts';
import type { EngineState } from '../engine/daemon/persist.ts';
import { CancelledError, createEngineClient, type Port } from './engineClient.ts';

/** A port that answers from a session on this thread, or holds requests to simulate a hang. */
function localPort(log: Request[], hang: { on: boolean }): Port {
  const session = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
  const port: Port = {
    onMessage: undefined,
    post(req) {
      log.push(req);
      if (hang.on) return;
      serve(session, req, (m) => queueMicrotask(() => port.onMessage?.(m)));
    },
    terminate() {},
  };
  return port;
}

const DF = 'FROM debian:bookworm-slim\nRUN echo hi > /hi\n';
const input = {
  dockerfile: DF,
  files: [],
  builder: 'buildkit' as const,
  noCache: false,
  buildArgs: {},
  tags: ['app:1'],
};

describe('engine client', () => {
  it('calls the session and resolves with its views', async () => {
    const log: Request[] = [];
    const client = createEngineClient(() => localPort(log, { on: false }));
    const { build, engine } = await client.build(input);
    expect(build.ok).toBe(true);
    // One round trip: the reply holds the images after the build.
    expect(engine.images.flatMap((i) => i.names)).toContain('app:1');
    expect(log.map((r) => r.method)).toEqual(['build']);
  });

  it('reports a failure in words, not a crash', async () => {
    const client = createEngineClient(() => localPort([], { on: false }));
    await expect(client.fileContent({ image: 'nope' }, '/x')).resolves.toEqual({ kind: 'missing' });
  });

  it('cancels a hung call and restarts from the last saved state', async () => {
    const hang = { on: false };
    const logs: Request[][] = [];
    const client = createEngineClient(() => {
      const log: Request[] = [];
      logs.push(log);
      return localPort(log, hang);
    });
    await client.build(input);
    hang.on = true;
    const stuck = client.build({ ...input, noCache: true });
    client.cancel();
    await expect(stuck).rejects.toBeInstanceOf(CancelledError);
    expect(logs).toHaveLength(2);
    // The restarted engine loads the state the deltas built up: the first build's image.
    expect(logs[1]![0]!.method).toBe('load');
    const [state] = logs[1]![0]!.args as [EngineState];
    expect(state.tags.map(([name]) => name)).toContain('app:1');
    hang.on = false;
  });
});
