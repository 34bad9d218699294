import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../store/store.ts';
import { openLab } from '../share/labState.ts';
import { getPresent, presentParam, setPresent } from './mode.ts';
import { localEngine } from '../../store/testing/localEngine.ts';
import { presenterState, readPresenterMessage } from './speakerSync.ts';

describe('presenter mode', () => {
  it('reads ?present=', () => {
    expect(presentParam('?present=1')).toBe('on');
    expect(presentParam('?x=2&present=true')).toBe('on');
    expect(presentParam('?present=speaker')).toBe('speaker');
    expect(presentParam('?present=0')).toBe('off');
    expect(presentParam('')).toBe('off');
  });

  it('keeps the editor choice while toggling', () => {
    setPresent({ on: true, editor: true });
    setPresent({ on: false });
    expect(getPresent()).toEqual({ on: false, editor: true });
  });
});

describe('speaker view messages', () => {
  it('describe where the build stands and survive the channel check', async () => {
    const store = createLabStore({ storageKey: null, engine: localEngine() });
    expect(presenterState(store.getState())).toMatchObject({ build: undefined, total: 0 });
    await openLab(store, {
      dockerfile: 'FROM debian:bookworm-slim\nRUN echo a > /a\n',
      files: [],
      builder: 'buildkit',
      noCache: false,
      buildArgs: [],
      tag: 't',
      step: 2,
    });
    const msg = presenterState(store.getState());
    expect(msg).toMatchObject({ type: 'state', build: 1, step: 2, total: 2, current: 1 });
    expect(msg.steps[1]).toEqual({ text: 'RUN echo a > /a', phase: 'built' });
    expect(readPresenterMessage(JSON.parse(JSON.stringify(msg)))).toEqual(msg);
  });

  it('drops what is not a speaker message', () => {
    expect(readPresenterMessage({ type: 'command', to: 'next' })).toEqual({
      type: 'command',
      to: 'next',
    });
    expect(readPresenterMessage({ type: 'command', to: 'rm -rf' })).toBeUndefined();
    expect(readPresenterMessage({ type: 'state', step: 1, total: 2, steps: [1] })).toBeUndefined();
    expect(readPresenterMessage(null)).toBeUndefined();
  });
});
