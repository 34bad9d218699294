import type { Command } from './ast.ts';
import type { OutputRun } from '../common/output-order.ts';
import type { ShellFs } from '../fs/port.ts';
import type { PackageCatalog } from './packages/catalog.ts';
import type { Input } from './io.ts';
import type { Shell } from './state.ts';

/** Where a command writes. Files behind redirections buffer and flush when the command ends. */
export interface Sink {
  write(s: string): void;
}

export interface Io {
  /** Shared by the commands of a compound command, so `while read` consumes line by line. */
  stdin: Input;
  stdout: Sink;
  stderr: Sink;
  /** True when stdout feeds another command: `yes` stops as if the reader closed the pipe. */
  pipedOut: boolean;
  /** stdout is the terminal (`docker run -t`): `ls` prints columns. */
  tty?: boolean;
}

/** What a command name means: found by `resolveCommand` in the order dash uses. */
export type Resolved =
  | { kind: 'function' | 'builtin'; name: string }
  | { kind: 'command'; fn: CommandFn; path: string }
  | { kind: 'script'; path: string }
  | { kind: 'interpreted'; fn: CommandFn; path: string; interp: string }
  | { kind: 'binary'; path: string };

/** The tables of commands: what the shell runs itself and the utilities on PATH. */
export interface CommandRegistry {
  builtins: ReadonlyMap<string, CommandFn>;
  /** POSIX special builtins: assignments before them stay in the shell. */
  special: ReadonlySet<string>;
  utilities: ReadonlyMap<string, CommandFn>;
  /** Utilities a package provides (curl, apt-get...): they run only when their file is on PATH. */
  needsBinary: ReadonlySet<string>;
}

/**
 * The interpreter as commands see it. Commands that run shell code (`eval`, `sh -c`, `.`,
 * `find -exec`, `xargs`, `npm run`) call back through this, handed to them on the `Shell`, so
 * no command module imports the interpreter and the modules form a tree.
 */
export interface Interpreter {
  readonly registry: CommandRegistry;
  runScript(src: string, sh: Shell, io: Io): number;
  runCommand(cmd: Command, sh: Shell, io: Io): number;
  /** `sh script.sh args` and `./script.sh`: a new shell process running the file. */
  runScriptFile(
    path: string,
    args: string[],
    io: Io,
    sh: Shell,
    arg0?: string,
    bash?: boolean,
  ): number;
  /** Runs argv with `NAME=value` prefixes applied for the duration of the command. */
  invoke(
    argv: string[],
    io: Io,
    sh: Shell,
    assigns: readonly (readonly [string, string])[],
  ): number;
  resolveCommand(name: string, sh: Shell): Resolved | null;
  /** `$(...)`: stdout of the script run in a subshell, trailing newlines removed. */
  substitute(script: string, sh: Shell): string;
  /** Runs the EXIT trap once, keeping the status the shell was exiting with. */
  runExitTrap(sh: Shell, io: Io, status: number): number;
}

/** A utility: receives argv (argv[0] is the name it was called by) and returns its exit code. */
export type CommandFn = (argv: string[], io: Io, sh: Shell) => number;

export interface ShellUser {
  uid: number;
  gid: number;
  name: string;
}

export interface ShellLimits {
  /** Commands plus loop iterations one run may execute. */
  steps?: number;
  /** Nesting of function calls, subshells, `eval`, `sh -c` and command substitutions. */
  depth?: number;
  /** Bytes of stdout/stderr kept before the run is stopped. */
  outputBytes?: number;
  /**
   * Longest string kept in memory: a variable, a command substitution, a pipe between two
   * commands, a here-doc, a printf field, a file read as text.
   */
  valueBytes?: number;
}

export type BudgetKind = 'steps' | 'size' | 'depth';

export interface ShellContext {
  fs: ShellFs;
  env: Record<string, string>;
  cwd: string;
  user: ShellUser;
  catalog: PackageCatalog;
  limits?: ShellLimits;
  stdin?: string;
  /** The container's hostname (`hostname`, `uname -n`). */
  hostname?: string;
  /** stdout is a terminal (`docker run -t`, `docker exec -t`): `ls` lays names out in columns. */
  tty?: boolean;
  /** The simulator's clock, seconds since the epoch (`date`, `touch`, `ls -l` "recent"). */
  now?: number;
  /**
   * What a program the simulator cannot run (a copied binary, a pip console script) does:
   * `exit` (status 0, the default for RUN) or `run-forever` (a container's main process).
   * runExec defaults to `run-forever`.
   */
  unknownBinaries?: 'exit' | 'run-forever';
}

export interface ShellResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Which stream wrote what, in turn (common/output-order.ts): a terminal shows them so. */
  order?: OutputRun[];
  /** Exported variables after the run (what `env` would print). */
  env: Record<string, string>;
  cwd: string;
  /** The script ran `exit`: an interactive shell that ran it ends there. */
  exited?: boolean;
  /** Set when the simulator stopped the run; `message` says why in words a learner reads. */
  budgetExceeded?: BudgetKind;
  message?: string;
  /**
   * A command would keep running (a server, `sleep infinity`): the run stopped there, as if
   * still running. A container stays Up; a RUN step would hang. `foreverCommand` names it.
   */
  longRunning?: boolean;
  foreverCommand?: string;
  /** Set only when the simulator itself failed (a bug): the run ended with status 1. */
  internalError?: string;
}

export const DEFAULT_LIMITS: Required<ShellLimits> = {
  steps: 100_000,
  depth: 100,
  outputBytes: 8 * 1024 * 1024,
  valueBytes: 16 * 1024 * 1024,
};
