/**
 * Container lifecycle commands: run, create, start, stop, restart, rm, exec. ps.ts lists the
 * containers, logs.ts prints what they wrote, commit.ts shows and keeps their changes.
 */
import { EngineError } from '../../common/diagnostics.ts';
import { labHint } from '../lab-hint.ts';
import { parsePublish, type ContainerPort } from '../../containers/ports.ts';
import {
  appendLogs,
  createContainer,
  runInContainer,
  type Container,
} from '../../containers/container.ts';
import { noteRun, outputPieces, type OutputRun } from '../../common/output-order.ts';
import type { Engine } from '../../daemon/engine.ts';
import { parseArgs, type FlagSpec } from '../argv.ts';
import { fail, ok, usageError, type CliResult, type Command, type ShellAttach } from '../types.ts';

/** A shell with no script (`sh`, `/bin/bash`): it reads commands from its stdin. */
const isBareShell = (argv: readonly string[]): boolean =>
  argv.length === 1 && /^(\/bin\/|\/usr\/bin\/)?(sh|bash|ash|dash)$/.test(argv[0]!);

/** `-it` (stdin open, a terminal), not detached, running a bare shell: the terminal attaches. */
const interactiveShell = (args: ReturnType<typeof parseArgs>, argv: readonly string[]): boolean =>
  args.bool('interactive') && args.bool('tty') && !args.bool('detach') && isBareShell(argv);

const CREATE_FLAGS: FlagSpec[] = [
  { name: 'name', type: 'string' },
  { name: 'detach', short: 'd', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'env', short: 'e', type: 'list' },
  { name: 'workdir', short: 'w', type: 'string' },
  { name: 'user', short: 'u', type: 'string' },
  { name: 'interactive', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'entrypoint', type: 'string' },
  { name: 'publish', short: 'p', type: 'list' },
  { name: 'volume', short: 'v', type: 'list' },
  { name: 'network', type: 'string' },
];

/** The image for run/create, pulled when missing (with docker's messages on stderr). */
function imageFor(engine: Engine, name: string, err: string[]) {
  const local = engine.images.find(name);
  if (local) return local;
  err.push(`Unable to find image '${name.includes(':') ? name : `${name}:latest`}' locally`);
  const { image, lines } = engine.pull(name);
  err.push(...lines);
  return image;
}

/**
 * The daemon refused to create the container. `docker create` prints the daemon's error and
 * exits 1; `docker run` says it as the CLI reports errors (`docker: ...` ending in one period,
 * then where to find help) and exits 125. What was printed before (a pull) stays.
 */
function daemonRefused(
  command: string,
  message: string,
  before: string[],
  kind: 'daemon' | 'flag' = 'daemon',
): CliResult {
  const lead = before.map((l) => `${l}\n`).join('');
  if (kind === 'flag') return fail(`${message}\nSee 'docker ${command} --help'.`, 125);
  if (command !== 'run') return fail(`${lead}${message}`, 1);
  const said = `docker: ${message.replace(/\.$/, '')}.\nSee 'docker run --help'.`;
  return fail(`${lead}${said}`, 125);
}

function create(
  engine: Engine,
  argv: string[],
  command: string,
): { c: Container; args: ReturnType<typeof parseArgs>; err: string[] } | CliResult {
  const args = parseArgs(argv, CREATE_FLAGS, { command, stopAtFirstPositional: true });
  const [imageName, ...cmd] = args.positional;
  if (!imageName)
    return usageError(
      command,
      'at least 1 argument',
      `${command} [OPTIONS] IMAGE [COMMAND] [ARG...]`,
      command === 'run' ? 'Create and run a new container from an image' : 'Create a new container',
    );
  const publish: ContainerPort[] = [];
  for (const spec of args.list('publish')) {
    // An unpublished host port (`-p 80`) gets one from Docker's ephemeral range.
    const p = parsePublish(spec, 32768 + engine.containers.all().length);
    if (typeof p === 'string')
      return daemonRefused(
        command,
        `invalid argument "${spec}" for "-p, --publish" flag: ${p}`,
        [],
        'flag',
      );
    publish.push(p);
  }
  const err: string[] = [];
  let image: ReturnType<typeof imageFor>;
  let id: string;
  let name: string;
  try {
    image = imageFor(engine, imageName, err);
    ({ id, name } = engine.containers.allocate(args.string('name'), image.id));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const refused = daemonRefused(command, e.message, err);
    return labHint(e) ? { ...refused, stderr: `${refused.stderr}${labHint(e)}\n` } : refused;
  }
  const c = createContainer(
    id,
    image,
    imageName,
    name,
    {
      name,
      command: cmd.length ? cmd : undefined,
      entrypoint: args.string('entrypoint'),
      env: args.list('env'),
      workdir: args.string('workdir'),
      user: args.string('user'),
      autoRemove: args.bool('rm'),
      publish,
    },
    engine.now(),
  );
  engine.containers.add(c);
  return { c, args, err };
}

/** Start the main process: it ends (exited) or keeps running (a server, sleep infinity). */
function start(
  engine: Engine,
  c: Container,
  stdinOpen = false,
): { stdout: string; stderr: string; order?: OutputRun[] | undefined; refused?: string } {
  const taken = c.ports.find(
    (p) =>
      p.host !== undefined &&
      engine.containers
        .all()
        .some(
          (o) =>
            o.id !== c.id &&
            o.state === 'running' &&
            o.ports.some((q) => q.host === p.host && q.proto === p.proto),
        ),
  );
  if (taken) {
    return {
      stdout: '',
      stderr: '',
      refused: `Error response from daemon: driver failed programming external connectivity on endpoint ${c.name} (${c.id}): Bind for ${taken.hostIp ?? '0.0.0.0'}:${taken.host} failed: port is already allocated`,
    };
  }
  c.state = 'running';
  c.startedAt = engine.now();
  // A shell given no script and an open stdin (`-i`) waits for what is typed: it stays up.
  if (stdinOpen && isBareShell(c.argv)) return { stdout: '', stderr: '' };
  const r = runInContainer(c, c.argv, { catalog: engine.opts.catalog, now: engine.now() });
  appendLogs(c, r);
  if (!r.longRunning) {
    c.state = 'exited';
    c.exitCode = r.exitCode;
    c.finishedAt = engine.now();
    if (c.autoRemove) engine.containers.remove(c.id);
  }
  return { stdout: r.stdout, stderr: r.stderr, order: r.order };
}

export const run: Command = ({ engine, argv }) => {
  const made = create(engine, argv, 'run');
  if ('exitCode' in made) return made;
  const { c, args, err } = made;
  const out = start(engine, c, args.bool('interactive'));
  if (out.refused) {
    // The container was created; its start failed (docker run leaves it Created).
    return daemonRefused('run', out.refused, err);
  }
  const pulled = err.map((l) => `${l}\n`).join('');
  const stderr = pulled + out.stderr;
  if (args.bool('detach')) return ok(`${c.id}\n`, stderr);
  // The pull's progress, then what the container wrote as it wrote it.
  const order: OutputRun[] = [];
  noteRun(order, 'stderr', pulled.length);
  for (const piece of outputPieces(out)) noteRun(order, piece.stream, piece.text.length);
  if (c.state === 'running' && interactiveShell(args, c.argv)) {
    return {
      exitCode: 0,
      stdout: out.stdout,
      stderr,
      attach: { container: c.id, stopOnExit: true, env: [] },
    };
  }
  if (c.state === 'running') {
    return {
      exitCode: 0,
      stdout: out.stdout,
      stderr: `${stderr}(the container keeps running: its main process does not end. Stop it with: docker stop ${c.name})\n`,
    };
  }
  return { exitCode: c.exitCode, stdout: out.stdout, stderr, order };
};

export const createCmd: Command = ({ engine, argv }) => {
  const made = create(engine, argv, 'create');
  if ('exitCode' in made) return made;
  return ok(`${made.c.id}\n`, made.err.map((l) => `${l}\n`).join(''));
};

function each(
  engine: Engine,
  refs: string[],
  fn: (c: Container, ref: string) => string | undefined,
): CliResult {
  const out: string[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    try {
      const line = fn(engine.containers.resolve(ref), ref);
      if (line !== undefined) out.push(line);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      errors.push(e.message);
    }
  }
  const stdout = out.map((l) => `${l}\n`).join('');
  return errors.length ? fail(errors.join('\n'), 1, stdout) : ok(stdout);
}

export const startCmd: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'attach', short: 'a', type: 'bool' },
      { name: 'interactive', short: 'i', type: 'bool' },
    ],
    { command: 'start' },
  );
  if (!args.positional.length)
    return usageError(
      'start',
      'at least 1 argument',
      'start [OPTIONS] CONTAINER [CONTAINER...]',
      'Start one or more stopped containers',
    );
  return each(engine, args.positional, (c) => {
    if (c.state !== 'running') {
      const out = start(engine, c);
      if (out.refused) throw new EngineError('port-taken', out.refused);
    }
    return args.positional.length === 1 && args.bool('attach')
      ? c.logs.trimEnd()
      : c.name === args.positional[0]
        ? c.name
        : shortOrName(c, args.positional);
  });
};

const shortOrName = (c: Container, refs: string[]) =>
  refs.find((r) => r === c.name || c.id.startsWith(r)) ?? c.name;

export const stop: Command = ({ engine, argv }) => {
  const args = parseArgs(argv, [{ name: 'time', short: 't', type: 'string' }], { command: 'stop' });
  if (!args.positional.length)
    return usageError(
      'stop',
      'at least 1 argument',
      'stop [OPTIONS] CONTAINER [CONTAINER...]',
      'Stop one or more running containers',
    );
  return each(engine, args.positional, (c, ref) => {
    if (c.state === 'running') {
      c.state = 'exited';
      // A process stopped by SIGTERM (or SIGKILL after the grace period) exits 143 or 137.
      c.exitCode = 137;
      c.finishedAt = engine.now();
      if (c.autoRemove) engine.containers.remove(c.id);
    }
    return ref;
  });
};

/**
 * `docker restart`: stops a running container and starts it again (a stopped one just starts);
 * prints each name as given (docker/cli container/restart.go). A `--rm` container is not removed
 * between the two, as moby's containerRestart keeps it.
 */
export const restart: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'time', short: 't', type: 'string' },
      { name: 'signal', short: 's', type: 'string' },
    ],
    { command: 'restart' },
  );
  if (!args.positional.length)
    return usageError(
      'restart',
      'at least 1 argument',
      'restart [OPTIONS] CONTAINER [CONTAINER...]',
      'Restart one or more containers',
    );
  return each(engine, args.positional, (c, ref) => {
    const out = start(engine, c);
    if (out.refused) throw new EngineError('port-taken', out.refused);
    return ref;
  });
};

export const rm: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'force', short: 'f', type: 'bool' },
      { name: 'volumes', short: 'v', type: 'bool' },
    ],
    { command: 'rm' },
  );
  if (!args.positional.length)
    return usageError(
      'rm',
      'at least 1 argument',
      'rm [OPTIONS] CONTAINER [CONTAINER...]',
      'Remove one or more containers',
    );
  return each(engine, args.positional, (c, ref) => {
    if (c.state === 'running' && !args.bool('force')) {
      throw new EngineError(
        'running',
        `Error response from daemon: You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`,
      );
    }
    engine.containers.remove(c.id);
    return ref;
  });
};

export const exec: Command = ({ engine, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'interactive', short: 'i', type: 'bool' },
      { name: 'tty', short: 't', type: 'bool' },
      { name: 'detach', short: 'd', type: 'bool' },
      { name: 'env', short: 'e', type: 'list' },
      { name: 'workdir', short: 'w', type: 'string' },
      { name: 'user', short: 'u', type: 'string' },
    ],
    { command: 'exec', stopAtFirstPositional: true },
  );
  const [ref, ...cmd] = args.positional;
  if (!ref || !cmd.length)
    return usageError(
      'exec',
      'at least 2 arguments',
      'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
      'Execute a command in a running container',
    );
  const c = engine.containers.resolve(ref);
  if (c.state !== 'running')
    return fail(`Error response from daemon: Container ${c.id} is not running`);
  if (interactiveShell(args, cmd)) {
    const attach: ShellAttach = { container: c.id, stopOnExit: false, env: args.list('env') };
    if (args.string('user') !== undefined) attach.user = args.string('user')!;
    if (args.string('workdir') !== undefined) attach.workdir = args.string('workdir')!;
    return { exitCode: 0, stdout: '', stderr: '', attach };
  }
  const r = runInContainer(c, cmd, {
    catalog: engine.opts.catalog,
    env: args.list('env'),
    now: engine.now(),
    ...(args.string('workdir') !== undefined ? { workdir: args.string('workdir')! } : {}),
    ...(args.string('user') !== undefined ? { user: args.string('user')! } : {}),
  });
  if (r.exitCode === 127 && /executable file not found/.test(r.stderr)) {
    return {
      exitCode: 126,
      stdout: r.stdout,
      stderr: `OCI runtime exec failed: exec failed: unable to start container process: ${r.stderr.trim()}: unknown\n`,
    };
  }
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
};
