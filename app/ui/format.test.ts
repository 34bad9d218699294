import { describe, expect, it } from 'vitest';
import { formatBytes, shortId } from './format.ts';

describe('formatBytes', () => {
  it('prints decimal units with three significant digits, as docker does', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_234)).toBe('1.23 kB');
    expect(formatBytes(74_800_000)).toBe('74.8 MB');
    expect(formatBytes(120_000_000)).toBe('120 MB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
  });
  it('shortens image IDs to 12 digits', () => {
    expect(shortId('sha256:0123456789abcdef0123')).toBe('0123456789ab');
  });
});
