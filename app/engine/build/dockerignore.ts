/**
 * `.dockerignore` as Docker reads it (moby/patternmatcher): one pattern a line, `#` comments,
 * `!` re-includes, `*` and `?` within one path component, `**` across components, a pattern
 * that matches a directory excludes everything below it, and the last matching line wins.
 */
interface Pattern {
  exclusion: boolean;
  regex: RegExp;
  text: string;
  line: number;
}

export interface IgnoreRules {
  patterns: readonly Pattern[];
  /** Lines that could not be read, with the reason (shown to the learner as warnings). */
  problems: readonly { line: number; message: string }[];
}

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** A Go-style glob (`*`, `?`, `[...]`, and `**`) as an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories; a trailing `**` matches everything.
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) throw new Error('syntax error in pattern (unclosed "[")');
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern[++i]!);
    } else re += escapeRe(ch);
  }
  return new RegExp(`${re}$`, 's');
}

function escapeRe(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * Read a `.dockerignore` file.
 * @example matchesIgnore(parseDockerignore('*.log\n!keep.log'), 'keep.log') // false
 */
export function parseDockerignore(text: string): IgnoreRules {
  const patterns: Pattern[] = [];
  const problems: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    const cleaned = cleanPath(line);
    if (cleaned === '') return;
    try {
      patterns.push({ exclusion, regex: globToRegExp(cleaned), text: raw.trim(), line: index + 1 });
    } catch (e) {
      problems.push({
        line: index + 1,
        message: `.dockerignore line ${index + 1}: ${(e as Error).message}`,
      });
    }
  });
  return { patterns, problems };
}

/** Whether a context path (relative, `/`-separated) is left out of the build context. */
export function matchesIgnore(rules: IgnoreRules, path: string): boolean {
  const clean = cleanPath(path);
  const parents: string[] = [];
  const parts = clean.split('/');
  for (let i = 1; i < parts.length; i++) parents.push(parts.slice(0, i).join('/'));
  let excluded = false;
  for (const p of rules.patterns) {
    if (p.exclusion === excluded) {
      // Only a pattern that could change the outcome needs testing.
      const hit = p.regex.test(clean) || parents.some((parent) => p.regex.test(parent));
      if (hit) excluded = !p.exclusion;
    }
  }
  return excluded;
}
