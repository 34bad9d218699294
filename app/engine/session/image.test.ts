import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { LabSession } from './session.ts';

const FIXTURES = join(import.meta.dirname, '../../../conformance/load');
const recorded = JSON.parse(readFileSync(join(FIXTURES, 'recorded.json'), 'utf8')) as {
  recorded: Record<
    string,
    Record<string, { images: { history: { ID: string; CreatedBy: string }[] }[] }>
  >;
};

describe('LabSession.image: a picked image as the panels show it', () => {
  for (const store of ['overlay2', 'containerd'] as const)
    it(`gives a loaded image's history rows with docker history's IMAGE column (${store})`, () => {
      const s = new LabSession({ registry: resolveTestImage, catalog: builtinCatalog, store });
      s.bring('tiny.tar', readFileSync(join(FIXTURES, 'tiny.overlay2.tar')));
      expect(s.command('docker load -i tiny.tar', [], '').stdout).toContain('Loaded image');
      const view = s.image('layerlab/tiny:1')!;
      // Newest first, as docker history prints them (recorded from Docker 28.5).
      const rows = [...view.history].reverse();
      const want = recorded.recorded['tiny.overlay2.tar']![store]!.images[0]!.history;
      expect(rows.map((h) => h.image ?? '<missing>')).toEqual(want.map((h) => h.ID));
      expect(rows.map((h) => h.createdBy)).toEqual(want.map((h) => h.CreatedBy));
      expect(view.layers).toHaveLength(4);
      expect(s.layerEntries(view.id, 2).entries.map((e) => e.name)).toEqual(
        expect.arrayContaining(['data/.wh.old.txt', 'data/.wh.gone', 'data/cfg/.wh..wh..opq']),
      );
      expect(s.image('nothing:here')).toBeUndefined();
    });
});
