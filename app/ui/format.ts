/**
 * Sizes as Docker prints them (decimal units, 3 significant digits: `74.8MB`, `1.2kB`, `0B`),
 * with a space for reading (`74.8 MB`).
 *
 * @example
 * formatBytes(74_800_000); // '74.8 MB'
 * formatBytes(0); // '0 B'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  const text = i === 0 ? String(Math.round(n)) : Number(n.toPrecision(3)).toString();
  return `${text} ${units[i]}`;
}

/** A short image ID as Docker shows it: 12 hex digits without `sha256:`. */
export { shortId } from '../engine/common/ids.ts';
