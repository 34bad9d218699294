/**
 * ONBUILD as Docker 28.5 runs it (conformance/scenarios/39-onbuild, 46-onbuild-triggers), held
 * to the recordings line by line where Layerlab's output has nothing that varies between runs:
 * each build's steps, exit code and error; the legacy builder's whole output; the BuildKit
 * vertices of the triggers; history (but the base's row); the child's config.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Recording, StepResult } from './normalise.ts';
import { replayScenario } from './replay.ts';
import { RECORDED, SCENARIOS } from './replay-suite.ts';
import { loadScenario } from './run.ts';
import type { Builder, Store } from './steps.ts';

const work = mkdtempSync(join(tmpdir(), 'layerlab-onbuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function recorded(scenario: string, builder: Builder, store: Store): Recording {
  return JSON.parse(
    readFileSync(join(RECORDED, `${scenario}.${builder}.${store}.json`), 'utf8'),
  ) as Recording;
}

/**
 * A BuildKit log's lines of the stage's numbered steps and triggers (`[2/4] ONBUILD COPY …`),
 * their output and the error, without the vertex numbers: the context and the FROM come in an
 * order that varies between runs (known difference buildkit-context-after-cached-from).
 */
const vertexLines = (lines: readonly string[]) =>
  lines
    .map((l) => l.replace(/^#\d+ /, ''))
    .filter(
      (l) => /^\[[^\]]+\] (?!FROM)|^<t> |ERROR: |^ > /.test(l) && !l.startsWith('[internal]'),
    );

/** Without the base image's history row (the catalog's `# debian.sh …`, an import's empty one). */
const ownHistory = (lines: readonly string[]) =>
  lines.filter((l) => !/^(# debian\.sh .*)?\|/.test(l));

function expectSame(got: StepResult, want: StepResult, builder: Builder) {
  expect(got.kind).toBe(want.kind);
  if (want.kind === 'build' && got.kind === 'build') {
    expect({ exit: got.exitCode, steps: got.steps, error: got.error }).toEqual({
      exit: want.exitCode,
      steps: want.steps,
      error: want.error,
    });
    if (builder === 'classic') expect(got.stdout).toEqual(want.stdout);
    else expect(vertexLines(got.stderr)).toEqual(vertexLines(want.stderr));
  } else if (want.kind === 'command' && got.kind === 'command') {
    expect(got.exitCode).toBe(want.exitCode);
    if (want.line.startsWith('history'))
      expect(ownHistory(got.stdout)).toEqual(ownHistory(want.stdout));
    else expect(got.stdout).toEqual(want.stdout);
  } else if (want.kind === 'image' && got.kind === 'image') {
    expect(want.image).toBeDefined();
    expect(got.image?.config).toEqual(want.image?.config);
    expect(got.image?.history).toEqual(want.image?.history);
  }
}

describe('ONBUILD triggers, as recorded on Docker 28.5', () => {
  for (const scenario of ['39-onbuild', '46-onbuild-triggers'])
    for (const builder of ['buildkit', 'classic'] as const)
      for (const store of ['overlay2', 'containerd'] as const)
        it(`${scenario}, ${builder}, ${store}`, async () => {
          const want = recorded(scenario, builder, store).results;
          const got = await replayScenario(
            SCENARIOS,
            loadScenario(SCENARIOS, scenario),
            builder,
            store,
            join(work, `${scenario}-${builder}-${store}`),
          );
          expect(got.map((r) => r.line)).toEqual(want.map((r) => r.line));
          want.forEach((w, i) => expectSame(got[i]!, w, builder));
        });
});
