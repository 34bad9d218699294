/** `docker inspect` / `docker image inspect` / `docker container inspect`, as dockerd's JSON. */
import { chainIds, diffId, type RunConfig } from '../../fs/index.ts';
import type { Engine } from '../../daemon/engine.ts';
import { parseArgs } from '../argv.ts';
import { renderTemplate } from '../format/gotemplate.ts';
import { fail, ok, usageError, type Command } from '../types.ts';
import { imageSize } from './images.ts';
import { inspectContainer } from './inspect-container.ts';
import { shortId } from '../../common/ids.ts';

const set = (list: readonly string[] | undefined) =>
  list?.length ? Object.fromEntries(list.map((k) => [k, {}])) : null;

function inspectConfig(c: RunConfig): Record<string, unknown> {
  return {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(c.ExposedPorts?.length ? { ExposedPorts: set(c.ExposedPorts) } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env ?? null,
    Cmd: c.Cmd ?? null,
    ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
    ...(c.ArgsEscaped ? { ArgsEscaped: true } : {}),
    Image: c.Image ?? '',
    Volumes: set(c.Volumes),
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ?? null,
    OnBuild: c.OnBuild ?? null,
    Labels: c.Labels ?? null,
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    ...(c.Shell ? { Shell: c.Shell } : {}),
  };
}

export function inspectImage(engine: Engine, name: string): Record<string, unknown> | undefined {
  const image = engine.images.find(name);
  if (!image) return undefined;
  const diffIds = image.layers.map((l) => diffId(l));
  const last = image.history.at(-1);
  return {
    Id: image.id,
    RepoTags: engine.images.tagsOf(image.id).sort(),
    RepoDigests: [],
    Parent: image.parent ?? '',
    Comment: last?.comment ?? '',
    Created: last?.created ?? '1970-01-01T00:00:00Z',
    DockerVersion: '',
    Author: '',
    Config: inspectConfig(image.config),
    Architecture: 'amd64',
    Os: 'linux',
    Size: imageSize(engine, image.id),
    GraphDriver: {
      Data: {
        MergedDir: `/var/lib/docker/overlay2/${shortId(chainIds(diffIds).at(-1)) || 'empty'}/merged`,
      },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: diffIds },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}

/**
 * `docker inspect` looks for a container, then an image, as Docker does; `--type` (or the
 * `container inspect` / `image inspect` forms) names one kind.
 */
function inspectOf(only: 'container' | 'image' | undefined): Command {
  return ({ engine, argv }) => inspectCommand(engine, argv, only);
}

export const inspect: Command = inspectOf(undefined);
export const imageInspect: Command = inspectOf('image');
export const containerInspect: Command = inspectOf('container');

function inspectCommand(
  engine: Engine,
  argv: readonly string[],
  only: 'container' | 'image' | undefined,
): ReturnType<Command> {
  const args = parseArgs(
    argv,
    [
      { name: 'format', short: 'f', type: 'string' },
      { name: 'type', type: 'string' },
      { name: 'size', short: 's', type: 'bool' },
    ],
    { command: 'inspect' },
  );
  if (args.positional.length === 0)
    return usageError(
      'inspect',
      'at least 1 argument',
      'inspect [OPTIONS] NAME|ID [NAME|ID...]',
      'Return low-level information on Docker objects',
    );
  const type = only ?? args.string('type');
  if (type !== undefined && type !== 'container' && type !== 'image')
    return fail(`"${type}" is not a valid value for --type`);
  const found: Record<string, unknown>[] = [];
  const errors: string[] = [];
  for (const name of args.positional) {
    const obj =
      (type !== 'image' ? inspectContainer(engine, name) : undefined) ??
      (type !== 'container' ? inspectImage(engine, name) : undefined);
    if (obj) found.push(obj);
    else
      errors.push(
        type === 'image'
          ? `Error: No such image: ${name}`
          : type === 'container'
            ? `Error: No such container: ${name}`
            : `Error: No such object: ${name}`,
      );
  }
  const format = args.string('format');
  const stdout = format
    ? found.map((o) => `${renderTemplate(format, o)}\n`).join('')
    : `${JSON.stringify(found, null, 4)}\n`;
  return errors.length ? fail(errors.join('\n'), 1, stdout) : ok(stdout);
}
