/**
 * `docker diff` and `docker commit`: a container's writable layer, seen and kept. The CLI reads
 * the flags; the daemon makes the image (daemon/commit.ts).
 */
import { containerChanges } from '../../containers/container.ts';
import { commitContainer } from '../../daemon/commit.ts';
import { parseArgs } from '../argv.ts';
import { ok, usageError, type Command } from '../types.ts';

export const diff: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [], { command: 'diff' });
  if (args.positional.length !== 1)
    return usageError(
      'diff',
      'exactly 1 argument',
      'diff CONTAINER',
      "Inspect changes to files or directories on a container's filesystem",
    );
  const changes = containerChanges(engine.containers.resolve(args.positional[0]!));
  return ok(changes.map((c) => `${c.kind} ${c.path}\n`).join(''));
};

export const commit: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'message', short: 'm', type: 'string' },
      { name: 'author', short: 'a', type: 'string' },
      { name: 'change', short: 'c', type: 'list' },
      { name: 'pause', short: 'p', type: 'bool' },
    ],
    { command: 'commit' },
  );
  const [ref, repo] = args.positional;
  if (!ref)
    return usageError(
      'commit',
      'at least 1 and at most 2 arguments',
      'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
      "Create a new image from a container's changes",
    );
  // dockerd reads the --change instructions and makes the image (daemon/commit.ts).
  const id = commitContainer(engine, {
    container: ref,
    ...(repo ? { repo } : {}),
    ...(args.string('message') ? { comment: args.string('message')! } : {}),
    changes: args.list('change'),
  });
  return ok(`${id}\n`);
};
