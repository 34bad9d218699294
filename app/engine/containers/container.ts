/**
 * Containers: an image's layers, read-only and shared, plus one thin writable layer each
 * (copy-up on write, whiteouts on delete), and a simulated main process.
 */
import { EngineError } from '../common/diagnostics.ts';
import {
  MergedView,
  layerChanges,
  openOverlay,
  type Change,
  type Layer,
  type RecordingOverlay,
  type RunConfig,
} from '../fs/index.ts';
import type { ImageRecord } from '../images/store.ts';
import { noteRun, outputPieces, type OutputRun } from '../common/output-order.ts';
import { runExec, runShell, type PackageCatalog, type ShellResult } from '../shell/index.ts';
import { resolveUser } from '../fs/users.ts';
import { containerPorts, type ContainerPort } from './ports.ts';
import { shortId } from '../common/ids.ts';

export type ContainerState = 'created' | 'running' | 'exited';

export interface Container {
  id: string;
  name: string;
  image: string;
  /** The image as the user named it (`app:1`), what `docker ps` shows. */
  imageName: string;
  /** What the main process runs: ENTRYPOINT + CMD, or the command given to docker run. */
  argv: string[];
  env: string[];
  workdir: string;
  user: string | undefined;
  created: number;
  state: ContainerState;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  /** The image's layers seen through one writable layer. */
  readonly lower: MergedView;
  readonly rw: RecordingOverlay;
  /** What its processes wrote, both streams in the order written; `logOrder` says which is which. */
  logs: string;
  logOrder: OutputRun[];
  autoRemove: boolean;
  /** Exposed and published ports (`docker ps` PORTS, `docker port`). */
  ports: ContainerPort[];
}

export interface CreateOptions {
  name: string | undefined;
  command: string[] | undefined;
  entrypoint: string | undefined;
  env: string[];
  workdir: string | undefined;
  user: string | undefined;
  autoRemove: boolean;
  /** Ports `-p` published (already parsed). */
  publish?: ContainerPort[];
}

/**
 * A container's command split back into the image's ENTRYPOINT and its own part (what
 * `docker commit` keeps as CMD and `docker inspect` shows as Config.Cmd).
 */
export function ownCommand(
  argv: readonly string[],
  entrypoint: readonly string[] | undefined,
): { entrypoint: string[] | null; cmd: string[] } {
  const ep = entrypoint ?? [];
  const starts = ep.length > 0 && ep.every((w, i) => argv[i] === w);
  return starts
    ? { entrypoint: [...ep], cmd: argv.slice(ep.length) }
    : { entrypoint: null, cmd: [...argv] };
}

/** ENTRYPOINT + CMD with docker run's overrides; shell-form CMDs are already `/bin/sh -c ...`. */
export function containerArgv(
  config: RunConfig,
  opts: Pick<CreateOptions, 'command' | 'entrypoint'>,
): string[] {
  const entrypoint =
    opts.entrypoint !== undefined
      ? opts.entrypoint === ''
        ? []
        : [opts.entrypoint]
      : [...(config.Entrypoint ?? [])];
  const cmd = opts.command?.length
    ? opts.command
    : opts.entrypoint !== undefined
      ? []
      : [...(config.Cmd ?? [])];
  const argv = [...entrypoint, ...cmd];
  if (argv.length === 0)
    throw new EngineError('no-command', 'Error response from daemon: No command specified');
  return argv;
}

function mergeEnv(image: readonly string[], extra: readonly string[]): string[] {
  const out = new Map<string, string>();
  for (const e of [...image, ...extra]) {
    const i = e.indexOf('=');
    out.set(i < 0 ? e : e.slice(0, i), e);
  }
  return [...out.values()];
}

/** One merged view per layer stack, shared by every container of that image. */
const views = new WeakMap<Layer, MergedView>();

function viewOf(layers: readonly Layer[]): MergedView {
  const top = layers[layers.length - 1];
  if (!top) return MergedView.empty;
  const known = views.get(top);
  if (known?.layers.length === layers.length && known.layers.every((l, i) => l === layers[i]))
    return known;
  const view = MergedView.of(layers);
  views.set(top, view);
  return view;
}

export function createContainer(
  id: string,
  image: ImageRecord<Layer, RunConfig>,
  imageName: string,
  name: string,
  opts: CreateOptions,
  now: number,
): Container {
  const lower = viewOf(image.layers);
  return {
    id,
    name,
    image: image.id,
    imageName,
    argv: containerArgv(image.config, opts),
    env: mergeEnv(image.config.Env ?? [], opts.env),
    workdir: opts.workdir ?? (image.config.WorkingDir || '/'),
    user: opts.user ?? image.config.User,
    created: now,
    state: 'created',
    exitCode: 0,
    startedAt: 0,
    finishedAt: 0,
    lower,
    rw: openOverlay(lower, { now: () => now, maxBytes: 2_000_000_000 }),
    logs: '',
    logOrder: [],
    autoRemove: opts.autoRemove,
    ports: containerPorts(image.config.ExposedPorts ?? [], opts.publish ?? []),
  };
}

function envRecord(env: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of env) {
    const i = e.indexOf('=');
    if (i > 0) out[e.slice(0, i)] = e.slice(i + 1);
  }
  return out;
}

/** Run a command line in a container (its main process, `docker exec`, or the -it shell). */
export function runInContainer(
  c: Container,
  argv: readonly string[],
  opts: {
    catalog: PackageCatalog;
    env?: string[];
    workdir?: string;
    user?: string;
    now: number;
    stdin?: string;
    interactive?: boolean;
    /** stdout is the terminal (`-t`): `ls` lays names out in columns. */
    tty?: boolean;
  },
): ShellResult {
  const user = resolveUser(opts.user ?? c.user, c.lower);
  const ctx = {
    fs: c.rw,
    env: envRecord(mergeEnv(c.env, opts.env ?? [])),
    cwd: opts.workdir ?? c.workdir,
    user,
    catalog: opts.catalog,
    hostname: shortId(c.id),
    now: opts.now,
    unknownBinaries: 'run-forever' as const,
    ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}),
    ...(opts.tty ? { tty: true } : {}),
  };
  const [first, second, script] = argv;
  if (
    argv.length === 3 &&
    /^(\/bin\/|\/usr\/bin\/)?(sh|bash|dash)$/.test(first ?? '') &&
    second === '-c'
  ) {
    return runShell(script ?? '', ctx);
  }
  return runExec([...argv], ctx);
}

/** `docker diff`: the writable layer against the image. */
export function containerChanges(c: Container): Change[] {
  return layerChanges(c.rw.commit(), c.lower.root);
}

/** Bytes in the writable layer: `docker ps -s` SIZE. */
export function writableSize(c: Container): number {
  return c.rw.commit().stats.size;
}

/** Keeps what a process wrote in the container's log, stdout and stderr in the order written. */
export function appendLogs(c: Container, out: ShellResult): void {
  for (const piece of outputPieces(out)) {
    c.logs += piece.text;
    noteRun(c.logOrder, piece.stream, piece.text.length);
  }
}

/**
 * The log as dockerd's json-file driver keeps it: a line per entry with the stream that wrote
 * it (a line cut short is an entry too).
 */
export function logEntries(c: Container): { stream: 'stdout' | 'stderr'; text: string }[] {
  let at = 0;
  const entries: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  for (const run of c.logOrder) {
    const text = c.logs.slice(at, at + run.length);
    at += run.length;
    for (const line of text.split(/(?<=\n)/))
      if (line) entries.push({ stream: run.stream, text: line });
  }
  const rest = c.logs.slice(at);
  for (const line of rest.split(/(?<=\n)/))
    if (line) entries.push({ stream: 'stdout', text: line });
  return entries;
}
