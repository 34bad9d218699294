import { afterAll, describe, expect, it } from 'vitest';
import {
  missingRecordings,
  removeWork,
  staleDifferences,
  storeReplay,
  unexplainedDifferences,
} from './replay-suite.ts';

const replay = storeReplay('containerd');
afterAll(() => removeWork(replay));

describe('conformance with Docker 28.5 (containerd image store)', () => {
  it('has recordings for every scenario and builder meant for this store', () => {
    expect(missingRecordings(replay)).toEqual([]);
  });

  for (const { file, rec } of replay.mine) {
    it(`replays ${file.replace(/\.json$/, '')}`, async () => {
      expect(
        await unexplainedDifferences(replay, rec),
        'differences from real Docker not listed in known-differences.ts',
      ).toEqual([]);
    });
  }

  it('lists only differences that still occur, each documented', async () => {
    expect(await staleDifferences(replay)).toEqual([]);
  });
});
