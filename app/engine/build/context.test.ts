import { describe, expect, it } from 'vitest';
import { filesUnder, makeContext } from './context.ts';

describe('build context', () => {
  it('applies .dockerignore and keeps the ignore file itself', () => {
    const ctx = makeContext([
      { path: '.dockerignore', content: 'node_modules\n*.log' },
      { path: 'app.py', content: 'print(1)' },
      { path: 'debug.log', content: 'x' },
      { path: 'node_modules/a/index.js', content: 'x' },
    ]);
    expect([...ctx.files.keys()].sort()).toEqual(['.dockerignore', 'app.py']);
    expect(ctx.ignored).toEqual(['debug.log', 'node_modules/a/index.js']);
  });
  it('checksums content and mode but not mtime', () => {
    const a = makeContext([{ path: 'a.txt', content: 'hello\n', mtime: 1 }]).files.get('a.txt')!;
    const touched = makeContext([{ path: 'a.txt', content: 'hello\n', mtime: 999 }]).files.get(
      'a.txt',
    )!;
    const chmodded = makeContext([{ path: 'a.txt', content: 'hello\n', mode: 0o600 }]).files.get(
      'a.txt',
    )!;
    const edited = makeContext([{ path: 'a.txt', content: 'hello!\n' }]).files.get('a.txt')!;
    expect(touched.checksum).toBe(a.checksum);
    expect(chmodded.checksum).not.toBe(a.checksum);
    expect(edited.checksum).not.toBe(a.checksum);
  });
  it('lists the files below a directory, and drops paths that climb out', () => {
    const ctx = makeContext([
      { path: 'src/a.py', content: '' },
      { path: 'src/lib/b.py', content: '' },
      { path: 'srcx/c.py', content: '' },
      { path: '../evil', content: '' },
    ]);
    expect(filesUnder(ctx, 'src').map((f) => f.path)).toEqual(['src/a.py', 'src/lib/b.py']);
    expect(filesUnder(ctx, './src/a.py').map((f) => f.path)).toEqual(['src/a.py']);
    expect(ctx.files.has('../evil')).toBe(false);
    expect(ctx.dirs.has('src/lib')).toBe(true);
  });
});
