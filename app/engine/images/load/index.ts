/** `docker load`'s reading side: push a save's bytes into an `ArchiveReader`, interpret them. */
export { ArchiveReader, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive.ts';
export { LoadError } from './errors.ts';
export { interpretArchive } from './layout.ts';
export type { LoadedArchive, LoadedDocument, LoadedImage, LoadedLayer } from './files.ts';
