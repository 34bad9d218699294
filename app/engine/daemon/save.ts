/**
 * `docker save` in the daemon, as Docker 28.5 writes it (an OCI image layout plus Docker's
 * `manifest.json`), per image store:
 *
 * - overlay2 (moby daemon/internal/image/tarexport/save.go): each layer's uncompressed tar as a
 *   blob named by its diffID, the config, an OCI manifest written for the save, `index.json`
 *   with one entry per tag, `manifest.json` with `LayerSources`, the legacy `repositories`;
 *   blobs dated by the image's creation, the files the save writes itself dated 0. 28.5 also
 *   writes one legacy v1 JSON per layer, which nothing in the archive points at (compatibility
 *   with Docker before 1.9); the lab leaves those out (conformance/load/README.md).
 * - containerd (containerd's archive exporter): the content the store holds, as it holds it:
 *   the index the image ID names, the manifest, the config, the layer blobs (gzip when built
 *   or pulled, whatever a load read), the provenance attestation; read-only blobs, dated 0.
 *
 * Checked byte for byte against 28.5's saves of the same images (conformance/load/).
 */
import {
  diffId,
  layerBlobBytes,
  layerTarBytes,
  sha256Digest,
  treeFromEntries,
  writeTar,
  type EntrySpec,
  type Layer,
  type LayerBytesGap,
  type RunConfig,
} from '../fs/index.ts';
import { MEDIA, topDescriptor, type Blob, type Descriptor } from '../images/oci.ts';
import { familiarName, fullName, looksLikeId, parseImageRef } from '../images/reference.ts';
import type { ImageRecord } from '../images/store.ts';
import { configJsonOf } from './blobs.ts';
import type { Engine } from './engine.ts';

type Image = ImageRecord<Layer, RunConfig>;

/** An image to save and the tags it is saved under (none when it was named by ID). */
interface Saved {
  image: Image;
  tags: string[];
}

const blobPath = (digest: string) => `blobs/sha256/${digest.slice(7)}`;

/**
 * The images `names` name, as moby's parseNames reads them: a tag saves that tag, a name
 * without one every tag of that repository, an ID (or `name@digest`) the image untagged.
 */
function parseNames(engine: Engine, names: readonly string[]): Saved[] {
  const out = new Map<string, Saved>();
  const add = (image: Image, tag?: string) => {
    let s = out.get(image.id);
    if (!s) out.set(image.id, (s = { image, tags: [] }));
    if (tag && !s.tags.includes(tag)) s.tags.push(tag);
  };
  for (const name of names) {
    const image = engine.images.resolve(name);
    if (looksLikeId(name) && image.id.slice(7).startsWith(name.replace(/^sha256:/, ''))) {
      add(image);
      continue;
    }
    const ref = parseImageRef(name);
    if (ref.digest) add(image);
    else if (ref.tag) add(image, familiarName(ref));
    else {
      const all = engine.images
        .allTags()
        .filter(([tag]) => tag.slice(0, tag.lastIndexOf(':')) === ref.repository);
      if (all.length === 0) add(image);
      for (const [tag, id] of all) add(engine.images.resolve(id), tag);
    }
  }
  return [...out.values()];
}

/** A file of the archive: its bytes, mode and mtime (seconds). */
type Put = (path: string, data: Uint8Array | string, mode: number, mtime: number) => void;

function archive() {
  const files = new Map<string, EntrySpec>();
  const put: Put = (path, data, mode, mtime) => {
    if (!files.has(path)) files.set(path, { path: `/${path}`, type: 'file', data, mode, mtime });
  };
  const tar = (dirTimes: { blobs: number; sha256: number }) =>
    writeTar(
      treeFromEntries([
        { path: '/blobs', type: 'dir', mode: 0o755, mtime: dirTimes.blobs },
        { path: '/blobs/sha256', type: 'dir', mode: 0o755, mtime: dirTimes.sha256 },
        ...files.values(),
      ]),
      { mtime: 'preserve', names: () => '' },
    );
  return { put, tar };
}

const WHY: Record<LayerBytesGap, string> = {
  'stand-in':
    'holds files the lab knows only by their size and digest (the catalog keeps no bytes of package payloads): they are written as zeros',
  'not-kept':
    'was loaded without keeping its original bytes (they are kept for small images, until the page is reloaded): the lab’s tar of its files is written instead',
  differs:
    'was published as a tar whose exact bytes the lab does not have: the lab’s tar of its files is written instead',
};

/**
 * A layer the lab cannot give back byte for byte is written as the lab's tar of its files
 * (zeros for stand-ins), under the name the image gives it, and said: the archive is complete
 * and readable, but docker load, here or in a real Docker, refuses that layer's digest.
 */
function substitute(
  notes: string[],
  saved: Saved,
  index: number,
  gap: LayerBytesGap,
  layer: Layer,
): Uint8Array {
  const name = saved.tags[0] ?? saved.image.id.slice(7, 19);
  notes.push(
    `Layerlab: layer ${index + 1} of ${name} ${WHY[gap]}, so it does not match its digest and docker load will refuse this archive.`,
  );
  return writeTar(layer.root);
}

/** Seconds of the image's `created`, as its config says (moby dates its blobs with it). */
function createdOf(configJson: string): number {
  const created = (JSON.parse(configJson) as { created?: string }).created;
  const ms = created ? Date.parse(created) : NaN;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : 0;
}

/** `{"io.containerd.image.name": "docker.io/…:tag", "org.opencontainers.image.ref.name": tag}` */
function refAnnotations(tag: string): Record<string, string> {
  const ref = parseImageRef(tag);
  return {
    'io.containerd.image.name': fullName(ref),
    'org.opencontainers.image.ref.name': ref.tag ?? 'latest',
  };
}

const sortedKeys = <T>(m: Record<string, T>) =>
  Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** overlay2: moby's tarexport. */
function saveOverlay2(engine: Engine, saved: Saved[], notes: string[]): Uint8Array {
  const { put, tar } = archive();
  const manifestJson: unknown[] = [];
  const descriptors: Descriptor[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  let firstCreated: number | undefined;
  for (const s of saved) {
    const configJson = configJsonOf(s.image);
    const ts = createdOf(configJson);
    firstCreated ??= ts;
    const sources: Record<string, { mediaType: string; size: number; digest: string }> = {};
    const layers: Descriptor[] = s.image.layers.map((layer, i) => {
      const id = diffId(layer);
      let size = sources[id]?.size;
      if (size === undefined) {
        const own = layerTarBytes(layer);
        const bytes = typeof own === 'string' ? substitute(notes, s, i, own, layer) : own;
        put(blobPath(id), bytes, 0o644, ts);
        size = bytes.length;
        sources[id] = { mediaType: MEDIA.ociLayer, size, digest: id };
      }
      return { mediaType: MEDIA.ociLayer, digest: id, size };
    });
    const configDigest = sha256Digest(configJson);
    put(blobPath(configDigest), configJson, 0o644, ts);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: {
        mediaType: MEDIA.ociConfig,
        digest: configDigest,
        size: new TextEncoder().encode(configJson).length,
      },
      layers,
    });
    const untagged: Descriptor = {
      mediaType: MEDIA.ociManifest,
      digest: sha256Digest(manifest),
      size: new TextEncoder().encode(manifest).length,
    };
    put(blobPath(untagged.digest), manifest, 0o644, 0);
    const top = diffId(s.image.layers.at(-1)!).slice(7);
    for (const tag of s.tags) {
      const ref = parseImageRef(tag);
      (repositories[ref.repository] ??= {})[ref.tag ?? 'latest'] = top;
      descriptors.push({ ...untagged, annotations: sortedKeys(refAnnotations(tag)) });
    }
    // moby adds an untagged image only while index.json has no entry yet.
    if (descriptors.length === 0) descriptors.push(untagged);
    manifestJson.push({
      Config: blobPath(configDigest),
      RepoTags: s.tags.length ? s.tags : null,
      Layers: s.image.layers.map((l) => blobPath(diffId(l))),
      // moby validatedParentLinks: a parent is written only when the save holds it too.
      Parent: saved.some((p) => p.image.id === s.image.parent) ? s.image.parent : undefined,
      LayerSources: sortedKeys(sources),
    });
  }
  const repos = Object.keys(repositories);
  if (repos.length) put('repositories', `${JSON.stringify(sortedKeys(repositories))}\n`, 0o644, 0);
  put('manifest.json', `${JSON.stringify(manifestJson)}\n`, 0o644, 0);
  put('oci-layout', '{"imageLayoutVersion": "1.0.0"}', 0o644, 0);
  put(
    'index.json',
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: descriptors }),
    0o644,
    0,
  );
  return tar({ blobs: firstCreated ?? 0, sha256: engine.now() });
}

/** containerd: the content store's blobs, exported as containerd's archive exporter does. */
function saveContainerd(engine: Engine, saved: Saved[], notes: string[]): Uint8Array {
  const { put, tar } = archive();
  const json = (b: Blob | undefined) => b && put(blobPath(b.descriptor.digest), b.json, 0o444, 0);
  const manifestJson: unknown[] = [];
  const descriptors: Descriptor[] = [];
  for (const s of saved) {
    const blobs = engine.contentOf(s.image);
    [blobs.index, blobs.manifest, blobs.config].forEach(json);
    if (blobs.attestation) {
      const a = blobs.attestation;
      [a.manifest, a.config, a.statement].forEach(json);
    }
    s.image.layers.forEach((layer, i) => {
      const digest = blobs.layers[i]!.digest;
      const own = layerBlobBytes(layer, digest);
      const bytes = typeof own === 'string' ? substitute(notes, s, i, own, layer) : own;
      put(blobPath(digest), bytes, 0o444, 0);
    });
    const top = topDescriptor(blobs);
    const entry = { mediaType: top.mediaType, digest: top.digest, size: top.size };
    for (const tag of s.tags)
      descriptors.push({ ...entry, annotations: sortedKeys(refAnnotations(tag)) });
    if (s.tags.length === 0) descriptors.push(entry);
    manifestJson.push({
      Config: blobPath(blobs.config.descriptor.digest),
      RepoTags: s.tags.length ? s.tags : null,
      Layers: blobs.layers.map((l) => blobPath(l.digest)),
    });
  }
  put('oci-layout', '{"imageLayoutVersion":"1.0.0"}', 0o444, 0);
  put(
    'index.json',
    JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: descriptors }),
    0o644,
    0,
  );
  put('manifest.json', JSON.stringify(manifestJson), 0o644, 0);
  return tar({ blobs: 0, sha256: 0 });
}

/** A save: the archive, and a note for each layer it could not write byte for byte. */
export interface SaveResult {
  tar: Uint8Array;
  notes: string[];
}

/**
 * The `docker save` tar of the images `names` name, as this engine's image store writes it.
 * Throws `no-such-image` for a name the store lacks.
 * @example host.writeFile('app.tar', saveImages(engine, ['app:1']).tar);
 */
export function saveImages(engine: Engine, names: readonly string[]): SaveResult {
  const saved = parseNames(engine, names);
  const notes: string[] = [];
  const tar =
    engine.store === 'containerd'
      ? saveContainerd(engine, saved, notes)
      : saveOverlay2(engine, saved, notes);
  return { tar, notes };
}
