// Print every difference between the recordings and a replay on Layerlab, known ones marked.
// node --import tsx scripts/conformance/diff.mjs [scenario-substring]
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
const work = mkdtempSync(join(tmpdir(), 'layerlab-conformance-'));
let unexplained = 0;
const { source } = await replayImages();
console.log(`replay base: ${source}`);
for (const file of readdirSync(RECORDED)
  .filter((f) => f.endsWith('.json') && f.includes(only))
  .sort()) {
  const rec = JSON.parse(readFileSync(join(RECORDED, file), 'utf8'));
  const got = await replayScenario(
    SCENARIOS,
    loadScenario(SCENARIOS, rec.scenario),
    rec.builder,
    join(work, rec.scenario),
  );
  for (const m of compareResults(rec.results, got)) {
    const k = KNOWN_DIFFERENCES.find((d) => isKnown(d, rec.scenario, rec.builder, m, source));
    if (!k) unexplained++;
    console.log(
      `${k ? `known(${k.id})` : 'NEW'} ${rec.scenario}.${rec.builder} #${m.step} [${m.line}] ${m.field}: ${m.detail}`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`${unexplained} unexplained`);
