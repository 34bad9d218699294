import { describe, expect, it } from 'vitest';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';
import { whiteoutStack } from './testing/trees.ts';

const [base, run1, workdir, run2] = whiteoutStack();
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
