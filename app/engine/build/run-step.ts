/**
 * RUN: the command runs in the simulated shell over a recording overlay of the image so far;
 * what it changed becomes the step's layer.
 */
import { EngineError } from '../common/diagnostics.ts';
import type { SourceRange } from '../common/diagnostics.ts';
import { BudgetExceededError, openOverlay, type Layer, type MergedView } from '../fs/index.ts';
import { sizeLimitMessage } from '../limits/messages.ts';
import { runExec, runShell, type PackageCatalog, type ShellResult } from '../shell/index.ts';

export interface RunInput {
  argv: string[];
  /** True when the argv came from the shell form (`/bin/sh -c ...`). */
  shellForm: boolean;
  env: Record<string, string>;
  workdir: string;
  user: { uid: number; gid: number; name: string };
  view: MergedView;
  catalog: PackageCatalog;
  range: SourceRange;
  limits: { steps: number; maxBytes: number };
  now: number;
}

export interface RunOutput {
  /** What the command changed: a layer with no entries when it changed nothing. */
  layer: Layer;
  stdout: string;
  stderr: string;
}

function isPlainShell(argv: readonly string[]): boolean {
  return (
    argv.length === 3 &&
    /^(\/bin\/|\/usr\/bin\/)?(sh|bash|dash)$/.test(argv[0]!) &&
    argv[1] === '-c'
  );
}

/**
 * Run a RUN step. Throws EngineError (with the step's range) when the command fails, in
 * BuildKit's words (`data.classic` holds the classic builder's).
 */
export function runStep(input: RunInput): RunOutput {
  const fs = openOverlay(input.view, {
    owner: { uid: input.user.uid, gid: input.user.gid },
    maxBytes: input.limits.maxBytes,
    now: () => input.now,
  });
  const ctx = {
    fs,
    env: input.env,
    cwd: input.workdir,
    user: input.user,
    catalog: input.catalog,
    limits: { steps: input.limits.steps },
    now: input.now,
  };
  let result: ShellResult;
  try {
    result = isPlainShell(input.argv) ? runShell(input.argv[2]!, ctx) : runExec(input.argv, ctx);
  } catch (e) {
    if (e instanceof BudgetExceededError) result = sizeExceeded(input.limits.maxBytes);
    else throw e;
  }
  const shown = input.argv.join(' ');
  if (
    !result.budgetExceeded &&
    result.exitCode !== 0 &&
    /No space left on device/.test(result.stderr)
  ) {
    result = {
      ...sizeExceeded(input.limits.maxBytes),
      stdout: result.stdout,
      stderr: result.stderr,
    };
  }
  if (result.budgetExceeded) {
    throw new EngineError(
      'run-budget',
      result.message ?? 'this step ran too long for the simulator',
      input.range,
      {
        output: result.stdout + result.stderr,
        hint:
          result.budgetExceeded === 'size'
            ? 'The simulator keeps images small enough for a browser. Write less data in this step.'
            : 'Loops that never end and programs that run forever cannot finish a build step.',
      },
    );
  }
  if (result.longRunning) {
    const what = result.foreverCommand ?? shown;
    throw new EngineError(
      'run-forever',
      `this step would never finish: "${what}" keeps running`,
      input.range,
      {
        output: result.stdout + result.stderr,
        hint: 'A server or a sleep belongs in CMD (what a container runs), not in RUN (what the build runs).',
      },
    );
  }
  if (result.exitCode !== 0) {
    throw new EngineError(
      'run-failed',
      `process "${shown}" did not complete successfully: exit code: ${result.exitCode}`,
      input.range,
      {
        classic: `The command '${shown}' returned a non-zero code: ${result.exitCode}`,
        output: result.stdout + result.stderr,
        exitCode: result.exitCode,
        hint:
          result.exitCode === 127
            ? 'Exit code 127 means the shell could not find the command: is it installed in the image?'
            : undefined,
      },
    );
  }
  const layer = fs.commit();
  return {
    layer,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function sizeExceeded(maxBytes: number): ShellResult {
  return {
    exitCode: 1,
    stdout: '',
    stderr: '',
    env: {},
    cwd: '/',
    budgetExceeded: 'size',
    message: sizeLimitMessage(maxBytes),
  };
}
