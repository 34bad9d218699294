import { describe, expect, it } from 'vitest';
import { layerFromEntries } from '../fs/index.ts';
import { analyzeEfficiency } from './efficiency.ts';

const file = (path: string, size: number) => ({ path, type: 'file' as const, size });

describe('image efficiency', () => {
  it('matches the golden case: 2000 B rewritten as 5000 B, plus 3000 B and 10000 B files', () => {
    const e = analyzeEfficiency([
      layerFromEntries([file('/f', 2000), file('/a', 3000)]),
      layerFromEntries([file('/f', 5000), file('/b', 10000)]),
    ]);
    expect(e.score).toBe(0.75);
    expect(e.wastedBytes).toBe(7000);
    expect(e.reclaimableBytes).toBe(5000);
    expect(e.paths).toEqual([{ path: '/f', count: 2, cumulative: 7000, min: 2000 }]);
    expect(e.hiddenByLater).toEqual([2000, 0]);
  });
  it('charges a deleted file in a later layer to the layer that added it', () => {
    const e = analyzeEfficiency([
      layerFromEntries([
        { path: '/var/lib/apt/lists', type: 'dir' },
        file('/var/lib/apt/lists/big', 40_000),
      ]),
      layerFromEntries([{ path: '/var/lib/apt/lists/.wh.big', type: 'file' }]),
    ]);
    expect(e.hiddenByLater).toEqual([40_000, 0]);
    expect(e.reclaimableBytes).toBe(40_000);
    expect(e.score).toBe(0);
  });
  it('charges a directory whiteout the subtree it deletes, as dive does', () => {
    const e = analyzeEfficiency([
      layerFromEntries([{ path: '/d', type: 'dir' }, file('/d/x', 100), file('/d/y', 50)]),
      layerFromEntries([{ path: '/.wh.d', type: 'file' }]),
    ]);
    // dive compares the directory (0 B) with its whiteout (the 150 B it deletes).
    expect(e.paths.find((p) => p.path === '/d')).toEqual({
      path: '/d',
      count: 2,
      cumulative: 150,
      min: 0,
    });
    expect(e.hiddenByLater).toEqual([150, 0]);
  });
  it('scores an image without duplicates as 1', () => {
    expect(analyzeEfficiency([layerFromEntries([file('/a', 10)])]).score).toBe(1);
  });
});
