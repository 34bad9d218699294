import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The picture's palette, as union.css declares it: light-dark(light, dark) per variable.
const css = readFileSync(new URL('./union.css', import.meta.url), 'utf8');
const palette = new Map(
  [...css.matchAll(/(--u-[\w-]+): light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);/g)].map((m) => [
    m[1]!.slice(4),
    [m[2]!, m[3]!] as const,
  ]),
);

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const PLATES = ['base', 'built', 'cached', 'container', 'merged'];
// Text: 4.5:1 (WCAG 1.4.3). What is written on what.
const TEXT: [string, string][] = [
  ['fg', 'tile'],
  ['muted', 'tile'],
  ['muted', 'hidden'],
  ['fg', 'surface'],
  ['muted', 'surface'],
  ['hole-text', 'hole'],
];
// Shapes that carry meaning: 3:1 against what they sit on (WCAG 1.4.11). `a|b`: a shape drawn
// with a fill and an outline needs one of them to stand out (the dark theme's black hole has a
// light ring).
const SHAPES: [string, string][] = [
  ...PLATES.flatMap((p): [string, string][] => [
    ['tile-stroke', p],
    ['hidden-stroke', p],
    ['hole|hole-ring', p],
    ['line', p],
    ['line-deleted', p],
    ['base-stroke', p],
    ['focus', p],
  ]),
  ...PLATES.filter((p) => p !== 'merged').map((p): [string, string] => [`${p}-stroke`, 'surface']),
  ['merged-stroke', 'surface'],
  ['container-stroke', 'container'],
  ['line', 'surface'],
  ['line-deleted', 'surface'],
  ['focus', 'surface'],
];

describe('the union picture’s colours', () => {
  it('declares every colour for both themes', () => {
    for (const name of [...TEXT, ...SHAPES].flat().flatMap((n) => n.split('|')))
      expect(palette.has(name), name).toBe(true);
  });

  for (const [theme, i] of [
    ['light', 0],
    ['dark', 1],
  ] as const) {
    it(`keeps WCAG AA contrast in the ${theme} theme`, () => {
      const fails: string[] = [];
      for (const [pairs, min] of [
        [TEXT, 4.5],
        [SHAPES, 3],
      ] as const) {
        for (const [fg, bg] of pairs) {
          const ratio = Math.max(
            ...fg.split('|').map((f) => contrast(palette.get(f)![i], palette.get(bg)![i])),
          );
          if (ratio < min) fails.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
        }
      }
      expect(fails).toEqual([]);
    });
  }
});
