import { describe, expect, it } from 'vitest';
import { noteRun, outputPieces, type OutputRun } from './output-order.ts';

describe('output order', () => {
  it('joins writes of one stream and cuts the streams back into their turns', () => {
    const runs: OutputRun[] = [];
    noteRun(runs, 'stdout', 2);
    noteRun(runs, 'stdout', 2);
    noteRun(runs, 'stderr', 0);
    noteRun(runs, 'stderr', 2);
    expect(runs).toEqual([
      { stream: 'stdout', length: 4 },
      { stream: 'stderr', length: 2 },
    ]);
    expect(outputPieces({ stdout: 'a\nb\nc\n', stderr: 'e\n', order: runs })).toEqual([
      { stream: 'stdout', text: 'a\nb\n' },
      { stream: 'stderr', text: 'e\n' },
      // Text written after the runs were taken follows them.
      { stream: 'stdout', text: 'c\n' },
    ]);
  });
  it('without an order gives stdout, then stderr', () => {
    expect(outputPieces({ stdout: 'o', stderr: 'e' }).map((p) => p.text)).toEqual(['o', 'e']);
  });
});
