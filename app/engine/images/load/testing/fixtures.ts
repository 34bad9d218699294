/**
 * Test helpers for `docker load`: the fixtures Docker 28.5 wrote (conformance/load/) and what
 * it recorded about each, read from disk (tests only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArchiveReader, type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from '../archive.ts';
import type { ImageStoreKind } from '../errors.ts';
import { interpretArchive, type LoadedArchive } from '../layout.ts';

export const FIXTURES = join(import.meta.dirname, '../../../../../conformance/load');

export interface RecordedLoad {
  stdout: string;
  stderr: string;
  status: number;
  images: {
    ref: string;
    id: string | null;
    rootfsLayers?: string[];
    history?: { ID: string; CreatedBy: string; Size: string; Comment: string }[];
    images: { Repository: string; Tag: string; ID: string; Size: string }[];
  }[];
}

export const recorded = JSON.parse(readFileSync(join(FIXTURES, 'recorded.json'), 'utf8')) as {
  docker: string;
  recorded: Record<string, Record<ImageStoreKind, RecordedLoad>> & {
    quiet: string;
    stdin: string;
    again: string;
  };
};

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(join(FIXTURES, name)));

/** Bytes in pieces of `size` (odd sizes cross every header and block boundary). */
export function* chunks(bytes: Uint8Array, size = 7777): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Read an archive the way the worker does, chunk by chunk, and interpret it for `store`. */
export function readArchive(
  bytes: Uint8Array,
  store: ImageStoreKind,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
  size?: number,
): LoadedArchive {
  const reader = new ArchiveReader(limits);
  for (const c of chunks(bytes, size)) reader.push(c);
  return interpretArchive(reader.end(), store);
}
