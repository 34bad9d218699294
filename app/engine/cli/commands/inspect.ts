/** `docker inspect` / `docker image inspect` / `docker container inspect`, as dockerd's JSON. */
import { repoDigestsOf } from '../../daemon/distribution.ts';
import { chainIds, diffId, goTime, type RunConfig } from '../../fs/index.ts';
import { topDescriptor } from '../../images/oci.ts';
import { DOCKER_VERSION } from '../version.ts';
import type { Engine } from '../../daemon/engine.ts';
import { parseArgs } from '../argv.ts';
import { renderTemplate } from '../format/gotemplate.ts';
import { fail, ok, usageError, type Command } from '../types.ts';
import { imageSize } from './images.ts';
import { contentSize } from '../../daemon/disk-usage.ts';
import { inspectContainer } from './inspect-container.ts';

/** A Go map[string]struct{} as JSON: keys sorted, as encoding/json writes maps. */
const set = (list: readonly string[] | undefined) =>
  list?.length ? Object.fromEntries([...list].sort().map((k) => [k, {}])) : null;

/**
 * An image's Config as Docker 28.5's API returns it (dockerspec.DockerOCIImageConfig, keys in
 * order): the runtime fields only, no Hostname, Attach* or Tty (those belong to containers).
 */
function inspectConfig(c: RunConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ...(c.ArgsEscaped ? { ArgsEscaped: true } : {}),
    Cmd: c.Cmd ?? null,
    Entrypoint: c.Entrypoint ?? null,
    Env: c.Env ?? null,
    ...(c.ExposedPorts?.length ? { ExposedPorts: set(c.ExposedPorts) } : {}),
    ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
    Labels: c.Labels ?? null,
    OnBuild: c.OnBuild ?? null,
    ...(c.Shell ? { Shell: c.Shell } : {}),
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    User: c.User ?? '',
    Volumes: set(c.Volumes),
    WorkingDir: c.WorkingDir ?? '',
  };
  return out;
}

/** overlay2 names a layer's directory by a cache ID of its own; the chain ID stands in for it. */
const layerDir = (chain: string) => `/var/lib/docker/overlay2/${chain.slice(7)}`;

function graphDriver(engine: Engine, diffIds: readonly string[]): Record<string, unknown> {
  if (engine.store === 'containerd') return { Data: null, Name: 'overlayfs' };
  const chains = chainIds(diffIds);
  const top = chains.at(-1);
  const lower = chains.slice(0, -1).reverse();
  const data: Record<string, string> = {};
  if (lower.length) data.LowerDir = lower.map((c) => `${layerDir(c)}/diff`).join(':');
  if (top) {
    data.MergedDir = `${layerDir(top)}/merged`;
    data.UpperDir = `${layerDir(top)}/diff`;
    data.WorkDir = `${layerDir(top)}/work`;
  }
  return { Data: data, Name: 'overlay2' };
}

/**
 * `docker image inspect` as Docker 28.5 prints it: no Container, ContainerConfig or
 * VirtualSize; RepoDigests from registries (and the image's own digest in the containerd
 * store, which also shows the Descriptor the image is).
 */
export function inspectImage(engine: Engine, name: string): Record<string, unknown> | undefined {
  const image = engine.images.find(name) ?? engine.findByOwnDigest(name);
  if (!image) return undefined;
  const diffIds = image.layers.map((l) => diffId(l));
  const last = image.history.at(-1);
  const content = engine.store === 'containerd' ? engine.contentOf(image) : undefined;
  const top = content && topDescriptor(content);
  // BuildKit keeps no parent and writes no daemon version; the legacy builder and docker
  // commit do (recorded on 28.5 with the overlay2 store; the containerd store leaves it empty).
  const classic =
    image.parent !== undefined &&
    !image.history.some((h) => h.comment === 'buildkit.dockerfile.v0');
  return {
    Id: image.id,
    RepoTags: engine.images.tagsOf(image.id).sort(),
    RepoDigests: repoDigestsOf(engine, image.id),
    Parent: classic ? (image.parent ?? '') : '',
    Comment: last?.comment ?? '',
    Created: last?.created ?? '1970-01-01T00:00:00Z',
    DockerVersion: classic && engine.store !== 'containerd' ? DOCKER_VERSION : '',
    Author: '',
    Architecture: 'amd64',
    Os: 'linux',
    Size: content ? contentSize(engine, image) : imageSize(engine, image.id),
    GraphDriver: graphDriver(engine, diffIds),
    RootFS: { Type: 'layers', Layers: diffIds },
    Metadata: { LastTagTime: goTime(image.created) },
    ...(top
      ? { Descriptor: { mediaType: top.mediaType, digest: top.digest, size: top.size } }
      : {}),
    Config: inspectConfig(image.config),
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
