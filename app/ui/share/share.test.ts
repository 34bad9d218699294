import { describe, expect, it } from 'vitest';
import { decodeLab, encodeLab, type SharedLab } from '../../share/codec.ts';
import { createLabStore } from '../../store/store.ts';
import { labFromHash, labFromLocation, labFromParam, shareLink } from './fromUrl.ts';
import { labFileName, labFromFileText, labToFileText } from './labFile.ts';
import { localEngine } from '../../store/testing/localEngine.ts';
import { cursorForStep, labFromState, openLab, shownStep, stepCount } from './labState.ts';

const LAB: SharedLab = {
  dockerfile: 'FROM debian:bookworm-slim\nCOPY app.py /app/\nRUN echo built > /built\nCMD ["x"]\n',
  files: [{ path: 'app.py', content: 'print("hi")\n' }],
  builder: 'classic',
  noCache: true,
  buildArgs: [{ name: 'V', value: '1' }],
  tag: 'demo:1',
  step: 2,
};

describe('opening a shared lab', () => {
  it('restores the Dockerfile, files and settings, builds, and shows the step', async () => {
    const store = createLabStore({ storageKey: null, engine: localEngine(), initialLab: LAB });
    expect(store.getState().dockerfile).toBe(LAB.dockerfile);
    expect(store.getState().builder).toBe('classic');
    await openLab(store, LAB);
    const s = store.getState();
    expect(s.builds).toHaveLength(1);
    expect(s.playing).toBe(false);
    expect(shownStep(s)).toBe(2);
    expect(s.cursor).toBe(cursorForStep(s, 2));
    expect(s.cursor).toBeLessThan(s.builds[0]!.view.events.length);
  });

  it('round-trips through a link: the same lab at the same step', async () => {
    const a = createLabStore({ storageKey: null, engine: localEngine(), initialLab: LAB });
    await openLab(a, LAB);
    a.getState().stepForward();
    const shared = labFromState(a.getState());
    expect(shared.step).toBe(3);
    const link = shareLink('https://layerlab.example/?x=1#old', shared);
    expect(link.ok && link.url?.startsWith('https://layerlab.example/?x=1#lab=v1.')).toBe(true);
    const back = labFromHash(new URL(link.url!).hash);
    expect(back).toEqual({ kind: 'lab', lab: shared });
    const b = createLabStore({ storageKey: null, engine: localEngine() });
    await openLab(b, shared);
    expect(labFromState(b.getState())).toEqual(shared);
  });

  it('without a step shows the end (link), the start (click-to-step) or plays', async () => {
    const { step: _unused, ...noStep } = LAB;
    const end = createLabStore({ storageKey: null, engine: localEngine() });
    await openLab(end, noStep);
    expect(shownStep(end.getState())).toBe(stepCount(end.getState()));
    const start = createLabStore({ storageKey: null, engine: localEngine() });
    await openLab(start, noStep, { at: 'start' });
    expect(start.getState().cursor).toBe(0);
    expect(start.getState().playing).toBe(false);
    const play = createLabStore({ storageKey: null, engine: localEngine() });
    await openLab(play, noStep, { at: 'play' });
    expect(play.getState().playing).toBe(true);
  });

  it('a step past the end of the build shows the end', async () => {
    const store = createLabStore({ storageKey: null, engine: localEngine() });
    await openLab(store, { ...LAB, step: 999 });
    const s = store.getState();
    expect(s.cursor).toBe(s.builds[0]!.view.events.length);
  });
});

describe('links in the address', () => {
  it('reads #lab=, then ?lab= (codec form or JSON), and says what is wrong', () => {
    const r = encodeLab(LAB);
    if (!r.ok) throw new Error(r.message);
    expect(labFromLocation({ hash: '#' + r.fragment, search: '' })).toEqual({
      kind: 'lab',
      lab: LAB,
    });
    const v1 = r.fragment.slice('lab='.length);
    expect(labFromLocation({ hash: '', search: `?lab=${encodeURIComponent(v1)}` })).toEqual({
      kind: 'lab',
      lab: LAB,
    });
    expect(labFromParam(JSON.stringify(LAB))).toEqual({ kind: 'lab', lab: LAB });
    expect(labFromLocation({ hash: '', search: '' })).toEqual({ kind: 'none' });
    expect(labFromLocation({ hash: '#section-2', search: '' })).toEqual({ kind: 'none' });
    const cut = labFromHash('#' + r.fragment.slice(0, r.fragment.length - 20));
    expect(cut.kind).toBe('error');
    expect(cut.kind === 'error' && cut.message).toMatch(/damaged/);
    const bad = labFromParam('{"dockerfile": 3}');
    expect(bad).toEqual({ kind: 'error', message: 'The lab in this address has no Dockerfile.' });
    expect(labFromParam('{oops').kind).toBe('error');
  });

  it('refuses to make a link that is too long, with the codec sentence', () => {
    let seed = 1;
    const noise = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
    const r = shareLink('https://x.example/', { ...LAB, files: [{ path: 'big', content: noise }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/too big for a link/);
  });
});

describe('lab files', () => {
  it('exports and imports the same lab', () => {
    const text = labToFileText(LAB);
    expect(labFromFileText(text)).toEqual({ ok: true, lab: LAB });
    expect(labFileName(LAB)).toBe('demo-1.layerlab.json');
    expect(labFileName({ ...LAB, tag: '' })).toBe('lab.layerlab.json');
  });

  it('says in a sentence what is wrong with a file', () => {
    expect(labFromFileText('not json')).toEqual({
      ok: false,
      message: 'This file is not a Layerlab lab: it is not JSON.',
    });
    expect(labFromFileText('{"hello":1}')).toEqual({
      ok: false,
      message: 'This file is not a Layerlab lab.',
    });
    const other = JSON.stringify({ layerlab: 'lab', version: 9, lab: LAB });
    expect(labFromFileText(other).ok).toBe(false);
    const broken = JSON.stringify({ layerlab: 'lab', version: 1, lab: { ...LAB, builder: 'x' } });
    expect(labFromFileText(broken)).toEqual({
      ok: false,
      message: "This file's builder setting is damaged.",
    });
    expect(labFromFileText('x'.repeat(2_000_001)).ok).toBe(false);
  });

  it('a link and a file of one lab decode to the same lab', () => {
    const r = encodeLab(LAB);
    if (!r.ok) throw new Error(r.message);
    const fromLink = decodeLab(r.fragment);
    expect(fromLink).toEqual(labFromFileText(labToFileText(LAB)));
  });
});
