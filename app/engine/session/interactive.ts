/**
 * The terminal's interactive shells: `docker run -it IMAGE sh` and `docker exec -it CONTAINER
 * sh` attach the terminal to a shell in the container (the CLI says so in `attach`); each line
 * typed there runs in it, in the directory and with the variables the previous line left, until
 * the shell exits (`exit`, or the terminal closes it). Plain data in and out: the shell's state
 * travels with the handle, so a restarted worker still runs the next line.
 */
import type { ShellAttach } from '../cli/types.ts';
import { runInContainer, type Container } from '../containers/container.ts';
import type { Engine } from '../daemon/engine.ts';
import { EngineError } from '../common/diagnostics.ts';
import { resolveUser } from '../fs/users.ts';
import { shortId } from '../common/ids.ts';

/** A shell the terminal is attached to. */
export interface InteractiveShell {
  /** The container's full ID. */
  container: string;
  /** Its name (`docker ps` NAMES) and hostname (the short ID), for the prompt. */
  name: string;
  hostname: string;
  /** `root`, or the user the shell runs as: `#` or `$` in the prompt. */
  user: string;
  /** The shell's working directory after the last line. */
  cwd: string;
  /** The shell's exported variables after the last line. */
  env: Record<string, string>;
  /** The shell is the container's main process (`run -it`): when it exits, the container stops. */
  stopOnExit: boolean;
}

/** What one typed line did. `shell` is the shell afterwards, or undefined once it exited. */
export interface ShellLineResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  shell: InteractiveShell | undefined;
}

/** The shell a CLI command attached the terminal to. */
export function openShell(engine: Engine, attach: ShellAttach): InteractiveShell {
  const c = engine.containers.resolve(attach.container);
  const user = resolveUser(attach.user ?? c.user, c.lower);
  const env: Record<string, string> = {};
  for (const e of attach.env) {
    const i = e.indexOf('=');
    if (i > 0) env[e.slice(0, i)] = e.slice(i + 1);
  }
  return {
    container: c.id,
    name: c.name,
    hostname: shortId(c.id),
    user: user.name,
    cwd: attach.workdir ?? c.workdir,
    env,
    stopOnExit: attach.stopOnExit,
  };
}

/**
 * Runs one typed line in the shell's container.
 *
 * @example
 * const r = runShellLine(engine, shell, 'cd /etc && ls | head -1');
 * r.shell?.cwd; // '/etc'
 */
export function runShellLine(
  engine: Engine,
  shell: InteractiveShell,
  line: string,
): ShellLineResult {
  const c = running(engine, shell);
  if (typeof c === 'string') return { exitCode: 1, stdout: '', stderr: c, shell: undefined };
  const r = runInContainer(c, ['/bin/sh', '-c', line], {
    catalog: engine.opts.catalog,
    env: Object.entries(shell.env).map(([k, v]) => `${k}=${v}`),
    workdir: shell.cwd,
    user: shell.user,
    now: engine.now(),
    tty: true,
  });
  if (r.exited) {
    closeShell(engine, shell, r.exitCode);
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, shell: undefined };
  }
  return {
    exitCode: r.exitCode,
    stdout: r.stdout,
    stderr: r.stderr,
    shell: { ...shell, cwd: r.cwd, env: r.env },
  };
}

/**
 * The shell ends (`exit`, Ctrl+D, the terminal closed): a `run -it` container's main process
 * ends with it, and the container exits with its status (removed if it ran with `--rm`).
 */
export function closeShell(engine: Engine, shell: InteractiveShell, status = 0): void {
  if (!shell.stopOnExit) return;
  const c = engine.containers.all().find((x) => x.id === shell.container);
  if (!c || c.state !== 'running') return;
  c.state = 'exited';
  c.exitCode = status;
  c.finishedAt = engine.now();
  if (c.autoRemove) engine.containers.remove(c.id);
}

/** The shell's container if it still runs, else what docker says about it. */
function running(engine: Engine, shell: InteractiveShell): Container | string {
  let c: Container;
  try {
    c = engine.containers.resolve(shell.container);
  } catch (e) {
    if (e instanceof EngineError) return `${e.message}\n`;
    throw e;
  }
  if (c.state !== 'running')
    return `Error response from daemon: Container ${c.id} is not running\n`;
  return c;
}
