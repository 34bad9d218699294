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
  /** The last command would keep running (a server, `sleep infinity`): a container stays Up. */
  longRunning?: boolean;
}

export const DEFAULT_LIMITS: Required<ShellLimits> = {
  steps: 100_000,
  depth: 100,
  outputBytes: 8 * 1024 * 1024,
};
