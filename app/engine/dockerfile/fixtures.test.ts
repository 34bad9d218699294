/**
 * BuildKit's own parser fixtures, read from ../shared (never copied here): every case with a
 * `result` must dump identically; every negative case must give an error diagnostic.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpAst } from './dump.ts';
import { parseDockerfile } from './parse.ts';
import { parseAst } from './lines.ts';

const root = resolve(import.meta.dirname, '../../../../shared/conformance/buildkit-parser');
const present = existsSync(root);

describe.skipIf(!present)(
  'BuildKit parser fixtures (../shared/conformance/buildkit-parser)',
  () => {
    const positive = present ? readdirSync(join(root, 'testfiles')) : [];
    const cases = positive.filter((c) => existsSync(join(root, 'testfiles', c, 'result')));
    it('finds the fixtures', () => {
      expect(cases.length).toBeGreaterThanOrEqual(30);
    });
    it.each(cases)('%s dumps as BuildKit does', (c) => {
      const text = readFileSync(join(root, 'testfiles', c, 'Dockerfile'), 'utf8');
      const want = readFileSync(join(root, 'testfiles', c, 'result'), 'utf8');
      expect(dumpAst(parseAst(text).nodes)).toBe(want);
    });
    const negative = present ? readdirSync(join(root, 'testfiles-negative')) : [];
    it.each(negative)('%s is rejected with an error diagnostic', (c) => {
      const text = readFileSync(join(root, 'testfiles-negative', c, 'Dockerfile'), 'utf8');
      const errors = parseDockerfile(text).diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
    });
  },
);

if (!present) {
  describe('BuildKit parser fixtures', () => {
    it.skip('are not here: ../shared/conformance/buildkit-parser is absent in this clone', () => {});
  });
}
