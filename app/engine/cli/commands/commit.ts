/** `docker diff` and `docker commit`: a container's writable layer, seen and kept. */
import { applyChanges } from './commitChanges.ts';
import { containerChanges, ownCommand } from '../../containers/container.ts';
import { diffId, imageConfigJson, imageId } from '../../fs/index.ts';
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
  const c = engine.containers.resolve(ref);
  const image = engine.images.resolve(c.image);
  const rw = c.rw.commit();
  const layers = rw.stats.entries ? [...image.layers, rw] : [...image.layers];
  const history = [
    ...image.history,
    {
      created: '1970-01-01T00:00:00Z',
      created_by: c.argv.join(' '),
      ...(args.string('message') ? { comment: args.string('message')! } : {}),
      ...(rw.stats.entries ? {} : { empty_layer: true }),
    },
  ];
  // The new image keeps the container's command as its CMD, as docker commit does.
  const ownCmd = ownCommand(c.argv, image.config.Entrypoint).cmd;
  // `--change` instructions apply on top (`--change 'CMD ["cat", "/etc/motd"]'`).
  const config = applyChanges(args.list('change'), {
    ...image.config,
    Cmd: ownCmd.length ? ownCmd : (image.config.Cmd ?? []),
  });
  const configJson = imageConfigJson({
    config,
    diffIds: layers.map((l) => diffId(l)),
    history,
    flavor: 'classic',
    extra: { parent: image.id },
  });
  const { id } = engine.addImage({
    id: imageId(configJson),
    layers,
    config,
    history,
    configJson,
    parent: image.id,
    intermediate: false,
  });
  if (repo) engine.images.tag(id, repo);
  return ok(`${id}\n`);
};
