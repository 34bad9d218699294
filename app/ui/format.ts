/**
 * Sizes as Docker prints them (decimal units, 3 significant digits: `74.8MB`, `1.23kB`, `0B`),
 * with a space for reading (`74.8 MB`): the engine's one size formatter.
 *
 * @example
 * formatBytes(74_800_000); // '74.8 MB'
 * formatBytes(0); // '0 B'
 */
export { readableSize as formatBytes } from '../engine/common/units.ts';

/** A short image ID as Docker shows it: 12 hex digits without `sha256:`. */
export { shortId } from '../engine/common/ids.ts';
