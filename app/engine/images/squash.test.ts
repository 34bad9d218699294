import { describe, expect, it } from 'vitest';
import { MergedView, layerChanges, layerFromEntries } from '../fs/index.ts';
import { squashLayers } from './squash.ts';

const base = layerFromEntries([
  { path: '/etc/keep', type: 'file', data: 'k\n' },
  { path: '/etc/gone', type: 'file', data: 'g\n' },
  { path: '/opt/tool/a', type: 'file', data: 'a\n' },
  { path: '/opt/tool/b', type: 'file', data: 'b\n' },
  { path: '/srv', type: 'file', data: 'was a file\n' },
]);

describe('squashLayers', () => {
  it('keeps only the net change of several layers over the base', () => {
    const steps = [
      layerFromEntries([
        { path: '/tmp/big', type: 'file', size: 1_000_000 },
        { path: '/etc/.wh.gone', type: 'file' },
      ]),
      layerFromEntries([
        { path: '/tmp/.wh.big', type: 'file' },
        { path: '/opt/tool/.wh..wh..opq', type: 'file' },
        { path: '/opt/tool/c', type: 'file', data: 'c\n' },
        { path: '/srv/index.html', type: 'file', data: '<p>\n' },
      ]),
    ];
    const squashed = squashLayers([base], steps);
    // The 1 MB file added and removed again costs nothing once squashed.
    expect(squashed.stats.size).toBe('c\n'.length + '<p>\n'.length);
    const lower = MergedView.of([base]).root;
    expect(layerChanges(squashed, lower).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'C /etc',
      'D /etc/gone',
      'C /opt',
      'C /opt/tool',
      'D /opt/tool/a',
      'D /opt/tool/b',
      'A /opt/tool/c',
      'C /srv',
      'A /srv/index.html',
      'A /tmp',
    ]);
    // The merged result is the same with the one layer as with the many.
    const many = MergedView.of([base, ...steps]);
    const one = MergedView.of([base, squashed]);
    for (const p of ['/etc/keep', '/opt/tool/c', '/srv/index.html'])
      expect(one.lookup(p)).toEqual(many.lookup(p));
    for (const p of ['/etc/gone', '/opt/tool/a', '/tmp/big'])
      expect([one.lookup(p), many.lookup(p)]).toEqual([undefined, undefined]);
  });

  it('gives an empty layer when the steps change nothing', () => {
    expect(squashLayers([base], []).stats.entries).toBe(0);
  });
});
