/**
 * Shell pattern matching (`*`, `?`, `[...]`, backslash escapes) for globs, `case` and the
 * `${v%pat}` family. A pattern arrives with quoted characters already backslash-escaped.
 */

/**
 * Converts a shell pattern to a RegExp source (not anchored).
 *
 * @example
 * patternSource('*.t[xs]t'); // '[^]*\\.t[xs]t'
 */
export function patternSource(pat: string): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i] as string;
    if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i] as string);
    } else if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const end = findClassEnd(pat, i);
      if (end < 0) re += '\\[';
      else {
        let body = pat.slice(i + 1, end);
        let neg = false;
        if (body.startsWith('!') || body.startsWith('^')) {
          neg = true;
          body = body.slice(1);
        }
        body = body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]');
        re += `[${neg ? '^' : ''}${body}]`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return re;
}

function findClassEnd(pat: string, start: number): number {
  let i = start + 1;
  if (pat[i] === '!' || pat[i] === '^') i++;
  if (pat[i] === ']') i++;
  for (; i < pat.length; i++) if (pat[i] === ']') return i;
  return -1;
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

/**
 * Whole-string match of `s` against a shell pattern.
 *
 * @example
 * matchPattern('*.txt', 'a.txt'); // true
 */
export function matchPattern(pat: string, s: string): boolean {
  try {
    return new RegExp(`^${patternSource(pat)}$`).test(s);
  } catch {
    return pat === s;
  }
}

/**
 * True when the pattern has an unescaped glob character.
 *
 * @example
 * hasGlob('a\\*'); // false
 */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/**
 * Removes the escapes a pattern carries (what the word is when no file matched).
 *
 * @example
 * unescapePattern('a\\*b'); // 'a*b'
 */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([^])/g, '$1');
}

/**
 * `${v#p}` / `${v##p}` / `${v%p}` / `${v%%p}`.
 *
 * @example
 * trimPattern('a.tar.gz', '.*', '%'); // 'a.tar'
 */
export function trimPattern(value: string, pat: string, op: '#' | '##' | '%' | '%%'): string {
  const src = patternSource(pat);
  const n = value.length;
  if (op === '#' || op === '##') {
    const re = new RegExp(`^${src}$`);
    const order = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const i of order) if (re.test(value.slice(0, i))) return value.slice(i);
  } else {
    const re = new RegExp(`^${src}$`);
    const order = op === '%' ? range(0, n).reverse() : range(0, n);
    for (const i of order) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
