/**
 * `docker load` in the daemon: the images a read archive holds (images/load/) put into the
 * image store as any other image, their layers as read, tagged as the save named them, and
 * the lines dockerd prints (moby daemon/images/... tarexport/load.go: `Loaded image: NAME`, or
 * `Loaded image ID: sha256:…` for an image saved by ID; the overlay2 store says when a tag
 * moves off an older image).
 */
import { chainIds } from '../fs/index.ts';
import type { Blob, ImageBlobs } from '../images/oci.ts';
import type { LoadedDocument, LoadedImage } from '../images/load/index.ts';
import type { Engine } from './engine.ts';

/** What one load did: dockerd's lines and the IDs of the images now in the store. */
export interface LoadResult {
  lines: string[];
  ids: string[];
}

/**
 * Put loaded images into `engine`'s store.
 * @example loadImages(engine, interpretArchive(files, engine.store).images).lines
 * // ['Loaded image: layerlab/tiny:1']
 */
export function loadImages(engine: Engine, images: readonly LoadedImage[]): LoadResult {
  const lines: string[] = [];
  const ids: string[] = [];
  for (const image of images) {
    const created = image.created ? Math.floor(Date.parse(image.created) / 1000) : NaN;
    if (engine.store === 'containerd' && image.documents)
      engine.contents.set(image.id, contentOf(image, image.documents));
    engine.images.add({
      id: image.id,
      layers: image.layers.map((l) => l.layer),
      config: image.config,
      history: image.history,
      configJson: image.configJson,
      // moby tarexport load.go validatedParentLinks + setParentID: the overlay2 store links
      // an image to its parent when the same archive held both.
      parent:
        engine.store === 'overlay2' && images.some((p) => p.id === image.parent && p !== image)
          ? image.parent
          : undefined,
      intermediate: false,
      created: Number.isFinite(created) ? created : engine.now(),
    });
    ids.push(image.id);
    if (image.tags.length === 0) {
      lines.push(`Loaded image ID: ${image.id}`);
      continue;
    }
    for (const tag of image.tags) {
      const before = engine.images.tag(image.id, tag);
      // moby image/tarexport/load.go setLoadedTag (the graph-driver store only).
      if (before && engine.store === 'overlay2')
        lines.push(
          `The image ${tag} already exists, renaming the old one with ID ${before} to empty string`,
        );
      lines.push(`Loaded image: ${tag}`);
    }
  }
  return { lines, ids };
}

const blob = (d: LoadedDocument): Blob => ({ json: d.json, descriptor: d.descriptor });

/** The content the containerd store keeps: the archive's own manifest (and index). */
function contentOf(image: LoadedImage, docs: NonNullable<LoadedImage['documents']>): ImageBlobs {
  const configBytes = new TextEncoder().encode(image.configJson).length;
  return {
    config: {
      json: image.configJson,
      descriptor: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: image.configDigest,
        size: configBytes,
      },
    },
    layers: image.layers.map((l) => ({
      diffId: l.diffId,
      digest: l.blob.digest,
      size: l.blob.size,
    })),
    chainIds: chainIds(image.layers.map((l) => l.diffId)),
    manifest: blob(docs.manifest),
    index: docs.index && blob(docs.index),
    attestation: docs.attestation && {
      manifest: blob(docs.attestation.manifest),
      config: blob(docs.attestation.config),
      statement: blob(docs.attestation.statement),
    },
  };
}
