/**
 * An OCI image layout's `index.json` followed down to images: an entry points at a manifest,
 * or at an index (the containerd store's saves, multi-platform images) whose linux/amd64
 * manifest is the image; BuildKit's attestation manifests (platform unknown/unknown) are not
 * images. Each descriptor's blob must be in the archive, with a media type the lab can unpack
 * and the compression its media type says.
 */
import type { ArchiveFiles } from './archive.ts';
import { LoadError } from './errors.ts';
import { imageParts } from './image-config.ts';
import {
  blobOf,
  familiarTag,
  jsonAt,
  type LoadedDocument,
  type LoadedImage,
  type LoadedLayer,
} from './files.ts';

interface Descriptor {
  mediaType?: string;
  digest: string;
  size?: number;
  annotations?: Record<string, string>;
  platform?: { architecture?: string; os?: string };
}

interface IndexDoc {
  manifests?: Descriptor[];
}

const INDEXES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);
const MANIFESTS = new Set([
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
]);
/** Layer media types and the compression each means. */
const LAYERS: Record<string, 'none' | 'gzip' | 'zstd'> = {
  'application/vnd.oci.image.layer.v1.tar': 'none',
  'application/vnd.oci.image.layer.v1.tar+gzip': 'gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd': 'zstd',
  'application/vnd.docker.image.rootfs.diff.tar': 'none',
  'application/vnd.docker.image.rootfs.diff.tar.gzip': 'gzip',
  'application/vnd.docker.image.rootfs.diff.tar.zstd': 'zstd',
};

/** index.json when the archive has one with an `oci-layout` beside it. */
export function ociDocument(files: ArchiveFiles): IndexDoc | undefined {
  const index = jsonAt(files, 'index.json');
  if (index === undefined) return undefined;
  if (typeof index !== 'object' || index === null || !Array.isArray((index as IndexDoc).manifests))
    throw new LoadError('load-bad-json', "The archive's index.json lists no manifests.");
  return index as IndexDoc;
}

const blobPath = (digest: string) => `blobs/${digest.replace(':', '/')}`;

function blob(files: ArchiveFiles, d: Descriptor, what: string) {
  if (typeof d?.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(d.digest))
    throw new LoadError('load-bad-json', `A ${what} descriptor has no valid sha256 digest.`);
  const f = files.files.get(blobPath(d.digest));
  if (!f)
    throw new LoadError(
      'load-missing-blob',
      `The ${what} ${d.digest} is not in the archive (no ${blobPath(d.digest)}).`,
    );
  return f;
}

/**
 * The images index.json describes, named as the containerd store names them: by the digest of
 * the descriptor index.json holds.
 */
export function fromOciIndex(files: ArchiveFiles, index: IndexDoc): LoadedImage[] {
  const out: LoadedImage[] = [];
  for (const entry of index.manifests ?? []) {
    const manifest = resolveManifest(files, entry, 0);
    if (!manifest) continue;
    const image = fromManifest(files, manifest);
    const attestation = manifest === entry ? undefined : attestationOf(files, entry);
    const documents = {
      manifest: documentOf(files, manifest),
      ...(manifest === entry ? {} : { index: documentOf(files, entry) }),
      ...(attestation ? { attestation } : {}),
    };
    const name =
      entry.annotations?.['io.containerd.image.name'] ??
      entry.annotations?.['org.opencontainers.image.ref.name'];
    // A bare ref.name ("1") is only a tag; a name needs a repository.
    const tags = name && /[/:]/.test(name) ? [familiarTag(name)] : [];
    out.push({ ...image, id: entry.digest, tags, documents });
  }
  return out;
}

function resolveManifest(
  files: ArchiveFiles,
  d: Descriptor,
  depth: number,
): Descriptor | undefined {
  const type = d.mediaType ?? '';
  if (MANIFESTS.has(type)) return d;
  if (!INDEXES.has(type) || depth > 4)
    throw new LoadError(
      'load-media-type',
      `index.json points at a ${type || 'blob without a media type'}, which is neither an image manifest nor an index.`,
    );
  const nested = jsonAt(files, blobPath(blob(files, d, 'index').digest)) as IndexDoc | undefined;
  const candidates = (nested?.manifests ?? []).filter(
    (m) => !(m.platform?.os === 'unknown' && m.platform.architecture === 'unknown'),
  );
  const amd64 = candidates.find(
    (m) =>
      (m.platform?.os ?? 'linux') === 'linux' && (m.platform?.architecture ?? 'amd64') === 'amd64',
  );
  const chosen = amd64 ?? candidates[0];
  return chosen ? resolveManifest(files, chosen, depth + 1) : undefined;
}

function documentOf(files: ArchiveFiles, d: Descriptor): LoadedDocument {
  const f = blob(files, d, 'manifest');
  return {
    json: new TextDecoder().decode(f.bytes),
    descriptor: { mediaType: d.mediaType ?? '', digest: d.digest, size: f.size },
  };
}

/**
 * The provenance attestation an image's index lists (a manifest for platform unknown/unknown
 * whose one layer is an in-toto statement), when the archive holds all of it: the containerd
 * store keeps it as content, and `docker save` writes it again.
 */
function attestationOf(
  files: ArchiveFiles,
  entry: Descriptor,
): NonNullable<LoadedImage['documents']>['attestation'] {
  const has = (d: Descriptor | undefined): d is Descriptor =>
    typeof d?.digest === 'string' && !!files.files.get(blobPath(d.digest))?.bytes;
  const nested = jsonAt(files, blobPath(entry.digest)) as IndexDoc | undefined;
  const d = nested?.manifests?.find(
    (m) => m.platform?.os === 'unknown' && m.platform.architecture === 'unknown',
  );
  if (!has(d)) return undefined;
  const m = jsonAt(files, blobPath(d.digest)) as ManifestDoc | undefined;
  const statement = m?.layers?.length === 1 ? m.layers[0] : undefined;
  if (!has(m?.config) || !has(statement)) return undefined;
  return {
    manifest: documentOf(files, d),
    config: documentOf(files, m.config),
    statement: documentOf(files, statement),
  };
}

interface ManifestDoc {
  config?: Descriptor;
  layers?: Descriptor[];
}

function fromManifest(files: ArchiveFiles, d: Descriptor): Omit<LoadedImage, 'id' | 'tags'> {
  blob(files, d, 'manifest');
  const m = jsonAt(files, blobPath(d.digest)) as ManifestDoc | undefined;
  if (!m?.config || !Array.isArray(m.layers))
    throw new LoadError('load-bad-json', `The manifest ${d.digest} has no config or no layers.`);
  const config = blob(files, m.config, 'config');
  if (!config.bytes)
    throw new LoadError('load-bad-config', `The config ${m.config.digest} is not a JSON document.`);
  const layers = m.layers.map((l, i): LoadedLayer => {
    const type = l.mediaType ?? '';
    const compression = LAYERS[type];
    if (compression === undefined)
      throw new LoadError(
        'load-media-type',
        `Layer ${i + 1} has the media type ${type || '(none)'}, which docker load cannot unpack (it knows tar layers, plain, gzip or zstd).`,
      );
    const f = blob(files, l, 'layer');
    if (!f.layer || f.compression !== compression)
      throw new LoadError(
        'load-media-type',
        `Layer ${i + 1} (${l.digest}) is said to be ${type}, but its bytes are ${f.layer ? `${f.compression === 'none' ? 'an uncompressed' : `a ${f.compression}`} tar` : 'not a tar'}.`,
      );
    return { layer: f.layer.layer, diffId: f.layer.diffId, blob: blobOf(f, type) };
  });
  const configJson = new TextDecoder().decode(config.bytes);
  return {
    ...imageParts(configJson, layers, blobPath(m.config.digest)),
    configJson,
    configDigest: config.digest,
    layers,
  };
}
