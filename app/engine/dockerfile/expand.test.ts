import { describe, expect, it } from 'vitest';
import { expandWord, expandWords, tryExpandWord } from './expand.ts';

const env = new Map([
  ['A', 'a'],
  ['EMPTY', ''],
  ['PATHV', '/usr/local/bin:/usr/bin'],
]);
const x = (w: string) => expandWord(w, env).value;

describe('expandWord (BuildKit rules)', () => {
  it('expands $V and ${V}, empty when unset', () => {
    expect(x('$A-${A}-$NOPE-x')).toBe('a-a--x');
  });
  it('handles :- - :+ + :?', () => {
    expect(x('${EMPTY:-d}|${EMPTY-d}|${NOPE-d}')).toBe('d||d');
    expect(x('${A:+set}|${EMPTY:+set}|${EMPTY+set}|${NOPE+set}')).toBe('set||set|');
    expect(() => x('${NOPE:?must be set}')).toThrow('NOPE: must be set');
  });
  it('removes quotes; single quotes stop expansion; escapes keep characters', () => {
    expect(x(`"$A b"'$A'\\$A`)).toBe('a b$A$A');
    expect(x('"a\\"b"')).toBe('a"b');
    expect(x('"a\\nb"')).toBe('a\\nb');
  });
  it('trims patterns and replaces', () => {
    expect(x('${PATHV#*:}')).toBe('/usr/bin');
    expect(x('${PATHV%%:*}')).toBe('/usr/local/bin');
    expect(x('${PATHV//usr/opt}')).toBe('/opt/local/bin:/opt/bin');
  });
  it('reports the names it read', () => {
    expect(expandWord('${A:-$B} $C', env).used).toEqual(['B', 'A', 'C']);
  });
  it('reports syntax errors in Docker words', () => {
    expect(tryExpandWord('${A', env).error).toBe("syntax error: missing '}'");
    expect(tryExpandWord('${}', env).error).toBe('syntax error: bad substitution');
  });
  it('stops nesting 10,000 deep with an error, not a crash', () => {
    const deep = '${a:-'.repeat(10_000) + 'x' + '}'.repeat(10_000);
    expect(tryExpandWord(deep, env).error).toMatch(/nests more than \d+ levels/);
  });
  it('splits words at unquoted blanks', () => {
    expect(expandWords('80/tcp "$A b" 443', env).words).toEqual(['80/tcp', 'a b', '443']);
  });
  it('keeps unset names when asked', () => {
    expect(expandWord('$X ${Y:-z}', env, { skipUnset: true }).value).toBe('$X ${Y:-z}');
  });
});
