/**
 * The replay test for one image store: every recording made on that store is replayed on
 * Layerlab and compared; a difference not listed in known-differences.ts fails, and so does a
 * listed one that no longer occurs. One test file per store, so the two run side by side.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compareResults, isKnown, type Mismatch } from './compare.ts';
import { KNOWN_DIFFERENCES } from './known-differences.ts';
import type { Recording } from './normalise.ts';
import { replayImages, replayScenario } from './replay.ts';
import { loadScenario } from './run.ts';
import type { Store } from './steps.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCENARIOS = join(ROOT, 'conformance/scenarios');
export const RECORDED = join(ROOT, 'conformance/recorded');

/** Every recording, with its file name. */
export function recordings(): { file: string; rec: Recording }[] {
  return readdirSync(RECORDED)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      rec: JSON.parse(readFileSync(join(RECORDED, file), 'utf8')) as Recording,
    }));
}

const describeMismatch = (m: Mismatch) => `step ${m.step} (${m.line}) ${m.field}: ${m.detail}`;

export function replaySuite(store: Store): void {
  const all = recordings();
  const mine = all.filter(({ rec }) => rec.stores.includes(store));
  const work = mkdtempSync(join(tmpdir(), `layerlab-conformance-${store}-`));
  const used = new Set<string>();
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe(`conformance with Docker 28.5 (${store} image store)`, () => {
    it('has recordings for every scenario, builder and store', () => {
      const names = readdirSync(SCENARIOS);
      expect(names.length).toBeGreaterThanOrEqual(20);
      for (const name of names) {
        const scenario = loadScenario(SCENARIOS, name);
        if (!scenario.stores.includes(store)) continue;
        for (const b of scenario.builders)
          expect(
            mine.some(({ rec }) => rec.scenario === name && rec.builder === b),
            `${name}.${b} recorded on ${store}`,
          ).toBe(true);
      }
    });

    for (const { file, rec } of mine) {
      it(`replays ${file.replace(/\.json$/, '')}`, async () => {
        const scenario = loadScenario(SCENARIOS, rec.scenario);
        const got = await replayScenario(
          SCENARIOS,
          scenario,
          rec.builder,
          store,
          join(work, `${rec.scenario}.${rec.builder}`),
        );
        const { source } = await replayImages();
        const unexplained: string[] = [];
        const of = { scenario: rec.scenario, builder: rec.builder, store };
        for (const m of compareResults(rec.results, got)) {
          const k = KNOWN_DIFFERENCES.find((d) => isKnown(d, of, m, source));
          if (k) used.add(k.id);
          else unexplained.push(describeMismatch(m));
        }
        expect(
          unexplained,
          'differences from real Docker not listed in known-differences.ts',
        ).toEqual([]);
      });
    }

    it('lists only differences that still occur, each documented', async () => {
      const doc = readFileSync(join(ROOT, 'conformance/KNOWN-DIFFERENCES.md'), 'utf8');
      const { source } = await replayImages();
      for (const k of KNOWN_DIFFERENCES) {
        expect(doc, `KNOWN-DIFFERENCES.md has a heading for ${k.id}`).toContain(`## ${k.id}`);
        if (k.fixtureBase && source !== 'test fixture') continue;
        if (k.store !== undefined && k.store !== store) continue;
        // An entry for every store must hold on each store that replays its scenario.
        const applies = mine.some(
          ({ rec }) =>
            (k.scenario === '*' || rec.scenario === k.scenario) &&
            (k.builder === undefined || rec.builder === k.builder),
        );
        if (!applies) continue;
        expect(used, `${k.id} still matches a difference on ${store}`).toContain(k.id);
      }
    });
  });
}
