/**
 * `layerlab`: the headless entry. Commands are added as the engine grows.
 */
import './node/hash.ts';
import { dockerCommand } from './node/docker-command.ts';
import { parseCommand } from './node/parse-command.ts';

const USAGE = `Usage: layerlab <command>

Commands:
  parse [--dump] FILE   Parse a Dockerfile; print diagnostics, or BuildKit's dump with --dump
  docker ...            Run docker CLI commands against the simulated engine
`;

export async function main(argv: string[]): Promise<number> {
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
  if (command === 'docker') return dockerCommand(argv.slice(1), io);
  process.stderr.write(`layerlab: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
