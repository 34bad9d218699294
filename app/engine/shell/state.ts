import type { Command } from './ast.ts';
import type { ShellFs } from '../fs/port.ts';
import { FsError } from '../fs/port.ts';
import type { PackageCatalog } from './packages/catalog.ts';
import { valueTooLarge } from './io.ts';
import { BudgetSignal, ForeverSignal } from './signals.ts';
import type { Interpreter, ShellUser, Sink } from './types.ts';

/** Counters shared by a shell and every subshell it starts: the limits apply to the whole run. */
export interface Budget {
  steps: number;
  maxSteps: number;
  depth: number;
  maxDepth: number;
  outputBytes: number;
  maxOutputBytes: number;
  /** Longest string the shell holds: a variable, `$(...)`, a pipe, a here-doc, a file as text. */
  maxValueBytes: number;
  /** Set by commands that would never return (`sleep infinity`, servers). */
  longRunning: boolean;
  foreverCommand?: string;
}

export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  pipefail: boolean;
  nounset: boolean;
}

/**
 * Normalises `p` against `cwd`: absolute, no `.`/`..`, no trailing slash.
 *
 * @example
 * resolvePath('/app', '../etc/./passwd'); // '/etc/passwd'
 */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

const MESSAGES: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ELOOP: 'Too many levels of symbolic links',
  EXDEV: 'Invalid cross-device link',
  ENOSPC: 'No space left on device',
  ENXIO: 'No such device or address',
};

/**
 * The strerror text GNU tools print after a colon.
 *
 * @example
 * errText(new FsError('ENOENT', '/x')); // 'No such file or directory'
 */
export function errText(e: unknown): string {
  if (e instanceof FsError) return MESSAGES[e.code] ?? e.code;
  return e instanceof Error ? e.message : String(e);
}

/** The state of one shell process. Subshells are clones sharing the fs and the budget. */
export class Shell {
  vars = new Map<string, string>();
  exported = new Set<string>();
  funcs = new Map<string, Command>();
  positional: string[] = [];
  /** One frame per running function: the values `local` will restore on return. */
  locals: Map<string, { value: string | undefined; exported: boolean }>[] = [];
  options: ShellOptions = { errexit: false, xtrace: false, pipefail: false, nounset: false };
  lastStatus = 0;
  /** Status of the last command substitution while expanding a command (its status if bare). */
  substStatus: number | null = null;
  lineno = 1;
  /** `sh` in messages such as `/bin/sh: 1: foo: not found`. */
  arg0 = '/bin/sh';
  /** `trap '...' EXIT`: run when this shell process ends. Not inherited by subshells. */
  exitTrap: string | null = null;
  /** Running as bash (`bash -c`, `#!/bin/bash`): bash's messages, `[[`, `echo -e`. */
  bash = false;
  /** Where command substitutions send their stderr. */
  stderr: Sink = { write: () => {} };
  unknownBinaries: 'exit' | 'run-forever' = 'exit';
  /** The simulator's fixed clock, seconds since the epoch (`date`, new mtimes). */
  now = 1_700_000_000;
  /** Nonzero while running a condition, where set -e does not apply. */
  noErrexit = 0;

  constructor(
    readonly fs: ShellFs,
    readonly catalog: PackageCatalog,
    public user: ShellUser,
    public cwd: string,
    readonly budget: Budget,
    readonly hostname: string,
    /** The interpreter and its command tables (see `interpreter.ts`). */
    readonly interp: Interpreter,
  ) {}

  clone(): Shell {
    const c = new Shell(
      this.fs,
      this.catalog,
      { ...this.user },
      this.cwd,
      this.budget,
      this.hostname,
      this.interp,
    );
    c.vars = new Map(this.vars);
    c.exported = new Set(this.exported);
    c.funcs = new Map(this.funcs);
    c.positional = [...this.positional];
    c.locals = this.locals.map((f) => new Map(f));
    c.options = { ...this.options };
    c.lastStatus = this.lastStatus;
    c.lineno = this.lineno;
    c.arg0 = this.arg0;
    c.bash = this.bash;
    // POSIX: a subshell starts with the traps reset.
    c.stderr = this.stderr;
    c.noErrexit = this.noErrexit;
    c.now = this.now;
    c.unknownBinaries = this.unknownBinaries;
    return c;
  }

  resolve(p: string): string {
    return resolvePath(this.cwd, p);
  }

  get(name: string): string | undefined {
    return this.vars.get(name);
  }

  set(name: string, value: string, exported = false): void {
    this.checkValue(value.length);
    this.vars.set(name, value);
    if (exported) this.exported.add(name);
  }

  /** The environment a child process would receive, in the order it was set (as `env` shows). */
  environ(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of this.exported) {
      const v = this.vars.get(name);
      if (v !== undefined) env[name] = v;
    }
    return env;
  }

  /** Counts one command or loop iteration against the run's step budget. */
  tick(): void {
    if (++this.budget.steps > this.budget.maxSteps) {
      throw new BudgetSignal(
        'steps',
        `this step ran too long for the simulator (limit ${this.budget.maxSteps})`,
      );
    }
  }

  /** Runs `fn` one level deeper (function call, subshell, eval), failing past the depth limit. */
  nested<T>(fn: () => T): T {
    if (this.budget.depth >= this.budget.maxDepth) {
      throw new BudgetSignal(
        'depth',
        `commands nested too deeply for the simulator (limit ${this.budget.maxDepth})`,
      );
    }
    this.budget.depth++;
    try {
      return fn();
    } finally {
      this.budget.depth--;
    }
  }

  /** Fails the run when a string of `length` characters would pass the value limit. */
  checkValue(length: number, what?: string): void {
    if (length > this.budget.maxValueBytes) throw valueTooLarge(this.budget.maxValueBytes, what);
  }

  /** Counts bytes written to the captured stdout/stderr. */
  output(bytes: number): void {
    this.budget.outputBytes += bytes;
    if (this.budget.outputBytes > this.budget.maxOutputBytes) {
      throw new BudgetSignal(
        'size',
        `this step wrote more output than the simulator keeps (limit ${this.budget.maxOutputBytes} bytes)`,
      );
    }
  }

  /** Ends the run here: `argv` would never return. */
  forever(argv: string[]): never {
    throw new ForeverSignal(argv.join(' '));
  }

  /** `/bin/sh: 3: ` — the prefix of errors the shell itself reports. */
  prefix(): string {
    return this.bash ? `${this.arg0}: line ${this.lineno}: ` : `${this.arg0}: ${this.lineno}: `;
  }
}
