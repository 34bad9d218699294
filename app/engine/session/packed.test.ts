import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { applyStateDelta, type EngineState } from '../daemon/persist.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import {
  applyPackedDelta,
  packDelta,
  transferables,
  unpackState,
  type PackedState,
} from './packed.ts';
import { LabSession } from './session.ts';

const input = (dockerfile: string) => ({
  dockerfile,
  files: [{ path: 'a.txt', content: 'one\n' }],
  builder: 'buildkit' as const,
  noCache: false,
  buildArgs: {},
  tags: ['app:1'],
});

describe('packed saved state', () => {
  it('unpacks to the state the plain deltas give, build after build', () => {
    const s = new LabSession({
      registry: resolveTestImage,
      catalog: builtinCatalog,
      clock: () => 1,
    });
    let plain: EngineState | undefined;
    let packed: PackedState | undefined;
    const steps = [
      'FROM debian:bookworm-slim\nCOPY a.txt /a\nRUN echo two > /b',
      'FROM debian:bookworm-slim\nCOPY a.txt /a\nRUN echo three > /b && rm /a',
      'FROM alpine:3.19\nRUN mkdir /x',
    ];
    for (const df of steps) {
      s.build(input(df));
      const delta = s.saveDelta();
      plain = applyStateDelta(plain, delta);
      const p = packDelta(delta);
      expect(p.layers).toBeInstanceOf(Uint8Array);
      expect(transferables({ kind: 'saved', delta: p })).toEqual([p.layers.buffer]);
      packed = applyPackedDelta(packed, p);
      expect(packed).toBeDefined();
      expect(unpackState(packed!)).toEqual(plain);
    }
    expect(plain!.layers.length).toBeGreaterThan(3);
    // A restarted engine loads it back to the same images.
    const again = new LabSession({
      registry: resolveTestImage,
      catalog: builtinCatalog,
      clock: () => 1,
    });
    again.load(unpackState(packed!));
    expect(again.view()).toEqual(s.view());
  });

  it('refuses a delta that does not follow the state held', () => {
    const s = new LabSession({
      registry: resolveTestImage,
      catalog: builtinCatalog,
      clock: () => 1,
    });
    s.build(input('FROM debian:bookworm-slim\nCOPY a.txt /a'));
    const first = packDelta(s.saveDelta());
    s.build(input('FROM debian:bookworm-slim\nCOPY a.txt /b'));
    const second = packDelta(s.saveDelta());
    expect(second.from).toBeGreaterThan(0);
    expect(applyPackedDelta(undefined, second)).toBeUndefined();
    const held = applyPackedDelta(undefined, first)!;
    expect(applyPackedDelta({ ...held, count: held.count + 1 }, second)).toBeUndefined();
    expect(applyPackedDelta(held, second)?.count).toBe(first.count + second.count);
  });
});
