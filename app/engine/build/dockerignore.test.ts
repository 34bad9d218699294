import { describe, expect, it } from 'vitest';
import { matchesIgnore, parseDockerignore } from './dockerignore.ts';

const ignored = (rules: string, path: string) => matchesIgnore(parseDockerignore(rules), path);

describe('.dockerignore', () => {
  it('matches names, globs and directories with their contents', () => {
    expect(ignored('node_modules', 'node_modules/x/index.js')).toBe(true);
    expect(ignored('*.log', 'debug.log')).toBe(true);
    expect(ignored('*.log', 'logs/debug.log')).toBe(false);
    expect(ignored('**/*.log', 'logs/deep/debug.log')).toBe(true);
    expect(ignored('**/*.log', 'debug.log')).toBe(true);
    expect(ignored('temp?', 'temp1')).toBe(true);
    expect(ignored('/secret.txt', 'secret.txt')).toBe(true);
    expect(ignored('docs/', 'docs/readme.md')).toBe(true);
    expect(ignored('[a-c].txt', 'b.txt')).toBe(true);
    expect(ignored('[a-c].txt', 'd.txt')).toBe(false);
  });
  it('lets the last matching line win, with ! re-including', () => {
    expect(ignored('*.md\n!README.md', 'README.md')).toBe(false);
    expect(ignored('*.md\n!README.md', 'CHANGES.md')).toBe(true);
    expect(ignored('!README.md\n*.md', 'README.md')).toBe(true);
  });
  it('skips comments and blank lines and reports broken patterns', () => {
    const rules = parseDockerignore('# comment\n\n[abc\nx');
    expect(rules.patterns.map((p) => p.text)).toEqual(['x']);
    expect(rules.problems[0]?.line).toBe(3);
  });
});
