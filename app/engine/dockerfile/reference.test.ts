import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, suggestInstruction } from './reference.ts';

describe('instruction reference', () => {
  it('knows all 18 instructions of the Dockerfile reference', () => {
    expect(INSTRUCTIONS.size).toBe(18);
  });
  it('suggests the instruction a typo meant', () => {
    expect(suggestInstruction('FORM')).toBe('FROM');
    expect(suggestInstruction('rnu')).toBe('RUN');
    expect(suggestInstruction('COPPY')).toBe('COPY');
    expect(suggestInstruction('WORKDRI')).toBe('WORKDIR');
  });
  it('suggests nothing for words far from any instruction', () => {
    expect(suggestInstruction('BANANA')).toBeUndefined();
    expect(suggestInstruction('X'.repeat(100))).toBeUndefined();
  });
});
