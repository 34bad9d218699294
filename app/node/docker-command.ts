/**
 * `layerlab docker ...`: the docker CLI against the simulated engine, one command per process.
 * The engine's state (images, tags, build cache, containers) lives in a JSON file between
 * calls: $LAYERLAB_STATE, else ~/.cache/layerlab/state.json.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { runDocker } from '../engine/cli/docker.ts';
import { loadEngine, saveEngine, type EngineState } from '../engine/daemon/persist.ts';
import { LabSession } from '../engine/session/session.ts';
import { nodeHost } from './host.ts';
import { nodeImages } from './images.ts';
import type { Io } from './parse-command.ts';

export function statePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAYERLAB_STATE || join(homedir(), '.cache', 'layerlab', 'state.json');
}

export async function dockerCommand(args: string[], io: Io): Promise<number> {
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
  if (text !== undefined) {
    try {
      loadEngine(session.engine, JSON.parse(text) as EngineState);
    } catch (e) {
      io.err(
        `layerlab: cannot read the saved engine state in ${file} (${(e as Error).message}); remove the file to start afresh\n`,
      );
      return 1;
    }
  }
  const r = runDocker(session.engine, args, nodeHost());
  io.out(r.stdout);
  io.err(r.stderr);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(saveEngine(session.engine)));
  renameSync(tmp, file);
  return r.exitCode;
}
