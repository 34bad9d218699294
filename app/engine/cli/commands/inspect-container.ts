/**
 * `docker inspect` of a container, as dockerd's JSON: its state, the command it runs, and the
 * overlay directories behind it (the image's layers as LowerDir, its own writable UpperDir).
 */
import { chainIds, diffId } from '../../fs/index.ts';
import { ownCommand, type Container } from '../../containers/container.ts';
import type { Engine } from '../../daemon/engine.ts';
import { shortId } from '../../common/ids.ts';

const ZERO_TIME = '0001-01-01T00:00:00Z';
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const overlayDir = (id: string) => `/var/lib/docker/overlay2/${id}`;

export function inspectContainer(engine: Engine, ref: string): Record<string, unknown> | undefined {
  const c = engine.containers.find(ref);
  if (!c) return undefined;
  const image = engine.images.get(c.image);
  const layerDirs = image
    ? chainIds(image.layers.map((l) => diffId(l)))
        .map((chain) => `${overlayDir(chain.slice(7, 31))}/diff`)
        .reverse()
    : [];
  const own = overlayDir(c.id.slice(0, 24));
  const { entrypoint, cmd } = ownCommand(c.argv, image?.config.Entrypoint);
  return {
    Id: c.id,
    Created: iso(c.created),
    Path: c.argv[0] ?? '',
    Args: c.argv.slice(1),
    State: state(c),
    Image: c.image,
    ResolvConfPath: `/var/lib/docker/containers/${c.id}/resolv.conf`,
    HostnamePath: `/var/lib/docker/containers/${c.id}/hostname`,
    HostsPath: `/var/lib/docker/containers/${c.id}/hosts`,
    LogPath: `/var/lib/docker/containers/${c.id}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      AutoRemove: c.autoRemove,
      NetworkMode: 'default',
      PortBindings: bindings(c, false),
      RestartPolicy: { Name: 'no' },
    },
    GraphDriver: {
      Data: {
        LowerDir: [`${own}-init/diff`, ...layerDirs].join(':'),
        MergedDir: `${own}/merged`,
        UpperDir: `${own}/diff`,
        WorkDir: `${own}/work`,
      },
      Name: 'overlay2',
    },
    NetworkSettings: { Ports: c.state === 'running' ? bindings(c, true) : {} },
    Config: {
      Hostname: shortId(c.id),
      Domainname: '',
      User: c.user ?? '',
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: c.env,
      Cmd: cmd.length ? cmd : null,
      Image: c.imageName,
      Volumes: null,
      WorkingDir: c.workdir,
      Entrypoint: entrypoint,
      OnBuild: null,
      Labels: image?.config.Labels ?? {},
    },
  };
}

/** `{"80/tcp": [{HostIp, HostPort}]}`: as asked for (-p), or as bound while running. */
function bindings(c: Container, live: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of c.ports) {
    const key = `${p.container}/${p.proto}`;
    if (p.host === undefined) {
      if (live) out[key] = null;
      continue;
    }
    const port = String(p.host);
    out[key] =
      live && !p.hostIp
        ? [
            { HostIp: '0.0.0.0', HostPort: port },
            { HostIp: '::', HostPort: port },
          ]
        : [{ HostIp: p.hostIp ?? '', HostPort: port }];
  }
  return out;
}

function state(c: Container): Record<string, unknown> {
  const running = c.state === 'running';
  return {
    Status: c.state,
    Running: running,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: running ? 1000 + (parseInt(c.id.slice(0, 4), 16) % 30000) : 0,
    ExitCode: c.exitCode,
    Error: '',
    StartedAt: c.state === 'created' ? ZERO_TIME : iso(c.startedAt),
    FinishedAt: running || c.state === 'created' ? ZERO_TIME : iso(c.finishedAt),
  };
}
