// Print every difference between the recordings and a replay on Layerlab, known ones marked.
// node --import tsx scripts/conformance/diff.mjs [scenario-substring] [overlay2|containerd]
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults, isKnown } from '../../app/engine/conformance/compare.ts';
import { KNOWN_DIFFERENCES } from '../../app/engine/conformance/known-differences.ts';
import { replayImages, replayScenario } from '../../app/engine/conformance/replay.ts';
import { loadScenario } from '../../app/engine/conformance/run.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = join(ROOT, 'conformance/scenarios');
const RECORDED = join(ROOT, 'conformance/recorded');
const only = process.argv[2] ?? '';
const STORE = process.argv[3] ?? '';
const work = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
let unexplained = 0;
const { source } = await replayImages();
console.log(`replay base: ${source}`);
let exact = 0;
let replays = 0;
for (const file of readdirSync(RECORDED)
  .filter((f) => f.endsWith('.json') && f.includes(only))
  .sort()) {
  const rec = JSON.parse(readFileSync(join(RECORDED, file), 'utf8'));
  for (const store of rec.stores.filter((s) => !STORE || s === STORE)) {
    const got = await replayScenario(
      SCENARIOS,
      loadScenario(SCENARIOS, rec.scenario),
      rec.builder,
      store,
      join(work, `${rec.scenario}.${rec.builder}.${store}`),
    );
    const of = { scenario: rec.scenario, builder: rec.builder, store };
    const mismatches = compareResults(rec.results, got);
    replays++;
    if (mismatches.length === 0) exact++;
    for (const m of mismatches) {
      const k = KNOWN_DIFFERENCES.find((d) => isKnown(d, of, m, source));
      if (!k) unexplained++;
      console.log(
        `${k ? `known(${k.id})` : 'NEW'} ${rec.scenario}.${rec.builder}.${store} #${m.step} [${m.line}] ${m.field}: ${m.detail}`,
      );
    }
  }
}
console.log(`${exact} of ${replays} scenario x builder x store replays match exactly`);
rmSync(work, { recursive: true, force: true });
console.log(`${unexplained} unexplained`);
