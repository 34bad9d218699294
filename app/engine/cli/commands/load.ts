/**
 * `docker load [-i FILE] [-q]`: a `docker save` tar into the image store, read as it streams
 * (images/load/), refused in dockerd's own words where Docker 28.5 was recorded refusing the
 * same input (conformance/load/recorded.json), else in a sentence that says what is wrong.
 * Output is what 28.5 prints when stdout is not a terminal (no `Loading layer` bars).
 */
import { loadImages } from '../../daemon/load.ts';
import { ArchiveReader, interpretArchive, LoadError } from '../../images/load/index.ts';
import { parseArgs } from '../argv.ts';
import { fail, ok, type Command } from '../types.ts';

export const load: Command = ({ engine, host, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'input', short: 'i', type: 'string' },
      { name: 'quiet', short: 'q', type: 'bool' },
      { name: 'platform', type: 'string' },
    ],
    { command: 'load' },
  );
  if (args.positional.length > 0)
    return fail(
      `"docker load" accepts no arguments.\nSee 'docker load --help'.\n\nUsage:  docker load [OPTIONS]\n\nLoad an image from a tar archive or STDIN`,
    );
  const input = args.string('input');
  // docker/cli cli/command/image/load.go runLoad: the file is opened first, then a terminal
  // on stdin is refused.
  const chunks = input ? host.openFile?.(input) : host.stdin;
  if (input && !chunks) return fail(`open ${input}: no such file or directory`);
  if (!chunks) return fail('requested load from stdin, but stdin is empty');
  try {
    const reader = new ArchiveReader();
    for (const chunk of chunks) reader.push(chunk);
    const { images } = interpretArchive(reader.end(), engine.store);
    return ok(`${loadImages(engine, images).lines.join('\n')}\n`);
  } catch (e) {
    if (e instanceof LoadError) return fail(e.dockerText(engine.store));
    throw e;
  }
};
