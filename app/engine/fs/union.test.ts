import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FsError } from './port.ts';
import { layerFromEntries, type Layer } from './layer.ts';
import { MergedView } from './merge.ts';
import { openOverlay } from './overlay.ts';
import { utf8, whiteoutStack } from './testing/trees.ts';
import { copiedUpFrom, fateTable, pathFate, unionFate } from './union-fate.ts';
import { unionMap } from './union-map.ts';
import { partsOf, type UnionMap } from './union.ts';

// A deleted file, a deleted directory, an opaque directory; and /etc/passwd rewritten on top.
const [base, run1, workdir, run2] = whiteoutStack();
const passwd = layerFromEntries([{ path: '/etc/passwd', type: 'file', data: 'root\napp\n' }]);
const map = unionMap([base, run1, workdir, run2, passwd]);
const parts = (m: UnionMap, path: string) => {
  const i = m.paths.indexOf(path);
  return i < 0 ? undefined : partsOf(m, i);
};
const at = (m: UnionMap, path: string) => m.paths.indexOf(path);

describe('unionMap', () => {
  it('lists every path once, sorted, with each layer’s part top-most first', () => {
    const paths = [...map.paths];
    expect(paths).toEqual([...new Set(paths)].sort());
    expect(paths).toContain('/data/del.txt');
    expect(parts(map, '/etc/passwd')).toEqual([
      { layer: 4, role: 'file', size: 9 },
      { layer: 0, role: 'file', size: 5 },
    ]);
    expect(parts(map, '/app')).toEqual([{ layer: 2, role: 'dir', size: 0 }]);
  });

  it('marks a whiteout where the file was deleted, and the copy below keeps its bytes', () => {
    expect(parts(map, '/data/del.txt')).toEqual([
      { layer: 3, role: 'whiteout', size: 0 },
      { layer: 1, role: 'file', size: 4 },
    ]);
  });

  it('gives the files under a deleted directory the whiteout of that directory', () => {
    expect(parts(map, '/gone/sub/g')).toEqual([
      { layer: 3, role: 'whiteout', size: 0, by: '/gone' },
      { layer: 1, role: 'file', size: 2 },
    ]);
    expect(parts(map, '/gone')?.[0]).toEqual({ layer: 3, role: 'whiteout', size: 0 });
  });

  it('covers the lower entries of an opaque directory, not its own new ones', () => {
    expect(parts(map, '/repl')?.[0]).toEqual({ layer: 3, role: 'dir', size: 0, opaque: true });
    expect(parts(map, '/repl/old')).toEqual([
      { layer: 3, role: 'opaque', size: 0, by: '/repl' },
      { layer: 1, role: 'file', size: 2 },
    ]);
    expect(parts(map, '/repl/new')).toEqual([{ layer: 3, role: 'file', size: 4 }]);
  });

  it('deletes what was below a directory that a file replaced', () => {
    const m = unionMap([
      layerFromEntries([{ path: '/x/y', type: 'file', data: 'y' }]),
      layerFromEntries([
        { path: '/.wh.x', type: 'file' },
        { path: '/x', type: 'file', data: 'now a file' },
      ]),
    ]);
    expect(parts(m, '/x/y')?.[0]).toEqual({ layer: 1, role: 'whiteout', size: 0, by: '/x' });
  });

  it('does not delete again what a lower layer deleted already', () => {
    const m = unionMap([
      layerFromEntries([{ path: '/d/x', type: 'file', data: 'x' }]),
      layerFromEntries([{ path: '/.wh.d', type: 'file' }]),
      layerFromEntries([{ path: '/d', type: 'dir' }]),
      layerFromEntries([{ path: '/.wh.d', type: 'file' }]),
    ]);
    expect(unionFate(parts(m, '/d/x')!)).toEqual({
      visibleFrom: undefined,
      deletedBy: 1,
      hidden: [0],
    });
  });

  it('counts each layer’s files, whiteouts and opaque directories', () => {
    expect(map.layers[3]).toEqual({ index: 3, size: 7, files: 2, whiteouts: 2, opaques: 1 });
  });
});

describe('unionFate', () => {
  it('shows the top-most copy and hides the ones below', () => {
    expect(unionFate(parts(map, '/etc/passwd')!)).toEqual({
      visibleFrom: 4,
      deletedBy: undefined,
      hidden: [0],
    });
  });

  it('tells which layer deleted a path, at any point of the stack', () => {
    const del = parts(map, '/data/del.txt')!;
    expect(unionFate(del)).toEqual({ visibleFrom: undefined, deletedBy: 3, hidden: [1] });
    expect(unionFate(del, 2)).toEqual({ visibleFrom: 1, deletedBy: undefined, hidden: [] });
    expect(unionFate(del, 0)).toEqual({
      visibleFrom: undefined,
      deletedBy: undefined,
      hidden: [],
    });
  });

  it('merges directories until an opaque one covers the rest', () => {
    expect(unionFate(parts(map, '/data')!)).toMatchObject({ visibleFrom: 3, hidden: [] });
    expect(unionFate(parts(map, '/repl')!)).toMatchObject({ visibleFrom: 3, hidden: [1] });
  });
});

describe('copiedUpFrom', () => {
  it('finds the layer a container’s write copied a file up from', () => {
    const image = [
      layerFromEntries([{ path: '/etc/hostname', type: 'file', data: 'base' }]),
      layerFromEntries([{ path: '/srv/version', type: 'file', data: 'v1\n' }]),
    ];
    const c = openOverlay(MergedView.of(image));
    c.writeFile('/srv/version', utf8('v2\n'));
    c.writeFile('/srv/new', utf8('new'));
    c.unlink('/etc/hostname');
    const m = unionMap([...image, c.commit()]);
    expect(copiedUpFrom(m, at(m, '/srv/version'), 2)).toBe(1);
    expect(copiedUpFrom(m, at(m, '/srv/new'), 2)).toBeUndefined();
    expect(copiedUpFrom(m, at(m, '/etc/hostname'), 2)).toBeUndefined();
    expect(unionFate(parts(m, '/etc/hostname')!)).toMatchObject({ deletedBy: 2, hidden: [0] });
  });
});

// Random steps through the recording overlay (the way RUN and containers make layers): the
// fate of every path agrees with MergedView, at every height of the stack.
const name = fc.constantFrom('a', 'b', 'c');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/'));
const op = fc.oneof(
  fc.record({ op: fc.constant('write' as const), path }),
  fc.record({ op: fc.constant('mkdir' as const), path }),
  fc.record({ op: fc.constant('unlink' as const), path }),
  fc.record({ op: fc.constant('rmrf' as const), path }),
  fc.record({ op: fc.constant('symlink' as const), path }),
);

describe('unionMap against MergedView', () => {
  it('every path is visible from the layer MergedView says, or not at all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 5 }),
        (steps) => {
          const layers: Layer[] = [];
          let stack = MergedView.empty;
          for (const ops of steps) {
            const fs = openOverlay(stack);
            for (const o of ops) {
              try {
                if (o.op === 'write') fs.writeFile(o.path, utf8(o.path));
                else if (o.op === 'mkdir') fs.mkdir(o.path);
                else if (o.op === 'unlink') fs.unlink(o.path);
                else if (o.op === 'rmrf') fs.rmdir(o.path, { recursive: true });
                else fs.symlink('/nowhere', o.path);
              } catch (e) {
                if (!(e instanceof FsError)) throw e;
              }
            }
            const layer = fs.commit();
            layers.push(layer);
            stack = stack.push(layer);
          }
          const m = unionMap(layers);
          for (let top = 0; top < layers.length; top++) {
            const view = MergedView.of(layers.slice(0, top + 1));
            const table = fateTable(m, top);
            let hidden = 0;
            m.paths.forEach((path, i) => {
              const fate = pathFate(m, i, top);
              expect(unionFate(partsOf(m, i), top)).toEqual(fate);
              // The one-pass table says the same as the per-path rule.
              expect(table.visibleFrom[i]).toBe(fate.visibleFrom ?? -1);
              expect(table.deletedBy[i]).toBe(fate.deletedBy ?? -1);
              for (const l of fate.hidden)
                hidden += partsOf(m, i).find((x) => x.layer === l)?.size ?? 0;
              const node = view.lookup(path);
              expect(fate.visibleFrom !== undefined, path).toBe(node !== undefined);
              if (node) {
                expect(fate.visibleFrom).toBe(view.provenance(path).providedBy);
                const visible = partsOf(m, i).find((x) => x.layer === fate.visibleFrom);
                expect(visible?.role).toBe(node.type);
                expect(table.visibleFile[i]).toBe(node.type === 'dir' ? 0 : 1);
              }
            });
            expect(table.hiddenBytes).toBe(hidden);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
