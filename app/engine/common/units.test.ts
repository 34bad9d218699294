import { describe, expect, it } from 'vitest';
import { goFormatG, humanDuration, humanSize } from './units.ts';

describe('Go %g formatting', () => {
  it('matches fmt.Sprintf("%.3g")', () => {
    expect(goFormatG(74.823455, 3)).toBe('74.8');
    expect(goFormatG(1.5, 3)).toBe('1.5');
    expect(goFormatG(100, 3)).toBe('100');
    expect(goFormatG(999.999, 3)).toBe('1e+03');
    expect(goFormatG(0.0001234, 3)).toBe('0.000123');
    expect(goFormatG(12, 3)).toBe('12');
  });
});

describe('docker sizes', () => {
  it('prints decimal units with three significant digits as docker does', () => {
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(6)).toBe('6B');
    expect(humanSize(1234)).toBe('1.23kB');
    expect(humanSize(74_823_455)).toBe('74.8MB');
    expect(humanSize(116_000_000)).toBe('116MB');
    expect(humanSize(1_500_000_000)).toBe('1.5GB');
  });
  it('keeps go-units quirk for values that round up to 1000', () => {
    expect(humanSize(999_999)).toBe('1e+03kB');
  });
});

describe('docker durations', () => {
  it('words ages as go-units does', () => {
    expect(humanDuration(500)).toBe('Less than a second');
    expect(humanDuration(1000)).toBe('1 second');
    expect(humanDuration(45_000)).toBe('45 seconds');
    expect(humanDuration(90_000)).toBe('About a minute');
    expect(humanDuration(10 * 60_000)).toBe('10 minutes');
    expect(humanDuration(60 * 60_000)).toBe('About an hour');
    expect(humanDuration(5 * 3600_000)).toBe('5 hours');
    expect(humanDuration(3 * 24 * 3600_000)).toBe('3 days');
    expect(humanDuration(3 * 7 * 24 * 3600_000)).toBe('3 weeks');
    expect(humanDuration(400 * 24 * 3600_000)).toBe('13 months');
    expect(humanDuration(3 * 365 * 24 * 3600_000)).toBe('3 years');
  });
});

describe('one size formatter', () => {
  it('prints sizes as docker images does, and with a space for reading', async () => {
    const { readableSize } = await import('./units.ts');
    expect(humanSize(1_234)).toBe('1.23kB');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(74_823_455)).toBe('74.8MB');
    expect(readableSize(1_234)).toBe('1.23 kB');
    expect(readableSize(999)).toBe('999 B');
    expect(readableSize(2_000_000_000)).toBe('2 GB');
  });
});
