import { noteRun, type OutputRun } from '../common/output-order.ts';
import { withDevices } from './devices.ts';
import { guardFs, Input, StringSink } from './io.ts';
import { table } from './commands/common.ts';
import { interpreter } from './interpreter.ts';
import { DEFAULT_PATH } from './invoke.ts';
import {
  BudgetSignal,
  ExitSignal,
  ForeverSignal,
  LoopSignal,
  ReturnSignal,
  swallowExit,
} from './signals.ts';
import { Shell } from './state.ts';
import type { Io, ShellContext, ShellResult } from './types.ts';
import { DEFAULT_LIMITS } from './types.ts';

export type { BudgetKind, ShellContext, ShellLimits, ShellResult, ShellUser } from './types.ts';
export type {
  ApkSource,
  AptSource,
  CatalogFile,
  CatalogPackage,
  PackageCatalog,
  PackageSource,
} from './packages/catalog.ts';
export { builtinCatalog } from './packages/builtin.ts';
export { preparePackage } from './packages/prepare.ts';

function makeShell(ctx: ShellContext): Shell {
  const limits = { ...DEFAULT_LIMITS, ...ctx.limits };
  let current: Shell | null = null;
  const budget = {
    steps: 0,
    maxSteps: limits.steps,
    depth: 0,
    maxDepth: limits.depth,
    outputBytes: 0,
    maxOutputBytes: limits.outputBytes,
    maxValueBytes: limits.valueBytes,
    longRunning: false,
  };
  const sh: Shell = new Shell(
    guardFs(withDevices(ctx.fs, budget), () => ({
      ...(current?.user ?? ctx.user),
      now: current?.now ?? 0,
    })),
    ctx.catalog,
    { ...ctx.user },
    ctx.cwd,
    budget,
    ctx.hostname ?? 'buildkitsandbox',
    interpreter,
  );
  current = sh;
  sh.unknownBinaries = ctx.unknownBinaries ?? 'exit';
  if (ctx.now !== undefined) sh.now = ctx.now;
  // Docker's order: PATH, HOSTNAME, the image's variables, HOME (from /etc/passwd for USER).
  if (ctx.env['PATH'] === undefined) sh.set('PATH', DEFAULT_PATH, true);
  if (ctx.env['HOSTNAME'] === undefined) sh.set('HOSTNAME', sh.hostname, true);
  for (const [k, v] of Object.entries(ctx.env)) sh.set(k, v, true);
  if (sh.get('HOME') === undefined) {
    const home = table(sh, '/etc/passwd').find((f) => f[2] === String(ctx.user.uid))?.[5];
    sh.set('HOME', home ?? (ctx.user.uid === 0 ? '/root' : '/'), true);
  }
  sh.set('PWD', ctx.cwd, true);
  sh.set('IFS', ' \t\n');
  return sh;
}

/** Runs `body` and turns every way a run can end (exit, budget, JS stack) into a result. */
function finish(sh: Shell, body: (io: Io) => number, ctx: ShellContext): ShellResult {
  const order: OutputRun[] = [];
  const stdout = new StringSink(sh, undefined, { runs: order, stream: 'stdout' });
  const stderr = new StringSink(sh, undefined, { runs: order, stream: 'stderr' });
  const io: Io = {
    stdin: new Input(ctx.stdin ?? ''),
    stdout,
    stderr,
    pipedOut: false,
    tty: ctx.tty === true,
  };
  sh.stderr = stderr;
  let exitCode: number;
  let budget: BudgetSignal | null = null;
  let internal: string | null = null;
  try {
    exitCode = body(io);
  } catch (e) {
    if (e instanceof ExitSignal) exitCode = e.code;
    else if (e instanceof ReturnSignal) exitCode = e.code;
    else if (e instanceof LoopSignal) exitCode = 0;
    else if (e instanceof BudgetSignal) budget = e;
    else if (e instanceof ForeverSignal) {
      sh.budget.longRunning = true;
      sh.budget.foreverCommand = e.command;
      exitCode = 0;
    } else if (e instanceof RangeError)
      // JS stack overflow is nesting; "Invalid string length" and friends are a value too big.
      budget = /call stack/i.test(e.message)
        ? new BudgetSignal('depth', 'this step nested too deeply for the simulator')
        : new BudgetSignal('size', 'this step built a value too large for the simulator');
    else {
      // A bug in the simulator must not take the page down: report it as the run's failure.
      internal = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    exitCode ??= 1;
  }
  const result: ShellResult = {
    exitCode: budget ? 1 : exitCode,
    stdout: stdout.text(),
    stderr: stderr.text(),
    env: sh.environ(),
    cwd: sh.cwd,
    order,
  };
  const said = (line: string) => {
    result.stderr += line;
    noteRun(order, 'stderr', line.length);
  };
  if (internal !== null) {
    result.internalError = internal;
    said(`layerlab: the simulated shell failed (${internal})\n`);
  } else if (budget) {
    result.budgetExceeded = budget.kind;
    result.message = budget.message;
    said(`${budget.message}\n`);
  } else if (sh.budget.longRunning) {
    result.longRunning = true;
    if (sh.budget.foreverCommand) result.foreverCommand = sh.budget.foreverCommand;
  }
  return result;
}

/**
 * Runs a script as `/bin/sh -c script` does (dash semantics), over `ctx.fs`. Never throws for
 * any script: limits end the run with `budgetExceeded` and a message.
 *
 * @example
 * const r = runShell('apt-get update && apt-get install -y curl', { fs, env: {}, cwd: '/',
 *   user: { uid: 0, gid: 0, name: 'root' }, catalog: builtinCatalog });
 * r.exitCode; // 0
 */
export function runShell(script: string, ctx: ShellContext): ShellResult {
  const sh = makeShell(ctx);
  let exited = false;
  const result = finish(
    sh,
    (io) => {
      let status: number;
      try {
        status = interpreter.runScript(script, sh, io);
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        exited = true;
        status = e.code;
      }
      return interpreter.runExitTrap(sh, io, status);
    },
    ctx,
  );
  if (exited) result.exited = true;
  return result;
}

/**
 * Runs an exec-form command (`CMD ["nginx", "-g", "daemon off;"]`): no shell parsing, argv[0]
 * resolved on PATH. A program the simulator cannot run (a copied binary) counts as long-running.
 *
 * @example
 * runExec(['sleep', 'infinity'], ctx).longRunning; // true
 */
export function runExec(argv: string[], ctx: ShellContext): ShellResult {
  const sh = makeShell({ unknownBinaries: 'run-forever', ...ctx });
  const name = argv[0];
  return finish(
    sh,
    (io) => {
      if (name === undefined) return 0;
      const found = interpreter.resolveCommand(name, sh);
      if (!found || found.kind === 'function') {
        // Docker's own wording when the exec-form program is missing.
        const why = name.includes('/')
          ? `stat ${name}: no such file or directory`
          : 'executable file not found in $PATH';
        io.stderr.write(`exec: "${name}": ${why}\n`);
        return 127;
      }
      return swallowExit(() => interpreter.invoke(argv, io, sh, []));
    },
    ctx,
  );
}

/** Every command name the shell knows (builtins and utilities), sorted, for Tab completion. */
export const KNOWN_COMMANDS: readonly string[] = [
  ...new Set([...interpreter.registry.builtins.keys(), ...interpreter.registry.utilities.keys()]),
].sort();
