import { describe, expect, it } from 'vitest';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';

// The layers of oracle/observed/bkit.layers.txt (base replaced by a small one).
const base = layerFromEntries([{ path: '/etc/passwd', type: 'file', data: 'root\n' }]);
const run1 = layerFromEntries([
  { path: '/data/del.txt', type: 'file', data: 'two\n' },
  { path: '/data/f1', type: 'file', data: 'one\n' },
  { path: '/gone/sub/g', type: 'file', data: 'x\n' },
  { path: '/repl/old', type: 'file', data: 'y\n' },
]);
const workdir = layerFromEntries([{ path: '/app', type: 'dir' }]);
const run2 = layerFromEntries([
  { path: '/data/.wh.del.txt', type: 'file' },
  { path: '/data/greet', type: 'file', data: 'hi\n' },
  { path: '/.wh.gone', type: 'file' },
  // The marker comes after the new child here: opaque markers apply first whatever the order.
  { path: '/repl/new', type: 'file', data: 'new\n' },
  { path: '/repl/.wh..wh..opq', type: 'file' },
]);
const view = MergedView.of([base, run1, workdir, run2]);

describe('MergedView', () => {
  it('shows the union: upper wins, whiteouts delete, opaque directories hide lower children', () => {
    expect(view.readdir('/')).toEqual(['app', 'data', 'etc', 'repl']);
    expect(view.readdir('/data')).toEqual(['f1', 'greet']);
    expect(view.readdir('/repl')).toEqual(['new']);
    expect(view.lookup('/gone/sub/g')).toBeUndefined();
  });

  it('shares the untouched parts of the lower view', () => {
    const lower = MergedView.of([base, run1]);
    expect(lower.push(workdir).lookup('/data')).toBe(lower.lookup('/data'));
    expect(lower.push(workdir).lookup('/etc')).toBe(lower.lookup('/etc'));
  });

  it('tells which layer provides, shadows, merges and deletes a path', () => {
    expect(view.provenance('/data/greet')).toMatchObject({
      providedBy: 3,
      shadows: [],
      deletedBy: undefined,
    });
    expect(view.provenance('/data')).toMatchObject({ providedBy: 3, mergedWith: [1] });
    expect(view.provenance('/data/del.txt')).toMatchObject({
      node: undefined,
      deletedBy: 3,
      hides: [1],
    });
    expect(view.provenance('/gone/sub/g')).toMatchObject({ deletedBy: 3, hides: [1] });
    expect(view.provenance('/repl/old')).toMatchObject({ deletedBy: 3, hides: [1] });
    expect(view.provenance('/repl')).toMatchObject({ providedBy: 3, mergedWith: [], shadows: [1] });
    expect(view.provenance('/etc/passwd').layers).toEqual([{ layer: 0, role: 'file' }]);
  });

  it('reports a file rewritten in a later layer as shadowing the earlier one', () => {
    const v = MergedView.of([
      base,
      layerFromEntries([{ path: '/etc/passwd', type: 'file', data: 'x' }]),
    ]);
    expect(v.provenance('/etc/passwd')).toMatchObject({ providedBy: 1, shadows: [0] });
  });
});
