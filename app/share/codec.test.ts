import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLab, encodeLab, MAX_LINK_CHARS, type SharedLab } from './codec.ts';

const lab: SharedLab = {
  dockerfile: 'FROM debian:bookworm-slim\nCOPY app.py /app/\nCMD ["python3", "/app/app.py"]\n',
  files: [
    { path: 'app.py', content: 'print("hi")\n' },
    { path: 'dir with space/ünïcode.txt', content: '<script>alert(1)</script>' },
  ],
  builder: 'classic',
  imageStore: 'overlay2',
  noCache: true,
  buildArgs: [{ name: 'V', value: '1' }],
  tag: 'app:1',
  step: 3,
};

describe('share links', () => {
  it('round-trips a lab exactly, in a short link', () => {
    const e = encodeLab(lab);
    if (!e.ok) throw new Error(e.message);
    expect(e.fragment.length).toBeLessThan(600);
    expect(decodeLab('#' + e.fragment)).toEqual({ ok: true, lab });
  });

  it('refuses to make a link over 8 KB, and says what to do', () => {
    const big = {
      ...lab,
      files: [
        {
          path: 'noise.txt',
          content: Array.from({ length: 400 }, () => crypto.randomUUID()).join(''),
        },
      ],
    };
    const e = encodeLab(big);
    expect(e.ok).toBe(false);
    if (!e.ok) expect(e.message).toMatch(/too big for a link.*Export it as a file/);
    expect(MAX_LINK_CHARS).toBe(8192);
  });

  it('explains a damaged or cut link instead of breaking', () => {
    const e = encodeLab(lab);
    if (!e.ok) throw new Error();
    expect(decodeLab(e.fragment.slice(0, e.fragment.length / 2))).toMatchObject({ ok: false });
    expect(decodeLab('lab=v1.!!!')).toMatchObject({ ok: false, message: /characters/ });
    expect(decodeLab('lab=v0.abc')).toMatchObject({ ok: false, message: /another version/ });
    expect(decodeLab('')).toMatchObject({ ok: false });
    const odd = encodeLab({ ...lab, imageStore: 'zfs' as 'overlay2' });
    if (!odd.ok) throw new Error();
    expect(decodeLab(odd.fragment)).toEqual({
      ok: false,
      message: "This link's image store setting is damaged.",
    });
  });

  it('never throws on random fragments (fuzz)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = decodeLab('lab=v1.' + s);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips arbitrary labs or refuses them in words (fuzz)', () => {
    const arb = fc.record({
      dockerfile: fc.string({ maxLength: 400 }),
      files: fc.array(fc.record({ path: fc.string({ maxLength: 30 }), content: fc.string() }), {
        maxLength: 5,
      }),
      builder: fc.constantFrom('buildkit' as const, 'classic' as const),
      noCache: fc.boolean(),
      buildArgs: fc.array(fc.record({ name: fc.string(), value: fc.string() }), { maxLength: 3 }),
      tag: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(arb, (l) => {
        const e = encodeLab(l);
        if (e.ok) expect(decodeLab(e.fragment)).toEqual({ ok: true, lab: l });
        else expect(e.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
