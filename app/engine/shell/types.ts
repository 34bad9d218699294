import type { ShellFs } from './fs-port.ts';
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
  /** Exported variables after the run (what `env` would print). */
  env: Record<string, string>;
  cwd: string;
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
