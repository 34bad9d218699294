import type { BudgetKind } from './types.ts';

/**
 * Control flow that crosses many interpreter frames travels as thrown values. They are not
 * Errors: nothing but the interpreter catches them, and runShell turns every one into a result.
 */
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    readonly levels: number,
  ) {}
}
export class BudgetSignal {
  constructor(
    readonly kind: BudgetKind,
    readonly message: string,
  ) {}
}

/**
 * A program that would not return (`sleep infinity`, a server in the foreground): nothing after
 * it runs, and the run ends as "still running" (a container stays Up; a build would hang).
 */
export class ForeverSignal {
  constructor(readonly command: string) {}
}

/** Runs `fn` as a subshell body: `exit` ends only the subshell. */
export function swallowExit(fn: () => number): number {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExitSignal) return e.code;
    throw e;
  }
}
