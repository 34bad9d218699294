import { hasGlob, matchPattern, unescapePattern } from './match.ts';
import type { Shell } from './state.ts';

/**
 * Pathname expansion against the filesystem; results sorted, dotfiles only when asked.
 *
 * @example
 * glob('/etc/p*', sh); // ['/etc/passwd', '/etc/profile']
 */
export function glob(pattern: string, sh: Shell): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let paths: string[] = [absolute ? '/' : ''];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of paths) {
      const dir = sh.resolve(base === '' ? '.' : base);
      const join = (n: string): string =>
        base === '' ? n : base === '/' ? `/${n}` : `${base}/${n}`;
      if (!hasGlob(part)) {
        const name = unescapePattern(part);
        if (sh.fs.exists(sh.resolve(join(name)))) next.push(join(name));
        continue;
      }
      let names: string[];
      try {
        names = sh.fs.readdir(dir);
      } catch {
        continue;
      }
      for (const n of names) {
        if (n.startsWith('.') && !part.startsWith('.') && !part.startsWith('\\.')) continue;
        if (matchPattern(part, n)) next.push(join(n));
      }
    }
    paths = next;
    if (paths.length === 0) break;
  }
  const found = paths.filter((p) => p !== '' && p !== '/').sort();
  if (!pattern.endsWith('/')) return found;
  // `*/` matches directories only, and keeps the slash.
  return found.filter((p) => isDir(sh, p)).map((p) => `${p}/`);
}

function isDir(sh: Shell, p: string): boolean {
  try {
    return sh.fs.stat(sh.resolve(p)).type === 'dir';
  } catch {
    return false;
  }
}
