/**
 * What the files of a `docker save` tar mean, once all are read: Docker 25+ (an OCI layout
 * plus `manifest.json` and `repositories`), Docker up to 24 (`<id>/layer.tar`, `<config>.json`,
 * `manifest.json`), or a plain OCI image layout (`index.json` and `blobs/` only: skopeo,
 * buildah, BuildKit's `--output type=oci`). Every digest is checked: each blob against its
 * name, each layer's diffID against the config's `rootfs.diff_ids`.
 *
 * Which store loads it matters, as in Docker 28.5 (conformance/load/recorded.json): the overlay2
 * store reads `manifest.json` and names the image by its config's digest; the containerd store
 * reads `index.json` and names it by the digest of what index.json points at.
 */
import type { ArchiveFiles } from './archive.ts';
import { LoadError, type ImageStoreKind } from './errors.ts';
import {
  blobOf,
  familiarTag,
  fileAt,
  jsonAt,
  type LoadedArchive,
  type LoadedImage,
  type LoadedLayer,
} from './files.ts';
import { fromOciIndex, ociDocument } from './oci-layout.ts';
import { containerdManifestDigest, imageParts } from './image-config.ts';

export type { LoadedArchive, LoadedImage, LoadedLayer } from './files.ts';

/** Every `blobs/sha256/<hex>` must hash to its name. */
function checkBlobNames(files: ArchiveFiles): void {
  for (const [path, f] of files.files) {
    const m = /^blobs\/sha256\/([0-9a-f]{64})$/.exec(path);
    if (m && `sha256:${m[1]}` !== f.digest)
      throw new LoadError(
        'load-blob-digest',
        `The blob ${path} does not match its name: its content hashes to ${f.digest}. The file was changed after docker save wrote it.`,
      );
  }
}

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  /** The image's parent, when the save held it too (moby tarexport validatedParentLinks). */
  Parent?: string;
}

/**
 * The images an archive holds, as `store` loads them.
 *
 * @example
 * const { images } = interpretArchive(reader.end(), 'overlay2');
 * images[0]?.id; // 'sha256:…'
 */
export function interpretArchive(files: ArchiveFiles, store: ImageStoreKind): LoadedArchive {
  const read = readImages(files, store);
  // The overlay2 store never looks at blob names (a changed layer shows as a wrong diffID,
  // checked above in docker's words); the containerd store ingests every blob by its name.
  checkBlobNames(files);
  return read;
}

function readImages(files: ArchiveFiles, store: ImageStoreKind): LoadedArchive {
  if (store === 'containerd') checkBlobNames(files);
  const manifest = jsonAt(files, 'manifest.json');
  const index = ociDocument(files);
  if (manifest !== undefined) {
    if (!Array.isArray(manifest))
      throw new LoadError('load-bad-json', "The archive's manifest.json is not a list of images.");
    const legacy = !files.files.has('index.json');
    const images = (manifest as ManifestItem[]).map((item, i) => {
      const image = fromManifestItem(files, item, i);
      if (store !== 'containerd') return image;
      const own = index
        ? fromOciIndex(files, index).find((o) => o.configDigest === image.configDigest)
        : undefined;
      if (own) return { ...image, id: own.id, documents: own.documents };
      const manifest = containerdManifestDigest(image);
      return { ...image, id: manifest.descriptor.digest, documents: { manifest } };
    });
    return { format: legacy ? 'legacy' : 'docker', images };
  }
  if (index) {
    if (store === 'overlay2') throw LoadError.notAnImage(files.topLevel, 'oci-layout');
    return { format: 'oci', images: fromOciIndex(files, index) };
  }
  throw LoadError.notAnImage(files.topLevel, 'plain-files');
}

function fromManifestItem(files: ArchiveFiles, item: ManifestItem, i: number): LoadedImage {
  if (typeof item?.Config !== 'string' || !Array.isArray(item.Layers))
    throw new LoadError(
      'load-bad-json',
      `Image ${i + 1} of manifest.json has no Config or Layers: the archive is not what docker save writes.`,
    );
  const config = fileAt(files, item.Config);
  if (!config?.bytes)
    throw new LoadError(
      'load-missing-file',
      `manifest.json names ${item.Config} as an image config, but the archive has no such file.`,
    );
  const layers = item.Layers.map((path, n): LoadedLayer => {
    const f = fileAt(files, path);
    if (!f)
      throw new LoadError(
        'load-missing-file',
        `manifest.json names ${path} as layer ${n + 1}, but the archive has no such file.`,
      );
    if (!f.layer)
      throw new LoadError(
        'load-not-a-layer',
        `manifest.json names ${path} as layer ${n + 1}, but that file is not a tar archive.`,
      );
    return { layer: f.layer.layer, diffId: f.layer.diffId, blob: blobOf(f) };
  });
  const configJson = new TextDecoder().decode(config.bytes);
  const parts = imageParts(configJson, layers, item.Config);
  return {
    ...parts,
    id: config.digest,
    configJson,
    configDigest: config.digest,
    layers,
    tags: (item.RepoTags ?? []).map(familiarTag),
    ...(typeof item.Parent === 'string' ? { parent: item.Parent } : {}),
  };
}
