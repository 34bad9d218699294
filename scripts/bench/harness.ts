/**
 * A tiny benchmark harness: run a function several times, report the median against a target.
 * Every `*.bench.ts` in this folder is run by `npm run bench` and prints one line per figure.
 */
import '../../app/node/hash.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** `below`: the figure must be under the target. */
  pass: boolean;
}

const figures: Figure[] = [];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Time `fn` `runs` times after `warmup` untimed runs; record the median in ms. */
export function measure(
  name: string,
  fn: () => unknown,
  opts: { runs?: number; warmup?: number; targetMs: number },
): Figure {
  const runs = opts.runs ?? 15;
  for (let i = 0; i < (opts.warmup ?? 3); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return record(name, median(times), 'ms', opts.targetMs);
}

export function record(name: string, value: number, unit: string, target: number): Figure {
  const figure = { name, value, unit, target, pass: value < target };
  figures.push(figure);
  const shown = unit === 'ms' ? value.toFixed(2) : value.toFixed(2);
  console.log(
    `${figure.pass ? 'PASS' : 'MISS'}  ${name}: ${shown} ${unit} (target < ${target} ${unit})`,
  );
  return figure;
}

export function recorded(): readonly Figure[] {
  return figures;
}
