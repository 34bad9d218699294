/**
 * `docker save -o FILE IMAGE...`: the images as Docker 28.5 writes them for the engine's image
 * store (daemon/save.ts), into a workspace file the learner can download or `docker load`.
 */
import { saveImages } from '../../daemon/save.ts';
import { parseArgs } from '../argv.ts';
import { fail, usageError, type Command } from '../types.ts';

export const save: Command = ({ engine, host, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'output', short: 'o', type: 'string' },
      { name: 'platform', type: 'string' },
    ],
    { command: 'save' },
  );
  if (args.positional.length === 0)
    return usageError(
      'save',
      'at least 1 argument',
      'save [OPTIONS] IMAGE [IMAGE...]',
      'Save one or more images to a tar archive (streamed to STDOUT by default)',
    );
  const output = args.string('output');
  // docker/cli cli/command/image/save.go: without -o, a terminal on stdout is refused.
  if (!output) return fail('cowardly refusing to save to a terminal. Use the -o flag or redirect');
  const { tar, notes } = saveImages(engine, args.positional);
  host.writeFile(output, tar);
  return { exitCode: 0, stdout: '', stderr: notes.map((n) => `${n}\n`).join('') };
};
