import { Input } from './io.ts';
import { BudgetSignal } from './signals.ts';
import type { Sink } from './types.ts';

/** Exit status of a process killed by SIGPIPE (128 + 13), as dash reports it. */
export const SIGPIPE_STATUS = 141;

/**
 * Thrown by a write to a full pipe: the writing stage stops there. Whether that was SIGPIPE (the
 * reader stopped early) or the simulator's limit (the reader wanted everything) is decided once
 * the reader has run; see `runPipeline` in exec.ts.
 */
export class PipeFull {
  constructor(readonly pipe: PipeSink) {}
}

/**
 * The pipe between two stages of a pipeline. Stages run one after another, so the writer runs
 * to its end before the reader starts; the pipe holds at most `cap` characters, and a writer
 * that would go past it is stopped (`PipeFull`). This is how `yes | head -n 3` and
 * `seq 1 100000000 | head -n 2` end quickly: the reader sees the first part, stops early, and
 * the writer's status becomes 141 as if it had been killed by SIGPIPE.
 */
export class PipeSink implements Sink {
  private buf = '';
  /** The writer was stopped because the pipe was full. */
  full = false;
  constructor(readonly cap: number) {}

  write(s: string): void {
    if (this.full) throw new PipeFull(this);
    const room = this.cap - this.buf.length;
    if (s.length > room) {
      this.push(s.slice(0, room));
      this.full = true;
      throw new PipeFull(this);
    }
    this.push(s);
  }

  private push(s: string): void {
    this.buf += s;
  }

  /** The reading end: what was written, cut when the writer was stopped. */
  reader(): Input {
    const cap = this.cap;
    const cut = this.full
      ? (): BudgetSignal =>
          new BudgetSignal(
            'size',
            `this step piped more data than the simulator keeps (limit ${cap} bytes)`,
          )
      : null;
    return new Input(this.buf, cut);
  }
}
