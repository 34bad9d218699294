/**
 * Replay a conformance scenario on Layerlab's headless docker CLI, the way the recorder ran it
 * on real Docker: same steps file, same context folder, same normalisation.
 */
import { nodeHost } from '../../node/host.ts';
import { nodeImages } from '../../node/images.ts';
import type { BaseImage } from '../build/builder.ts';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { runDocker } from '../cli/docker.ts';
import { LabSession } from '../session/session.ts';
import { BASE_REF, runScenario } from './run.ts';
import type { Builder, Scenario, Store } from './steps.ts';
import type { StepResult } from './normalise.ts';
import type { ReplayBase } from './compare.ts';

type Registry = (ref: string) => BaseImage | undefined;

type LabSessionCatalog = ConstructorParameters<typeof LabSession>[0]['catalog'];

let registry:
  Promise<{ registry: Registry; catalog: LabSessionCatalog; source: ReplayBase }> | undefined;

/**
 * The catalog's images (public/catalog) when it has debian:bookworm-slim, else the builder
 * tests' small base image.
 */
export function replayImages() {
  registry ??= (async () => {
    try {
      const images = await nodeImages();
      if (images.registry(BASE_REF))
        return {
          registry: images.registry,
          catalog: images.catalog,
          source: 'catalog' as const,
        };
      return {
        registry: (ref: string) => images.registry(ref) ?? resolveTestImage(ref),
        catalog: images.catalog,
        source: 'test fixture' as const,
      };
    } catch (e) {
      throw new Error(`cannot read the image catalog in public/catalog: ${(e as Error).message}`, {
        cause: e,
      });
    }
  })();
  return registry;
}

/** Run the scenario on a fresh Layerlab engine in `work`. */
export async function replayScenario(
  scenariosDir: string,
  scenario: Scenario,
  builder: Builder,
  store: Store,
  work: string,
): Promise<StepResult[]> {
  const { registry: reg, catalog } = await replayImages();
  let clock = 1_700_000_000;
  const session = new LabSession({ registry: reg, catalog, clock: () => clock++, store });
  // The recorder's daemon holds the base image before every scenario (docker import): so does this one.
  const pulled = runDocker(session.engine, ['pull', BASE_REF], nodeHost(work));
  if (pulled.exitCode !== 0) throw new Error(`cannot pull ${BASE_REF}: ${pulled.stderr}`);
  return runScenario(
    scenariosDir,
    scenario,
    builder,
    (argv, cwd, b) =>
      runDocker(session.engine, argv, {
        ...nodeHost(cwd),
        env: { DOCKER_BUILDKIT: b === 'classic' ? '0' : '1' },
      }),
    work,
  );
}
