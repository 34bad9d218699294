import { describe, expect, it } from 'vitest';
import { resolveTestImage, simpleExpand } from '../build/testing/fixtures.ts';
import { copy, from, plan, run } from '../build/testing/steps.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { Engine } from './engine.ts';
import { loadEngine, saveEngine } from './persist.ts';

const p = plan([
  from('debian:bookworm-slim'),
  copy(['a.txt'], '/a.txt'),
  run('rm -rf /etc/apt && mkdir /etc/apt && echo x > /etc/apt/y && ln -s /a.txt /link'),
]);
const make = () =>
  new Engine({
    planner: () => ({ plan: p, diagnostics: [] }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => 5,
  });

describe('engine state', () => {
  it('survives a save and a load: images, tags, layers with whiteouts, and the cache', () => {
    const a = make();
    const built = a.build({
      dockerfile: 'x',
      files: [{ path: 'a.txt', content: 'hello\n' }],
      tags: ['app:1'],
    });
    const json = JSON.parse(JSON.stringify(saveEngine(a))) as ReturnType<typeof saveEngine>;
    const b = make();
    loadEngine(b, json);
    const restored = b.images.resolve('app:1');
    expect(restored.id).toBe(built.image!.id);
    expect(restored.layers.at(-1)!.stats).toEqual(built.image!.layers.at(-1)!.stats);
    const again = b.build({
      dockerfile: 'x',
      files: [{ path: 'a.txt', content: 'hello\n' }],
      tags: ['app:1'],
    });
    expect(
      again.events
        .filter((e) => e.type === 'step-done')
        .map((e) => e.type === 'step-done' && e.outcome),
    ).toEqual(['base', 'cached', 'cached']);
    expect(again.image!.id).toBe(built.image!.id);
  });
  it('refuses a state from another version with a clear message', () => {
    expect(() => loadEngine(make(), { ...saveEngine(make()), version: 99 })).toThrow(
      /another version of Layerlab/,
    );
  });
});

describe('engine state, saved twice', () => {
  it('keeps built layers inline after a load and a second save', () => {
    const a = make();
    a.build({ dockerfile: 'x', files: [{ path: 'a.txt', content: 'hello\n' }], tags: ['app:1'] });
    const b = make();
    loadEngine(b, JSON.parse(JSON.stringify(saveEngine(a))) as ReturnType<typeof saveEngine>);
    const c = make();
    loadEngine(c, JSON.parse(JSON.stringify(saveEngine(b))) as ReturnType<typeof saveEngine>);
    expect(c.images.resolve('app:1').id).toBe(a.images.resolve('app:1').id);
  });
});
