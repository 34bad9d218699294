import { describe, expect, it } from 'vitest';
import type { SharedLab } from '../../share/codec.ts';
import { resolveTestImage } from '../../engine/build/testing/fixtures.ts';
import { serve } from '../../engine/session/dispatch.ts';
import type { FromWorker } from '../../engine/session/protocol.ts';
import { LabSession } from '../../engine/session/session.ts';
import { builtinCatalog } from '../../engine/shell/packages/builtin.ts';
import { createEngineClient, type Port } from '../../store/engineClient.ts';
import { createLabStore } from '../../store/store.ts';
import { openLab, shownStep, startLab } from './labState.ts';

const lab = (run: string): SharedLab => ({
  dockerfile: `FROM debian:bookworm-slim\nRUN echo ${run} > /made\nRUN echo two > /two\n`,
  files: [],
  builder: 'buildkit',
  noCache: false,
  buildArgs: [],
  tag: 'app:latest',
});
const STARTER = lab('starter');
const SENT = lab('sent');

/**
 * An engine whose build replies wait until the test lets them go (`release`), as a slow
 * worker's would; other replies come at once. `cancels` counts the builds stopped.
 */
function heldEngine() {
  const session = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
  const held: (() => void)[] = [];
  let cancels = 0;
  const port = (): Port => {
    let live = true;
    const p: Port = {
      onMessage: undefined,
      post: (req) => {
        const sent: FromWorker[] = [];
        serve(session, req, (m) => sent.push(m));
        const reply = () => live && sent.forEach((m) => p.onMessage?.(m));
        if (req.method === 'build') held.push(reply);
        else queueMicrotask(reply);
      },
      terminate: () => {
        if (live) cancels++;
        live = false;
      },
    };
    return p;
  };
  const client = createEngineClient(port);
  return {
    engine: () => client,
    /** Lets the held build replies go, and waits for what they set off. */
    release: async () => {
      for (const reply of held.splice(0)) reply();
      // A task: every promise the replies settle runs first.
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    building: () => held.length,
    cancels: () => cancels,
  };
}

describe('an embed’s own start', () => {
  it('leaves a build the learner clicked before it: not cancelled, not reset to the start', async () => {
    const e = heldEngine();
    const store = createLabStore({ storageKey: null, engine: e.engine, initialLab: STARTER });
    const clicked = store.getState().build();
    const start = startLab(store, STARTER, { at: 'start' });
    expect(e.building()).toBe(1);
    await e.release();
    await Promise.all([clicked, start]);
    const s = store.getState();
    expect(e.cancels()).toBe(0);
    expect(s.builds).toHaveLength(1);
    // The click's build plays, as a click on Build does.
    expect(s.playing).toBe(true);
    expect(s.status.kind).toBe('idle');
  });

  it('leaves a lab the page sent before it, at the step the page moved it to', async () => {
    const e = heldEngine();
    const store = createLabStore({ storageKey: null, engine: e.engine, initialLab: STARTER });
    const sent = openLab(store, SENT, { at: 'start' });
    await e.release();
    await sent;
    store.getState().stepForward();
    const start = startLab(store, STARTER, { at: 'start' });
    await e.release();
    await start;
    const s = store.getState();
    expect(s.dockerfile).toBe(SENT.dockerfile);
    expect(s.builds).toHaveLength(1);
    expect(shownStep(s)).toBe(1);
  });

  it('gives way to a lab the page sends while it builds: the sent lab shows, at its start', async () => {
    const e = heldEngine();
    const store = createLabStore({ storageKey: null, engine: e.engine, initialLab: STARTER });
    const start = startLab(store, STARTER, { at: 'start' });
    expect(store.getState().status.kind).toBe('building');
    const sent = openLab(store, SENT, { at: 'start' });
    // The start's build was stopped for the sent one, which is still running.
    expect(e.cancels()).toBe(1);
    await start;
    expect(store.getState().status.kind).toBe('building');
    await e.release();
    await sent;
    const s = store.getState();
    expect(s.status.kind).toBe('idle');
    expect(s.builds).toHaveLength(1);
    expect(s.builds[0]!.source.dockerfile).toBe(SENT.dockerfile);
    expect(shownStep(s)).toBe(0);
    expect(s.playing).toBe(false);
  });

  it('opens the lab at its start when nothing came first', async () => {
    const e = heldEngine();
    const store = createLabStore({ storageKey: null, engine: e.engine, initialLab: STARTER });
    const start = startLab(store, STARTER, { at: 'start' });
    await e.release();
    await start;
    const s = store.getState();
    expect(s.builds).toHaveLength(1);
    expect(shownStep(s)).toBe(0);
    expect(s.playing).toBe(false);
  });
});
