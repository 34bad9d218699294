/**
 * The files of a read archive by path, and the shapes a loaded image takes: helpers shared by
 * the `manifest.json` reader (layout.ts) and the OCI index reader (oci-layout.ts).
 */
import type { Layer } from '../../fs/index.ts';
import type { ArchiveFiles } from './archive.ts';
import type { BlobRead } from './blob.ts';
import { LoadError } from './errors.ts';
import type { ImageParts } from './image-config.ts';

export interface LoadedLayer {
  layer: Layer;
  diffId: string;
  /** The blob as the archive held it. */
  blob: { digest: string; size: number; mediaType: string };
}

export interface LoadedImage extends ImageParts {
  /** The image ID: the config's digest (overlay2), or what index.json points at (containerd). */
  id: string;
  configJson: string;
  /** `sha256:` of the config (the overlay2 store's image ID). */
  configDigest: string;
  layers: LoadedLayer[];
  /** Familiar names (`layerlab/tiny:1`), as docker load prints them. */
  tags: string[];
  /** The parent image manifest.json names (the overlay2 store links the two again). */
  parent?: string;
  /**
   * The containerd store's content: the manifest (as the archive held it, or as containerd's
   * importer writes it for a `manifest.json`-only save) and the index the ID names, if any.
   */
  documents?:
    | {
        manifest: LoadedDocument;
        index?: LoadedDocument;
        /** BuildKit's provenance attestation the index lists, kept as content is. */
        attestation?: {
          manifest: LoadedDocument;
          config: LoadedDocument;
          statement: LoadedDocument;
        };
      }
    | undefined;
}

/** A JSON document of the image's content, with its descriptor. */
export interface LoadedDocument {
  json: string;
  descriptor: { mediaType: string; digest: string; size: number };
}

export interface LoadedArchive {
  format: 'docker' | 'legacy' | 'oci';
  images: LoadedImage[];
}

const text = new TextDecoder();

/** The archive file at `path`, following the links Docker up to 24 wrote for repeated layers. */
export function fileAt(files: ArchiveFiles, path: string): BlobRead | undefined {
  let p = path.replace(/^\.?\/+/, '');
  for (let hops = 0; hops < 16; hops++) {
    const f = files.files.get(p);
    if (f) return f;
    const next = files.links.get(p);
    if (next === undefined) return undefined;
    p = next;
  }
  return undefined;
}

/** A JSON document of the archive, parsed, or an error naming it. */
export function jsonAt(files: ArchiveFiles, path: string): unknown {
  const f = fileAt(files, path);
  if (!f?.bytes) return undefined;
  try {
    return JSON.parse(text.decode(f.bytes));
  } catch {
    throw new LoadError('load-bad-json', `The archive's ${path} is not valid JSON.`);
  }
}

/** The media type a blob of this compression has in an OCI manifest. */
export function blobOf(f: BlobRead, mediaType?: string): LoadedLayer['blob'] {
  const type =
    mediaType ??
    (f.compression === 'gzip'
      ? 'application/vnd.oci.image.layer.v1.tar+gzip'
      : f.compression === 'zstd'
        ? 'application/vnd.oci.image.layer.v1.tar+zstd'
        : 'application/vnd.oci.image.layer.v1.tar');
  return { digest: f.digest, size: f.size, mediaType: type };
}

/** `docker.io/library/debian:12` and `debian:12` both print as `debian:12`. */
export function familiarTag(name: string): string {
  return name.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}
