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

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCENARIOS = join(ROOT, 'conformance/scenarios');
const RECORDED = join(ROOT, 'conformance/recorded');
const files = readdirSync(RECORDED)
  .filter((f) => f.endsWith('.json'))
  .sort();
const work = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
const used = new Set<string>();

afterAll(() => rmSync(work, { recursive: true, force: true }));

const describeMismatch = (m: Mismatch) => `step ${m.step} (${m.line}) ${m.field}: ${m.detail}`;

describe('conformance with real Docker', () => {
  it('has recordings for every scenario', () => {
    const names = readdirSync(SCENARIOS);
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names)
      for (const b of loadScenario(SCENARIOS, name).builders)
        expect(files, `${name}.${b}.json`).toContain(`${name}.${b}.json`);
  });

  for (const file of files) {
    it(`replays ${file.replace(/\.json$/, '')}`, async () => {
      const rec = JSON.parse(readFileSync(join(RECORDED, file), 'utf8')) as Recording;
      const scenario = loadScenario(SCENARIOS, rec.scenario);
      const got = await replayScenario(SCENARIOS, scenario, rec.builder, join(work, rec.scenario));
      const { source } = await replayImages();
      const unexplained: string[] = [];
      for (const m of compareResults(rec.results, got)) {
        const k = KNOWN_DIFFERENCES.find((d) => isKnown(d, rec.scenario, rec.builder, m, source));
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
      expect(used, `${k.id} still matches a difference`).toContain(k.id);
    }
  });
});
