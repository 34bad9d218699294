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
