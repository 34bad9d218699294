import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntrySpec } from './tree.ts';
import { layerFromEntries } from './layer.ts';
import { layerFromTar, readTar } from './tar-read.ts';
import { writeTar } from './tar-write.ts';

const segment = fc.oneof(
  fc.constantFrom('a', 'b', 'x-y', 'caf\u00e9', '\u{1f600}', 'n'.repeat(120), 'a b', '.hidden'),
  fc.stringMatching(/^[a-z0-9_-]{1,12}$/),
);
const meta = {
  mode: fc.constantFrom(0o644, 0o755, 0o600, 0o4755, 0o1777),
  uid: fc.constantFrom(0, 1000, 65534, 3_000_000),
  gid: fc.constantFrom(0, 1000),
  mtime: fc.constantFrom(0, 1_700_000_000, 2 ** 33 + 5),
};
const entry: fc.Arbitrary<EntrySpec> = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.nat(5))
  .chain(([parts, kind]): fc.Arbitrary<EntrySpec> => {
    const p = '/' + parts.join('/');
    if (kind === 0)
      return fc.record({ path: fc.constant(p), type: fc.constant('dir' as const), ...meta });
    if (kind === 1)
      return fc.record({
        path: fc.constant(p),
        type: fc.constant('symlink' as const),
        target: segment,
        ...meta,
      });
    if (kind === 2) return fc.constant({ path: p, type: 'whiteout' as const });
    if (kind === 3)
      return fc.record({
        path: fc.constant(p),
        type: fc.constant('file' as const),
        size: fc.nat(3000),
        ...meta,
      });
    return fc.record({
      path: fc.constant(p),
      type: fc.constant('file' as const),
      data: fc.uint8Array({ maxLength: 700 }),
      ...meta,
    });
  });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

describe('tar round trip', () => {
  it('reads back every tar it writes to the same records', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), fc.boolean(), (entries, opaque) => {
        const specs: EntrySpec[] = opaque ? [...entries, { path: '/a', type: 'opaque' }] : entries;
        const layer = layerFromEntries(specs);
        const bytes = writeTar(layer.root, { mtime: 'preserve' });
        expect(bytes.length % 512).toBe(0);
        const shape = (l: typeof layer) =>
          [...l.records()].map((r) => [
            r.name,
            r.kind,
            r.mode,
            r.uid,
            r.gid,
            r.mtime,
            r.size,
            r.linkname ?? '',
          ]);
        const again = layerFromTar(bytes);
        expect(shape(again)).toEqual(shape(layer));
        expect(readTar(bytes)).toHaveLength(layer.stats.entries);
        expect(sameBytes(writeTar(again.root, { mtime: 'preserve' }), bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
