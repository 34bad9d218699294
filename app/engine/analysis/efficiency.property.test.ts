/**
 * The efficiency tally, layer by layer with kept base tallies, against dive's definitions
 * worked out directly (every path's sizes over all layers; a file is hidden when the final
 * view's provenance names another layer), on random layer stacks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  layerFromEntries,
  MergedView,
  walk,
  type DirNode,
  type EntrySpec,
  type Layer,
} from '../fs/index.ts';
import { analyzeEfficiency, type Efficiency, type PathWaste } from './efficiency.ts';

function subtreeSize(dir: DirNode): number {
  let n = 0;
  for (const item of walk(dir)) if (item.node.type === 'file') n += item.node.size;
  return n;
}

/** dive's definitions, path by path over the whole stack. */
function directly(layers: readonly Layer[]): Efficiency {
  const occurrences = new Map<string, number[]>();
  const sizeIn: Map<string, number>[] = [];
  let view = MergedView.empty;
  for (const layer of layers) {
    const sizes = new Map<string, number>();
    for (const r of layer.records()) {
      let size = 0;
      if (r.kind === 'file') size = r.size;
      else if (r.kind === 'whiteout') {
        const below = view.lookup(r.path);
        size = below?.type === 'dir' ? subtreeSize(below) : 0;
      } else if (r.kind !== 'dir') continue;
      occurrences.set(r.path, [...(occurrences.get(r.path) ?? []), size]);
      if (r.kind === 'file') sizes.set(r.path, size);
    }
    sizeIn.push(sizes);
    view = view.push(layer);
  }
  let sumMin = 0;
  let sumCumulative = 0;
  let wastedBytes = 0;
  let reclaimableBytes = 0;
  const paths: PathWaste[] = [];
  for (const [path, sizes] of occurrences) {
    const cumulative = sizes.reduce((a, b) => a + b, 0);
    const min = Math.min(...sizes);
    sumMin += min;
    sumCumulative += cumulative;
    if (sizes.length > 1 && cumulative > 0) {
      wastedBytes += cumulative;
      reclaimableBytes += cumulative - min;
      paths.push({ path, count: sizes.length, cumulative, min });
    }
  }
  paths.sort((a, b) => b.cumulative - b.min - (a.cumulative - a.min) || (a.path < b.path ? -1 : 1));
  const hiddenByLater = sizeIn.map((sizes, i) => {
    let hidden = 0;
    for (const [path, size] of sizes) if (view.provenance(path).providedBy !== i) hidden += size;
    return hidden;
  });
  return {
    score: sumCumulative === 0 ? 1 : sumMin / sumCumulative,
    wastedBytes,
    reclaimableBytes,
    paths,
    hiddenByLater,
  };
}

const name = fc.constantFrom('a', 'b', 'c');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/'));
const entry: fc.Arbitrary<EntrySpec> = fc.oneof(
  fc.record({ path, type: fc.constant('file' as const), size: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ path, type: fc.constant('dir' as const) }),
  fc.record({ path, type: fc.constant('whiteout' as const) }),
  fc.record({ path, type: fc.constant('opaque' as const) }),
  fc.record({ path, type: fc.constant('symlink' as const), target: fc.constant('x') }),
);
const layerArb = fc.array(entry, { maxLength: 8 });

function layer(entries: EntrySpec[], index: number, known: boolean): Layer | undefined {
  // One entry per path, none below a non-directory of the same layer.
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const kept = [...byPath.values()].filter((e) => {
    for (let p = e.path.slice(0, e.path.lastIndexOf('/')); p; p = p.slice(0, p.lastIndexOf('/'))) {
      const up = byPath.get(p);
      if (up && up.type !== 'dir' && up.type !== 'opaque') return false;
    }
    return true;
  });
  try {
    return layerFromEntries(kept, known ? { diffId: `sha256:${index}` } : {});
  } catch {
    return undefined;
  }
}

describe('image efficiency, layer by layer', () => {
  it('equals the direct definitions on random stacks, with and without kept base tallies', () => {
    fc.assert(
      fc.property(
        fc.array(layerArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (stack, known) => {
          const layers = stack.map((e, i) => layer(e, i, i < known));
          fc.pre(layers.every((l) => l !== undefined));
          const ls = layers as Layer[];
          const want = directly(ls);
          expect(analyzeEfficiency(ls)).toEqual(want);
          // Again: the base tally is kept now.
          expect(analyzeEfficiency(ls)).toEqual(want);
          // Another image on the same base.
          const more = [
            ...ls,
            ...ls
              .slice(0, 1)
              .map((l) =>
                layerFromEntries(
                  [...l.records()]
                    .filter((r) => r.kind === 'file')
                    .map((r) => ({ path: r.path, type: 'file' as const, size: r.size + 1 })),
                ),
              ),
          ];
          expect(analyzeEfficiency(more)).toEqual(directly(more));
        },
      ),
      { numRuns: 400 },
    );
  });
});
