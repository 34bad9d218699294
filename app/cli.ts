/**
 * `layerlab`: the headless entry. Commands are added as the engine grows.
 */
import './node/hash.ts';
import type { ImageStoreKind } from './engine/images/stores.ts';
import { dockerCommand, imageStoreOf } from './node/docker-command.ts';
import { parseCommand } from './node/parse-command.ts';

const USAGE = `Usage: layerlab [--image-store containerd|overlay2] <command>

Commands:
  parse [--dump] FILE   Parse a Dockerfile; print diagnostics, or BuildKit's dump with --dump
  docker ...            Run docker CLI commands against the simulated engine

Options:
  --image-store STORE   The daemon's image store: containerd (Docker 29's default) or overlay2
                        (also $LAYERLAB_IMAGE_STORE); kept with the saved state
`;

export async function main(argv: string[]): Promise<number> {
  let store: ImageStoreKind | undefined;
  while (argv[0]?.startsWith('--image-store')) {
    const [flag, ...rest] = argv;
    const inline = flag!.startsWith('--image-store=')
      ? flag!.slice('--image-store='.length)
      : undefined;
    if (flag !== '--image-store' && inline === undefined) break;
    const value = inline ?? rest[0];
    const chosen = imageStoreOf(value ?? '');
    if ('error' in chosen || !chosen.store) {
      process.stderr.write(
        `layerlab: --image-store: ${'error' in chosen ? chosen.error : 'give containerd or overlay2'}\n`,
      );
      return 2;
    }
    store = chosen.store;
    argv = inline === undefined ? rest.slice(1) : rest;
  }
  const [command] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const io = {
    out: (s: string) => process.stdout.write(s),
    err: (s: string) => process.stderr.write(s),
  };
  if (command === 'parse') return parseCommand(argv.slice(1), io);
  if (command === 'docker') return dockerCommand(argv.slice(1), io, store ? { store } : {});
  process.stderr.write(`layerlab: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
