import { describe, expect, it } from 'vitest';
import { failureLines } from './failureLines.ts';

describe('failureLines', () => {
  it('keeps the last lines the program printed, blank lines and colours left out', () => {
    const out =
      'Reading package lists...\nBuilding dependency tree...\n\nReading state information...\n\x1b[31mE: Unable to locate package curl\x1b[0m\n';
    expect(failureLines(out, 2)).toEqual([
      'Reading state information...',
      'E: Unable to locate package curl',
    ]);
  });
  it('keeps what a progress line ended with', () => {
    expect(failureLines('50%\r100%\ndone\n')).toEqual(['100%', 'done']);
  });
  it('is empty for a program that printed nothing', () => {
    expect(failureLines('')).toEqual([]);
  });
});
