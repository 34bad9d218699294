/**
 * Why a `docker load` failed: a sentence a learner understands (what is wrong with the file),
 * and, where Docker 28.5 was recorded failing on the same input, its own words for each image
 * store (conformance/load/recorded.json), which the terminal prints as docker does.
 */
import { EngineError } from '../../common/diagnostics.ts';
import type { ImageStoreKind } from '../stores.ts';
import { BlobError } from './blob.ts';
import { DecompressError, TarFormatError } from '../../fs/index.ts';

export type { ImageStoreKind } from '../stores.ts';

/** The path dockerd unpacks a load into (its tmp dir), as its errors name it. */
const DOCKER_TMP = '/var/lib/docker/tmp/docker-import-1000000000';

export class LoadError extends EngineError<'load-refused'> {
  constructor(
    reason: string,
    sentence: string,
    docker: Partial<Record<ImageStoreKind, string>> = {},
  ) {
    super('load-refused', sentence, undefined, { reason: reason.replace(/^load-/, ''), docker });
    this.name = 'LoadError';
  }

  /** Why, in a word (`not-a-tar`, `truncated`, `diffid`, `media-type`...). */
  get reason(): string {
    return this.data.reason;
  }

  /** What Docker 28.5 prints for the same input, per image store, when it was recorded. */
  get docker(): Partial<Record<ImageStoreKind, string>> {
    return this.data.docker;
  }

  /** Docker's words for `store`, else the sentence. */
  dockerText(store: ImageStoreKind): string {
    return this.docker[store] ?? this.message;
  }

  static notATar(why: 'empty' | 'header'): LoadError {
    return new LoadError(
      'load-not-a-tar',
      why === 'empty'
        ? 'The file is empty: docker load reads the tar archive that docker save writes.'
        : 'This file is not a tar archive: docker load reads the tar that docker save writes (docker save -o app.tar IMAGE).',
      why === 'empty'
        ? {}
        : {
            overlay2: 'archive/tar: invalid tar header',
            containerd: 'archive/tar: invalid tar header',
          },
    );
  }

  static truncated(where: { path: string; size: number; got: number } | undefined): LoadError {
    return new LoadError(
      'load-truncated',
      where
        ? `The archive is cut short: it ends inside ${where.path} (${where.got.toLocaleString('en')} of ${where.size.toLocaleString('en')} bytes). Copy or download the file again.`
        : 'The archive is cut short: it ends in the middle of an entry. Copy or download the file again.',
      {
        overlay2: 'unexpected EOF',
        ...(where
          ? {
              containerd: `failed to ingest "${where.path}": short read: expected ${where.size} bytes but got ${where.got}: unexpected EOF`,
            }
          : {}),
      },
    );
  }

  static damaged(offset: number): LoadError {
    return new LoadError(
      'load-damaged',
      `The archive is damaged: the tar header at byte ${offset.toLocaleString('en')} does not add up.`,
      {
        overlay2: 'archive/tar: invalid tar header',
        containerd: 'archive/tar: invalid tar header',
      },
    );
  }

  static traversal(name: string): LoadError {
    return new LoadError(
      'load-traversal',
      `The archive holds an entry named "${name}", which points outside the archive: a save never does that, so the file was refused.`,
    );
  }

  static tooMany(limit: number): LoadError {
    return new LoadError(
      'load-too-many-files',
      `The archive holds more than ${limit.toLocaleString('en')} files: more than any docker save the lab can read.`,
    );
  }

  static bomb(limit: number): LoadError {
    return new LoadError(
      'load-too-large',
      `Its layers unpack to more than ${Math.round(limit / 2 ** 30)} GB: more than the lab reads (a compressed file that expands without end is a "tar bomb").`,
    );
  }

  static notAnImage(topLevel: readonly string[], store: 'plain-files' | 'oci-layout'): LoadError {
    const firstDir = [...topLevel].sort()[0] ?? 'manifest.json';
    return new LoadError(
      store === 'oci-layout' ? 'load-oci-layout' : 'load-not-an-image',
      store === 'oci-layout'
        ? 'This is a plain OCI image layout (index.json, no manifest.json): Docker 28.5 with its default image store (overlay2) cannot load it; the containerd image store can (docker load then names the image from index.json).'
        : `This tar holds plain files (${topLevel.slice(0, 3).join(', ')}${topLevel.length > 3 ? ', …' : ''}), not a saved image: docker load reads what docker save writes (manifest.json, the config, the layers). To make an image from a filesystem tar, use docker import.`,
      {
        overlay2: `open ${DOCKER_TMP}/${firstDir}/json: no such file or directory`,
        ...(store === 'plain-files' ? { containerd: 'unrecognized image format' } : {}),
      },
    );
  }

  /** A thrown reader error as a LoadError; `current` is the file being read, if any. */
  static from(e: unknown, current?: { path: string; size: number; got: number }): LoadError {
    if (e instanceof LoadError) return e;
    if (e instanceof BlobError) return LoadError.badBlob(e.path, e.message);
    if (e instanceof TarFormatError) {
      if (e.code === 'not-a-tar') return LoadError.notATar('header');
      if (e.code === 'truncated') return LoadError.truncated(current);
      if (e.code === 'bad-header') return LoadError.damaged(e.offset);
      return new LoadError('load-damaged', `The archive is damaged: ${e.message}.`);
    }
    if (e instanceof DecompressError)
      return new LoadError(
        'load-damaged',
        `The archive is ${e.compression}-compressed, and that stream is damaged or cut short.`,
      );
    throw e;
  }

  static badBlob(path: string, why: string): LoadError {
    return new LoadError(
      'load-bad-layer',
      `The file ${path} in the archive cannot be read as a layer: ${why}.`,
    );
  }
}
