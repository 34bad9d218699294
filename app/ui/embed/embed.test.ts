import { describe, expect, it } from 'vitest';
import { encodeLab } from '../../share/codec.ts';
import type { EmbedEvent } from '../../share/embed-protocol.ts';
import { createLabStore } from '../../store/store.ts';
import { connectEmbed } from './bridge.ts';
import { localEngine } from '../../store/testing/localEngine.ts';
import { embedParams } from './params.ts';

/** A stand-in for the embed's window: messages are dispatched to its listeners. */
function fakeWindow() {
  const listeners = new Set<(e: MessageEvent) => void>();
  return {
    addEventListener: (_: string, l: EventListener) => listeners.add(l as never),
    removeEventListener: (_: string, l: EventListener) => listeners.delete(l as never),
    send(data: unknown, origin: string) {
      for (const l of listeners) l({ data, origin } as MessageEvent);
    },
    get count() {
      return listeners.size;
    },
  };
}

const DF = 'FROM debian:bookworm-slim\nRUN echo one > /one\nRUN echo two > /two\n';
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

function setup(origins: string[] = []) {
  const store = createLabStore({ storageKey: null, engine: localEngine() });
  const win = fakeWindow();
  const out: { event: EmbedEvent; origin: string }[] = [];
  const ignored: string[] = [];
  const stop = connectEmbed(store, {
    target: { postMessage: (event, origin) => out.push({ event, origin }) },
    origins,
    source: win as never,
    autoplay: false,
    onIgnored: (r) => ignored.push(r),
  });
  return { store, win, out, ignored, stop };
}

describe('embed postMessage bridge', () => {
  it('loads a lab, steps it, and reports steps and the finished build', async () => {
    const { store, win, out } = setup();
    expect(out[0]).toEqual({ event: { type: 'layerlab:ready' }, origin: '*' });
    win.send({ type: 'layerlab:load', lab: { dockerfile: DF, files: [] } }, 'https://t.example');
    await until(() => out.some((o) => o.event.type === 'layerlab:build-finished'));
    const finished = out.find((o) => o.event.type === 'layerlab:build-finished')!.event;
    expect(finished).toMatchObject({ type: 'layerlab:build-finished', ok: true, steps: 3 });
    expect(store.getState().dockerfile).toBe(DF);
    expect(store.getState().cursor).toBe(0);

    win.send({ type: 'layerlab:step', to: 'next' }, 'https://t.example');
    win.send({ type: 'layerlab:step', to: 'next' }, 'https://t.example');
    const steps = out.filter((o) => o.event.type === 'layerlab:step-changed').map((o) => o.event);
    expect(steps.at(-1)).toEqual({
      type: 'layerlab:step-changed',
      step: 2,
      total: 3,
      instruction: 'RUN echo one > /one',
    });
    win.send({ type: 'layerlab:step', to: 0 }, 'https://t.example');
    expect(out.at(-1)?.event).toMatchObject({ step: 0, instruction: '' });
    win.send({ type: 'layerlab:step', to: 'back' }, 'https://t.example');
    expect(store.getState().cursor).toBe(0);
  });

  it('takes commands only from allowed origins and sends events only to them', async () => {
    const { store, win, out, ignored } = setup(['https://ok.example']);
    expect(out).toEqual([{ event: { type: 'layerlab:ready' }, origin: 'https://ok.example' }]);
    win.send({ type: 'layerlab:build' }, 'https://evil.example');
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().builds).toHaveLength(0);
    expect(ignored).toEqual(['origin https://evil.example is not allowed']);
    win.send({ type: 'layerlab:build' }, 'https://ok.example');
    await until(() => store.getState().builds.length === 1);
    expect(out.every((o) => o.origin === 'https://ok.example')).toBe(true);
  });

  it('ignores other messages quietly and stops listening when disconnected', () => {
    const { win, ignored, stop } = setup();
    win.send('hello', 'https://x.example');
    win.send({ type: 'other:thing' }, 'https://x.example');
    expect(ignored).toEqual([]);
    win.send({ type: 'layerlab:step', to: 'sideways' }, 'https://x.example');
    expect(ignored).toEqual(['step needs to: "next", "back" or a step number']);
    stop();
    expect(win.count).toBe(0);
  });

  it('two embeds do not see each other', async () => {
    const a = setup();
    const b = setup();
    a.win.send({ type: 'layerlab:build' }, 'https://t.example');
    await until(() => a.store.getState().builds.length === 1);
    expect(b.store.getState().builds).toHaveLength(0);
    expect(b.out.map((o) => o.event.type)).toEqual(['layerlab:ready']);
  });
});

describe('embed parameters', () => {
  it('reads panels, flags, origins and the lab', () => {
    const r = encodeLab({
      dockerfile: DF,
      files: [],
      builder: 'buildkit',
      noCache: false,
      buildArgs: [],
      tag: 'x',
    });
    if (!r.ok) throw new Error(r.message);
    const p = embedParams({
      hash: '#' + r.fragment,
      search:
        '?panels=layers,%20FS,bogus,layers&readonly=1&autoplay=true&origins=https://a.example,javascript:x',
    });
    expect(p.panels).toEqual(['layers', 'fs']);
    expect(p.unknown).toEqual(['bogus']);
    expect(p.readonly).toBe(true);
    expect(p.autoplay).toBe(true);
    expect(p.origins).toEqual(['https://a.example']);
    expect(p.hasLab).toBe(true);
  });

  it('defaults to layers and filesystem, editable, click-to-step', () => {
    const p = embedParams({ hash: '', search: '' });
    expect(p).toMatchObject({ panels: ['layers', 'fs'], readonly: false, autoplay: false });
    expect(p.hasLab).toBe(false);
    expect(embedParams({ hash: '', search: '?lab=v1.abc' }).hasLab).toBe(true);
    expect(embedParams({ hash: '', search: '?readonly=0' }).readonly).toBe(false);
  });
});
