import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../engine/build/testing/fixtures.ts';
import { LabSession } from '../engine/session/session.ts';
import type { BuildInput } from '../engine/session/types.ts';
import { builtinCatalog } from '../engine/shell/packages/builtin.ts';
import {
  buildProgress,
  playedLayer,
  restingStep,
  stepAnnouncement,
  viewedStep,
} from './progress.ts';

const input = (dockerfile: string, files: BuildInput['files']): BuildInput => ({
  dockerfile,
  files,
  builder: 'buildkit',
  noCache: false,
  buildArgs: {},
  tags: ['app:1'],
});

const DF = [
  'FROM debian:bookworm-slim',
  'WORKDIR /app',
  'COPY req.txt .',
  'RUN echo deps > /deps',
  'COPY app.py .',
  'ENV MODE=prod',
].join('\n');

describe('buildProgress', () => {
  it('plays a build event by event: pending, running, then each outcome with its layer', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const view = s.build(
      input(DF, [
        { path: 'req.txt', content: 'flask\n' },
        { path: 'app.py', content: 'print(1)\n' },
      ]),
    ).build;
    const start = buildProgress(view, 0);
    expect(start.steps.map((x) => x.phase)).toEqual(Array(6).fill('pending'));
    expect(start.done).toBe(false);
    const end = buildProgress(view, view.events.length);
    expect(end.done && end.ok).toBe(true);
    expect(end.steps.map((x) => x.phase)).toEqual([
      'base',
      'built',
      'built',
      'built',
      'built',
      'metadata',
    ]);
    // Each filesystem step points at its own layer of the image, bottom-up.
    const layers = end.steps.map((x) => x.layerIndex);
    const base = view.image!.layers.filter((l) => l.fromBase).length;
    expect(layers.slice(1, 5)).toEqual([base, base + 1, base + 2, base + 3]);
    expect(layers[5]).toBeUndefined();
    expect(stepAnnouncement(end)).toMatch(
      /^Step 6 of 6: ENV MODE=prod - metadata only\. Build finished\.$/,
    );
    const mid = buildProgress(
      view,
      view.events.findIndex((e) => e.type === 'step-start' && e.step === 3) + 1,
    );
    expect(mid.steps[3]!.phase).toBe('running');
    expect(mid.steps[4]!.phase).toBe('pending');
    expect(stepAnnouncement(mid)).toBe('Step 4 of 6: RUN echo deps > /deps - running');

    // Change the source only: the steps above it stay cached, the reason is named.
    const again = s.build(
      input(DF, [
        { path: 'req.txt', content: 'flask\n' },
        { path: 'app.py', content: 'print(2)\n' },
      ]),
    ).build;
    const p = buildProgress(again, again.events.length);
    expect(p.steps.map((x) => x.phase)).toEqual([
      'base',
      'cached',
      'cached',
      'cached',
      'built',
      'metadata',
    ]);
    const miss = p.steps[4]!.cache;
    expect(miss?.hit).toBe(false);
    expect(miss && !miss.hit ? miss.reason.text : '').toMatch(/app\.py/);
  });

  it('marks the failing step and keeps the steps after it pending', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const view = s.build(
      input('FROM debian:bookworm-slim\nRUN nosuchcmd\nRUN echo after', []),
    ).build;
    const p = buildProgress(view, view.events.length);
    expect(p.ok).toBe(false);
    expect(p.steps[1]!.phase).toBe('failed');
    expect(p.steps[1]!.error?.message).toMatch(/exit code: 127/);
    expect(p.steps[2]!.phase).toBe('pending');
    expect(stepAnnouncement(p)).toMatch(/failed\. Build failed\.$/);
  });

  it('puts a value BuildKit refuses before running anything on the card of its instruction', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const view = s.build(
      input('FROM debian:bookworm-slim\nRUN echo hi\nEXPOSE eighty\n', []),
    ).build;
    const p = buildProgress(view, view.events.length);
    expect(p.ok).toBe(false);
    expect(p.error).toBe(undefined);
    expect(p.steps.map((x) => x.phase)).toEqual(['pending', 'pending', 'failed']);
    expect(p.steps[2]!.error?.message).toBe('invalid containerPort: eighty');
    expect(p.current).toBe(2);
  });
});

describe('playedLayer', () => {
  it('follows the build as it plays: the base, then each new layer, then the top', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const view = s.build(
      input(DF, [
        { path: 'req.txt', content: 'flask\n' },
        { path: 'app.py', content: 'print(1)\n' },
      ]),
    ).build;
    const layers = view.image!.layers;
    const base = layers.filter((l) => l.fromBase).length - 1;
    expect(playedLayer(buildProgress(view, 0), layers)).toBeUndefined();
    const seen: number[] = [];
    for (let c = 1; c <= view.events.length; c++) {
      const at = playedLayer(buildProgress(view, c), layers);
      if (at !== undefined && seen.at(-1) !== at) seen.push(at);
    }
    // WORKDIR, COPY, RUN and COPY each add a layer on the base; ENV adds none.
    expect(seen).toEqual([base, base + 1, base + 2, base + 3, base + 4]);
    expect(seen.at(-1)).toBe(layers.length - 1);
  });
});

describe('restingStep', () => {
  const files = (app: string) => [
    { path: 'req.txt', content: 'flask\n' },
    { path: 'app.py', content: app },
  ];
  const DFCMD = `${DF}\nCMD ["python3", "app.py"]`;

  it('rests a rebuild on the first rebuilt step, not on CMD', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    s.build(input(DFCMD, files('print(1)\n')));
    const view = s.build(input(DFCMD, files('print(2)\n'))).build;
    const p = buildProgress(view, view.events.length);
    expect(p.steps[restingStep(p)!]!.info.text).toBe('COPY app.py .');
    // Until the build is over there is no resting place; the panels follow the playing step.
    const half = buildProgress(view, 3);
    expect(restingStep(half)).toBe(undefined);
    expect(viewedStep(half, { selected: undefined, resting: true })).toBe(half.current);
    // A step the learner chose wins.
    expect(viewedStep(p, { selected: 1, resting: true })).toBe(1);
    expect(viewedStep(p, { selected: undefined, resting: true })).toBe(4);
    // Once the learner moves the playback, the panels follow it (to the end: the last step).
    expect(viewedStep(p, { selected: undefined, resting: false })).toBe(p.current);
  });

  it('rests a first build, and a build all from the cache, on the top layer', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const first = s.build(input(DFCMD, files('print(1)\n'))).build;
    const again = s.build(input(DFCMD, files('print(1)\n'))).build;
    for (const view of [first, again]) {
      const p = buildProgress(view, view.events.length);
      expect(p.steps[restingStep(p)!]!.info.text).toBe('COPY app.py .');
    }
  });

  it('rests a failed build on its failure', () => {
    const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
    const view = s.build(input('FROM debian:bookworm-slim\nRUN nosuchcmd\nCMD ["sh"]', [])).build;
    expect(restingStep(buildProgress(view, view.events.length))).toBe(1);
  });
});
