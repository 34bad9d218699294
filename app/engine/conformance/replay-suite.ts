/**
 * The replay of one image store's recordings, for its test file: every recording made on that
 * store is replayed on Layerlab and compared; a difference not listed in known-differences.ts is
 * a failure, and so is a listed one that no longer occurs. One test file per store, so the two
 * run side by side.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults, coversScenario, isKnown, type Mismatch } from './compare.ts';
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

/** One store's replay: its recordings, a scratch folder, and the known differences met so far. */
export interface StoreReplay {
  store: Store;
  mine: { file: string; rec: Recording }[];
  work: string;
  used: Set<string>;
}

export function storeReplay(store: Store): StoreReplay {
  const mine = recordings().filter(({ rec }) => rec.stores.includes(store));
  const work = mkdtempSync(join(tmpdir(), `layerlab-conformance-${store}-`));
  return { store, mine, work, used: new Set() };
}

export function removeWork(r: StoreReplay): void {
  rmSync(r.work, { recursive: true, force: true });
}

/** Scenario and builder pairs meant for the store that have no recording on it. */
export function missingRecordings(r: StoreReplay): string[] {
  const names = readdirSync(SCENARIOS);
  const missing = names.length < 20 ? [`only ${names.length} scenarios`] : [];
  for (const name of names) {
    const scenario = loadScenario(SCENARIOS, name);
    if (!scenario.stores.includes(r.store)) continue;
    for (const b of scenario.builders)
      if (!r.mine.some(({ rec }) => rec.scenario === name && rec.builder === b))
        missing.push(`${name}.${b} on ${r.store}`);
  }
  return missing;
}

/** Replays one recording; the differences from real Docker that no known difference explains. */
export async function unexplainedDifferences(r: StoreReplay, rec: Recording): Promise<string[]> {
  const scenario = loadScenario(SCENARIOS, rec.scenario);
  const got = await replayScenario(
    SCENARIOS,
    scenario,
    rec.builder,
    r.store,
    join(r.work, `${rec.scenario}.${rec.builder}`),
  );
  const { source } = await replayImages();
  const unexplained: string[] = [];
  const of = { scenario: rec.scenario, builder: rec.builder, store: r.store };
  for (const m of compareResults(rec.results, got)) {
    const k = KNOWN_DIFFERENCES.find((d) => isKnown(d, of, m, source));
    if (k) r.used.add(k.id);
    else unexplained.push(describeMismatch(m));
  }
  return unexplained;
}

/**
 * Known differences that are stale after every recording was replayed: without a heading in
 * KNOWN-DIFFERENCES.md, or applying to this store and met by no replay.
 */
export async function staleDifferences(r: StoreReplay): Promise<string[]> {
  const doc = readFileSync(join(ROOT, 'conformance/KNOWN-DIFFERENCES.md'), 'utf8');
  const { source } = await replayImages();
  const stale: string[] = [];
  for (const k of KNOWN_DIFFERENCES) {
    if (!doc.includes(`## ${k.id}`)) stale.push(`${k.id}: no heading in KNOWN-DIFFERENCES.md`);
    if (k.fixtureBase && source !== 'test fixture') continue;
    if (k.store !== undefined && k.store !== r.store) continue;
    // An entry for every store must hold on each store that replays its scenario.
    const applies = r.mine.some(
      ({ rec }) =>
        coversScenario(k, rec.scenario) && (k.builder === undefined || rec.builder === k.builder),
    );
    if (applies && !r.used.has(k.id)) stale.push(`${k.id}: no longer differs on ${r.store}`);
  }
  return stale;
}
