import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainIds, diffId, sha256Digest } from './digest.ts';
import { layerFromEntries } from './layer.ts';

const hex = (s: string): string => 'sha256:' + createHash('sha256').update(s).digest('hex');

describe('digests', () => {
  it('computes ChainIDs as the image spec defines them', () => {
    // diffIDs of oracle/observed/bkit.history+diffids.json
    const ids = [
      'sha256:c2f47133df013efeb48bd3693f6b87c7a8b901de25173c9878179887bd8535a3',
      'sha256:2d6ab03d30e136ead3dd9a0e45e9e72d50a83e96764e8f92a865e799c979bc8c',
      'sha256:7c5f029852a9b77a264ae5129d027a5b109449e22bbc8c06206104bfa466ed52',
    ];
    const chain = chainIds(ids);
    expect(chain[0]).toBe(ids[0]);
    expect(chain[1]).toBe(hex(`${ids[0]} ${ids[1]}`));
    expect(chain[2]).toBe(hex(`${chain[1]} ${ids[2]}`));
    expect(chainIds([])).toEqual([]);
  });

  it('hashes strings as UTF-8', () => {
    expect(sha256Digest('caf\u00e9')).toBe(hex('caf\u00e9'));
  });

  it('remembers a layer digest and honours a known one', () => {
    const layer = layerFromEntries([{ path: '/a', type: 'file', data: 'a' }]);
    const first = diffId(layer);
    expect(diffId(layer)).toBe(first);
    expect(layer.memo.size).toBe(1);
    expect(diffId(layerFromEntries([], { diffId: 'sha256:known' }))).toBe('sha256:known');
  });

  it('changes the diffID with mode and content, not with mtime by default', () => {
    const a = diffId(layerFromEntries([{ path: '/a', type: 'file', data: 'a', mtime: 1 }]));
    expect(diffId(layerFromEntries([{ path: '/a', type: 'file', data: 'a', mtime: 2 }]))).toBe(a);
    expect(
      diffId(layerFromEntries([{ path: '/a', type: 'file', data: 'a', mode: 0o600 }])),
    ).not.toBe(a);
    expect(diffId(layerFromEntries([{ path: '/a', type: 'file', data: 'b' }]))).not.toBe(a);
    const withTime = layerFromEntries([{ path: '/a', type: 'file', data: 'a', mtime: 2 }]);
    expect(diffId(withTime, { mtime: 'preserve' })).not.toBe(a);
  });
});
