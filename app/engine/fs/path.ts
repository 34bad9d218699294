import { FsError } from './port.ts';

/**
 * Split an absolute path into its names, dropping empty and `.` components and applying `..`
 * lexically. Symlinks are resolved elsewhere; this is only for already-canonical paths.
 *
 * @example
 * splitPath('/usr//bin/./sh'); // ['usr', 'bin', 'sh']
 */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

/** @example joinPath(['usr', 'bin']); // '/usr/bin' */
export function joinPath(parts: readonly string[]): string {
  return '/' + parts.join('/');
}

/**
 * Order names as Go does (byte order of UTF-8, which is code-point order), not as JavaScript's
 * `<` does (UTF-16 units): tar order and therefore diffIDs depend on it.
 *
 * @example
 * ['b', 'a-b', 'a'].sort(compareNames); // ['a', 'a-b', 'b']
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort above every BMP unit in UTF-8 byte order.
    const sx = x >= 0xd800 && x <= 0xdfff ? x + 0x10000 : x;
    const sy = y >= 0xd800 && y <= 0xdfff ? y + 0x10000 : y;
    return sx - sy;
  }
  return a.length - b.length;
}

export function sortedNames(names: Iterable<string>): string[] {
  return [...names].sort(compareNames);
}

/** Reject names a tar or an overlay cannot hold, such as the whiteout prefix. */
export function checkName(name: string, path: string): void {
  if (name.startsWith('.wh.')) {
    throw new FsError('EINVAL', path, `invalid name '${name}': the .wh. prefix marks whiteouts`);
  }
}
