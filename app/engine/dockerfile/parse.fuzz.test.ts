/** Property tests: no input throws, and every range the parser reports lies inside the text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceRange } from '../common/diagnostics.ts';
import { SourceText } from './source.ts';
import { parseDockerfile } from './parse.ts';

const SAMPLE = `# syntax=docker/dockerfile:1
ARG BASE=debian:bookworm-slim
FROM $BASE AS build
ENV A="1 2" B=3 \\
    C='x'
RUN <<EOF
apt-get update
EOF
COPY --from=build --chmod=755 ["a b", "/dst/"]
HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://x/"]
ONBUILD RUN echo hi
CMD ["python3", "app.py"]
`;

const pieces = [
  'FROM ',
  'RUN ',
  'COPY ',
  'ENV ',
  'ARG ',
  'LABEL ',
  'HEALTHCHECK ',
  'ONBUILD ',
  'CMD ',
  'FORM ',
  '\\',
  '\\\n',
  '\n',
  '\r\n',
  '"',
  "'",
  '[',
  ']',
  '<<EOF',
  '<<-"X"',
  'EOF',
  '\t',
  '$',
  '${',
  '}',
  ':-',
  '=',
  '--from=',
  '--',
  '# escape=`\n',
  '`',
  '#',
  ' ',
  'a',
  '/x',
  '\u00a0',
  '\u2028',
  '\uFEFF',
];

function assertInside(text: string, range: SourceRange, src: SourceText) {
  const { start, end } = range;
  expect(start.offset).toBeGreaterThanOrEqual(0);
  expect(end.offset).toBeGreaterThanOrEqual(start.offset);
  expect(end.offset).toBeLessThanOrEqual(text.length);
  expect(src.position(start.offset)).toEqual(start);
  expect(src.position(end.offset)).toEqual(end);
}

function check(text: string) {
  const r = parseDockerfile(text);
  const src = new SourceText(text);
  for (const d of r.diagnostics) {
    assertInside(text, d.range, src);
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const i of r.instructions) {
    assertInside(text, i.range, src);
    for (const w of [...i.node.args, ...i.node.flags]) assertInside(text, w.range, src);
  }
}

describe('parser properties', () => {
  it('never throws and keeps ranges inside the text, for random token soup', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), (parts) => {
        check(parts.join(''));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws for arbitrary unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), check), {
      numRuns: 300,
    });
  });

  it('never throws for mutations of a real Dockerfile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(SAMPLE.length), fc.nat(8), fc.constantFrom(...pieces)), {
          maxLength: 12,
        }),
        (edits) => {
          let text = SAMPLE;
          for (const [at, del, ins] of edits) text = text.slice(0, at) + ins + text.slice(at + del);
          check(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles 10,000 random lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), {
          minLength: 10_000,
          maxLength: 10_000,
        }),
        (lines) => {
          check(lines.map((l) => l.join('')).join('\n'));
        },
      ),
      { numRuns: 3 },
    );
  });
});
