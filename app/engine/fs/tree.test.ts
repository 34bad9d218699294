import { describe, expect, it } from 'vitest';
import { countNodes, lookup, setPath, treeFromEntries, walk } from './tree.ts';
import { syntheticBase } from './testing/trees.ts';

describe('treeFromEntries', () => {
  it('creates missing parents and keeps metadata, in any entry order', () => {
    const root = treeFromEntries([
      { path: '/usr/bin/sh', type: 'file', mode: 0o755, data: '#!' },
      { path: '/usr', type: 'dir', mode: 0o700, uid: 5 },
      { path: '/bin', type: 'symlink', target: 'usr/bin' },
    ]);
    expect(lookup(root, '/usr')).toMatchObject({ type: 'dir', mode: 0o700, uid: 5 });
    expect(lookup(root, '/usr/bin')).toMatchObject({ type: 'dir', mode: 0o755 });
    expect(lookup(root, '/usr/bin/sh')).toMatchObject({ type: 'file', size: 2, mode: 0o755 });
    expect(lookup(root, '/bin')).toMatchObject({ type: 'symlink', target: 'usr/bin' });
    expect([...walk(root)].map((w) => w.parts.join('/'))).toEqual([
      'bin',
      'usr',
      'usr/bin',
      'usr/bin/sh',
    ]);
  });

  it('gives every path of a hard link one shared node', () => {
    const root = treeFromEntries([
      { path: '/a', type: 'file', data: 'x' },
      { path: '/b', type: 'hardlink', target: '/a' },
      { path: '/c', type: 'hardlink', target: '/b' },
    ]);
    const a = lookup(root, '/a');
    expect(lookup(root, '/b')).toBe(a);
    expect(lookup(root, '/c')).toBe(a);
    expect(a).toMatchObject({ nlink: 3 });
  });

  it('stores sized files as numbers, not bytes', () => {
    const root = treeFromEntries([{ path: '/big', type: 'file', size: 10 * 1024 ** 3 }]);
    const big = lookup(root, '/big');
    expect(big).toMatchObject({ type: 'file', size: 10 * 1024 ** 3 });
    expect(big && 'data' in big).toBe(false);
  });
});

describe('setPath', () => {
  it('copies only the path to the root and shares every other subtree', () => {
    const root = syntheticBase(5000);
    expect(countNodes(root)).toBeGreaterThanOrEqual(5000);
    const next = setPath(root, '/etc/hostname', {
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      mtime: 0,
      size: 3,
    });
    expect(lookup(next, '/usr')).toBe(lookup(root, '/usr'));
    expect(lookup(next, '/etc/os-release')).toBe(lookup(root, '/etc/os-release'));
    expect(lookup(next, '/etc')).not.toBe(lookup(root, '/etc'));
    expect(lookup(root, '/etc/hostname')).toBeUndefined();
    expect(lookup(setPath(next, '/etc/hostname', undefined), '/etc/hostname')).toBeUndefined();
  });
});
