/**
 * The image model (images/oci.ts) for the engine's images: their layers as blobs, their
 * manifests and indexes, and the digests a registry and the containerd store name them by.
 */
import type { BaseImage } from '../build/builder.ts';
import {
  compressedLayer,
  diffId,
  imageConfigJson,
  type Layer,
  type RunConfig,
} from '../fs/index.ts';
import {
  imageBlobs,
  topDescriptor,
  type BlobOptions,
  type ImageBlobs,
  type LayerBlob,
} from '../images/oci.ts';
import type { ImageRecord } from '../images/store.ts';

/**
 * A layer as a registry holds it: its diffID and its gzip blob's digest and size (known in
 * advance for catalog layers whose bytes are stand-ins, measured for built ones).
 */
export function layerBlob(layer: Layer): LayerBlob {
  const blob = compressedLayer(layer);
  return { diffId: diffId(layer), digest: blob.digest, size: blob.size };
}

type Image = Pick<ImageRecord<Layer, RunConfig>, 'id' | 'layers' | 'config' | 'history'> & {
  configJson?: string | undefined;
};

/** The config JSON an image's ID was made from (rebuilt from its parts if it was not kept). */
export function configJsonOf(image: Image): string {
  return (
    image.configJson ??
    imageConfigJson({
      config: image.config,
      diffIds: image.layers.map((l) => diffId(l)),
      history: image.history,
      created: image.history.at(-1)?.created ?? '1970-01-01T00:00:00Z',
    })
  );
}

const memo = new WeakMap<object, Map<string, ImageBlobs>>();

/**
 * The blobs of an image as a registry serves it: an OCI index over its linux/amd64 manifest,
 * as official images are published. `Digest:` after a pull is the index's digest.
 * @example registryBlobs(remote).index?.descriptor.digest
 */
export function registryBlobs(image: BaseImage & { configJson?: string }): ImageBlobs {
  return remembered(image, 'registry', () =>
    imageBlobs(configJsonOf(image), image.layers.map(layerBlob), { index: true }),
  );
}

/**
 * The manifest `docker push` sends from the overlay2 store: Docker's schema 2 manifest, no index.
 * @example pushBlobs(image).manifest.descriptor.size
 */
export function pushBlobs(image: Image): ImageBlobs {
  return remembered(image, 'push', () =>
    imageBlobs(configJsonOf(image), image.layers.map(layerBlob), PUSH_CONTENT),
  );
}

/** How `docker push` makes the manifest from the overlay2 store (distribution's schema 2). */
export const PUSH_CONTENT: BlobOptions = { flavor: 'docker', indent: 3 };

/**
 * The blobs of an image the learner pushed, made as they were pushed (`content`): the registry
 * serves the same manifest (or index) bytes, so a pull gives the pushed digest back.
 */
export function pushedBlobs(image: Image, content: BlobOptions): ImageBlobs {
  return remembered(image, `pushed:${JSON.stringify(content)}`, () =>
    imageBlobs(configJsonOf(image), image.layers.map(layerBlob), content),
  );
}

function remembered(key: object, kind: string, make: () => ImageBlobs): ImageBlobs {
  let byKind = memo.get(key);
  if (!byKind) memo.set(key, (byKind = new Map()));
  let blobs = byKind.get(kind);
  if (!blobs) byKind.set(kind, (blobs = make()));
  return blobs;
}

/** The digest the registry names an image by (index or manifest). */
export const registryDigest = (blobs: ImageBlobs) => topDescriptor(blobs).digest;
