/**
 * The image model as registries and image stores see it: a config blob (its digest is the
 * classic image ID), one compressed blob per layer (named by the digest of the gzip bytes; the
 * config's `rootfs.diff_ids` name the uncompressed tars), a manifest that lists them, and an
 * index over manifests (one per platform, plus BuildKit's attestation manifest). Pure JSON
 * and digests: how a layer's diffID and blob were obtained (hashed, or known for a stand-in)
 * is the caller's business.
 *
 * JSON as Go's encoding/json writes the image-spec structs
 * (https://github.com/opencontainers/image-spec/blob/main/specs-go/v1/manifest.go, index.go,
 * descriptor.go): fields in struct order, `omitempty` fields left out, map keys sorted.
 */
import { sha256Digest } from '../fs/digest.ts';
import { chainIds } from '../fs/digest.ts';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  inToto: 'application/vnd.in-toto+json',
} as const;

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

/** An OCI content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Readonly<Record<string, string>>;
  platform?: Platform;
}

/** A blob with its bytes (JSON text) and the descriptor that points at it. */
export interface Blob {
  readonly json: string;
  readonly descriptor: Descriptor;
}

/** One layer: the digest of its uncompressed tar and the blob a registry holds for it. */
export interface LayerBlob {
  /** `sha256:` of the uncompressed tar (the config's `rootfs.diff_ids`). */
  diffId: string;
  /** `sha256:` of the compressed (gzip) blob, as registries and the containerd store name it. */
  digest: string;
  /** Bytes of the compressed blob. */
  size: number;
}

const encoder = new TextEncoder();

/** The descriptor of a JSON blob: its digest and length in bytes. */
export function describe(json: string, mediaType: string, extra: Partial<Descriptor> = {}) {
  return {
    mediaType,
    digest: sha256Digest(json),
    size: encoder.encode(json).length,
    ...extra,
  } satisfies Descriptor;
}

const sortedMap = (m: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A descriptor in image-spec field order (mediaType, digest, size, annotations, platform). */
function descriptorJson(d: Descriptor): Record<string, unknown> {
  const out: Record<string, unknown> = { mediaType: d.mediaType, digest: d.digest, size: d.size };
  if (d.annotations && Object.keys(d.annotations).length)
    out.annotations = sortedMap(d.annotations);
  if (d.platform) {
    const p: Record<string, unknown> = { architecture: d.platform.architecture, os: d.platform.os };
    if (d.platform.variant) p.variant = d.platform.variant;
    out.platform = p;
  }
  return out;
}

/** Which media types a manifest uses: OCI's, or Docker's schema 2 (`docker push` from overlay2). */
export type ManifestFlavor = 'oci' | 'docker';

/**
 * An image manifest: the config and the layers, bottom first.
 * @example manifest(configBlob, [{ mediaType: MEDIA.ociLayerGzip, digest, size }]).descriptor.digest
 */
export function manifest(
  config: Descriptor,
  layers: readonly Descriptor[],
  flavor: ManifestFlavor = 'oci',
  indent = 0,
  annotations?: Readonly<Record<string, string>>,
): Blob {
  const mediaType = flavor === 'oci' ? MEDIA.ociManifest : MEDIA.dockerManifest;
  const body: Record<string, unknown> = {
    schemaVersion: 2,
    mediaType,
    config: descriptorJson(config),
    layers: layers.map(descriptorJson),
  };
  if (annotations && Object.keys(annotations).length) body.annotations = sortedMap(annotations);
  const json = JSON.stringify(body, null, indent || undefined);
  return { json, descriptor: describe(json, mediaType) };
}

/**
 * An image index (manifest list) over manifests.
 * @example index([{ ...m.descriptor, platform: { architecture: 'amd64', os: 'linux' } }])
 */
export function index(
  manifests: readonly Descriptor[],
  flavor: ManifestFlavor = 'oci',
  indent = 0,
): Blob {
  const mediaType = flavor === 'oci' ? MEDIA.ociIndex : MEDIA.dockerList;
  const json = JSON.stringify(
    { schemaVersion: 2, mediaType, manifests: manifests.map(descriptorJson) },
    null,
    indent || undefined,
  );
  return { json, descriptor: describe(json, mediaType) };
}

export const AMD64: Platform = { architecture: 'amd64', os: 'linux' };

/** Everything a registry or the containerd store keeps for one image. */
export interface ImageBlobs {
  config: Blob;
  layers: readonly LayerBlob[];
  /** ChainIDs of the layers, bottom first: how the overlay2 store names its layer stack. */
  chainIds: readonly string[];
  manifest: Blob;
  /** The index over the manifest (and the attestation), where the image has one. */
  index: Blob | undefined;
  /** BuildKit's provenance attestation: its manifest and the in-toto statement it carries. */
  attestation: { manifest: Blob; config: Blob; statement: Blob } | undefined;
}

export interface BlobOptions {
  flavor?: ManifestFlavor;
  /**
   * Spaces of indentation in the manifest and index JSON: BuildKit's exporter writes 2 (recorded
   * on 28.5: a one-layer manifest is 481 bytes), distribution's schema 2 manifests 3, 0 compact.
   */
  indent?: number;
  /** Wrap the manifest in an index (BuildKit with the containerd store, official images). */
  index?: boolean;
  /**
   * A provenance statement to attach (BuildKit's default with the containerd store): its
   * text carries the build's time, so a rebuild from cache still gets a new index digest.
   */
  provenance?: { subjectName: string; startedOn: string; finishedOn: string };
}

const layerDescriptor = (l: LayerBlob, flavor: ManifestFlavor): Descriptor => ({
  mediaType: flavor === 'oci' ? MEDIA.ociLayerGzip : MEDIA.dockerLayerGzip,
  digest: l.digest,
  size: l.size,
});

/** The in-toto provenance statement BuildKit attaches (SLSA provenance v0.2, trimmed). */
function provenanceStatement(
  subject: Descriptor,
  p: NonNullable<BlobOptions['provenance']>,
): string {
  return JSON.stringify({
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://slsa.dev/provenance/v0.2',
    subject: [{ name: p.subjectName, digest: { sha256: subject.digest.slice(7) } }],
    predicate: {
      builder: { id: '' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      invocation: {
        configSource: { entryPoint: 'Dockerfile' },
        parameters: {
          frontend: 'dockerfile.v0',
          locals: [{ name: 'context' }, { name: 'dockerfile' }],
        },
        environment: { platform: 'linux/amd64' },
      },
      metadata: {
        buildStartedOn: p.startedOn,
        buildFinishedOn: p.finishedOn,
        completeness: { parameters: true, environment: true, materials: false },
        reproducible: false,
        'https://mobyproject.org/buildkit@v1#metadata': {},
      },
    },
  });
}

/**
 * The blobs of an image from its config JSON and its layers.
 * @example
 * const blobs = imageBlobs(image.configJson, layers, { index: true });
 * blobs.index?.descriptor.digest; // the image ID in the containerd store
 */
export function imageBlobs(
  configJson: string,
  layers: readonly LayerBlob[],
  opts: BlobOptions = {},
): ImageBlobs {
  const flavor = opts.flavor ?? 'oci';
  const indent = opts.indent ?? 2;
  const config: Blob = {
    json: configJson,
    descriptor: describe(configJson, flavor === 'oci' ? MEDIA.ociConfig : MEDIA.dockerConfig),
  };
  const m = manifest(
    config.descriptor,
    layers.map((l) => layerDescriptor(l, flavor)),
    flavor,
    indent,
  );
  let attestation: ImageBlobs['attestation'];
  const entries: Descriptor[] = [{ ...m.descriptor, platform: AMD64 }];
  if (opts.provenance) {
    const statementJson = provenanceStatement(m.descriptor, opts.provenance);
    const statement: Blob = {
      json: statementJson,
      descriptor: describe(statementJson, MEDIA.inToto, {
        annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
      }),
    };
    const attConfigJson = JSON.stringify({
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: [statement.descriptor.digest] },
    });
    const attConfig: Blob = {
      json: attConfigJson,
      descriptor: describe(attConfigJson, MEDIA.ociConfig),
    };
    const attManifest = manifest(attConfig.descriptor, [statement.descriptor], 'oci', indent);
    attestation = { manifest: attManifest, config: attConfig, statement };
    entries.push({
      ...attManifest.descriptor,
      annotations: {
        'vnd.docker.reference.digest': m.descriptor.digest,
        'vnd.docker.reference.type': 'attestation-manifest',
      },
      platform: { architecture: 'unknown', os: 'unknown' },
    });
  }
  return {
    config,
    layers,
    chainIds: chainIds(layers.map((l) => l.diffId)),
    manifest: m,
    index: opts.index || opts.provenance ? index(entries, flavor, indent) : undefined,
    attestation,
  };
}

/**
 * The digest an image store names an image by in the containerd store: the index when there
 * is one, else the manifest.
 */
export function topDescriptor(blobs: ImageBlobs): Descriptor {
  return (blobs.index ?? blobs.manifest).descriptor;
}
