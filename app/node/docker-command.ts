/**
 * `layerlab docker ...`: the docker CLI against the simulated engine, one command per process.
 * The engine's state (images, tags, build cache, containers) lives in a JSON file between
 * calls: $LAYERLAB_STATE, else ~/.cache/layerlab/state.json. The daemon's image store is the
 * saved one, else containerd (Docker 29's default); `--image-store` or $LAYERLAB_IMAGE_STORE
 * switches it, and the other store's images are kept in the file until it is chosen again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { runDocker } from '../engine/cli/docker.ts';
import type { EngineState } from '../engine/daemon/persist.ts';
import { IMAGE_STORES, type ImageStoreKind } from '../engine/images/stores.ts';
import { DEFAULT_IMAGE_STORE } from '../engine/images/stores.ts';
import { LabSession } from '../engine/session/session.ts';
import { nodeHost } from './host.ts';
import { nodeImages } from './images.ts';
import type { Io } from './parse-command.ts';

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLAB_STATE || join(homedir(), '.cache', 'layerlab', 'state.json');
}

/** The saved file: the engine in use, and the other store's engine when there is one. */
type SavedLab = EngineState & { parked?: EngineState[] };

/** The image store `--image-store` or $LAYERLAB_IMAGE_STORE asks for, or a sentence why not. */
export function imageStoreOf(
  value: string | undefined,
): { store: ImageStoreKind | undefined } | { error: string } {
  if (value === undefined || value === '') return { store: undefined };
  return (IMAGE_STORES as readonly string[]).includes(value)
    ? { store: value as ImageStoreKind }
    : { error: `unknown image store "${value}" (choose ${IMAGE_STORES.join(' or ')})` };
}

export interface DockerCommandOptions {
  /** The image store to run the daemon with (`--image-store`); else $LAYERLAB_IMAGE_STORE. */
  store?: ImageStoreKind;
}

export async function dockerCommand(
  args: string[],
  io: Io,
  options: DockerCommandOptions = {},
): Promise<number> {
  const fromEnv = imageStoreOf(process.env.LAYERLAB_IMAGE_STORE);
  if ('error' in fromEnv) {
    io.err(`layerlab: LAYERLAB_IMAGE_STORE: ${fromEnv.error}\n`);
    return 2;
  }
  const images = await nodeImages();
  const session = new LabSession({
    registry: images.registry,
    explain: images.explain,
    catalog: images.catalog,
  });
  const file = statePath();
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  let saved: SavedLab | undefined;
  if (text !== undefined) {
    try {
      saved = JSON.parse(text) as SavedLab;
      // The other store's engine first, then the one in use (each load picks its store).
      for (const other of saved.parked ?? []) session.load(other);
      session.setStore(saved.store ?? 'overlay2');
      session.load(saved);
    } catch (e) {
      io.err(
        `layerlab: cannot read the saved engine state in ${file} (${(e as Error).message}); remove the file to start afresh\n`,
      );
      return 1;
    }
  }
  // A save without a store was made with overlay2, which it keeps until told otherwise.
  session.setStore(
    options.store ?? fromEnv.store ?? (saved ? (saved.store ?? 'overlay2') : DEFAULT_IMAGE_STORE),
  );
  const r = runDocker(session.engine, args, nodeHost());
  io.out(r.stdout);
  io.err(r.stderr);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const out: SavedLab = { ...session.save(), parked: session.parkedStates() };
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, file);
  return r.exitCode;
}
