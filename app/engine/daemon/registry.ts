/**
 * The registry inside the page: images pushed by the learner, next to the catalog's images.
 * It stores layers once by diffID (a blob), so a push uploads only what it lacks, and every
 * manifest it was given by its digest too: pushing a tag again moves the tag, while
 * `repo@sha256:…` still names the image pushed before (a registry deletes untagged manifests
 * only when its garbage collector is told to: distribution's `garbage-collect
 * --delete-untagged`).
 */
import type { BaseImage } from '../build/builder.ts';
import { diffId, type Layer } from '../fs/index.ts';
import type { BlobOptions } from '../images/oci.ts';

/** What was pushed: the image, the digest it was pushed with and how its content was made. */
interface Pushed {
  image: BaseImage;
  digest: string;
  content: BlobOptions;
}

/** `me/app` from `me/app:1` (the tag is after the last colon, never inside a host:port). */
const repositoryOf = (name: string) => name.slice(0, name.lastIndexOf(':'));

export class PageRegistry {
  private readonly blobs = new Map<string, Layer>();
  /** `name:tag` and `name@sha256:…` -> what was pushed. */
  private readonly manifests = new Map<string, Pushed>();
  /** `name:tag` -> the digests pushed under it, oldest first (a tag pushed again moves). */
  private readonly history = new Map<string, string[]>();
  /** Blob (diffID, or digest for non-layer blobs) -> repositories holding it, last one last. */
  private readonly where = new Map<string, string[]>();

  hasBlob(diff: string): boolean {
    return this.blobs.has(diff);
  }

  /**
   * Store an image under `name:tag` with the digest of its manifest (or index) and how that
   * content was made; returns, per layer bottom-up, whether it was uploaded.
   */
  push(name: string, image: BaseImage, digest: string, content: BlobOptions = {}): boolean[] {
    const uploaded = image.layers.map((layer) => {
      const d = diffId(layer);
      if (this.blobs.has(d)) return false;
      this.blobs.set(d, layer);
      return true;
    });
    for (const layer of image.layers) this.placeBlob(diffId(layer), repositoryOf(name));
    const pushed = { image: { ...image, ref: name }, digest, content };
    this.manifests.set(name, pushed);
    this.manifests.set(`${repositoryOf(name)}@${digest}`, pushed);
    const seen = this.history.get(name) ?? [];
    if (seen.at(-1) !== digest) this.history.set(name, [...seen, digest]);
    return uploaded;
  }

  /**
   * Where a blob is: the repositories (`localhost:5000/me/app`) holding it, the one it reached
   * last at the end. Layers are named by diffID, other blobs (an attestation's statement) by
   * their digest.
   */
  blobRepositories(key: string): readonly string[] {
    return this.where.get(key) ?? [];
  }

  /** Record that `repository` holds the blob `key` (an upload or a cross-repository mount). */
  placeBlob(key: string, repository: string): void {
    const repos = this.where.get(key) ?? [];
    // A blob pushed again where it already is keeps its place (Docker 28.5 then still mounts
    // from the repository it reached last: conformance/lessons/containerd/push-order.txt).
    if (!repos.includes(repository)) this.where.set(key, [...repos, repository]);
  }

  /** The manifest digest `name:tag` (or `name@sha256:…`) was pushed with. */
  digestOf(name: string): string | undefined {
    return this.manifests.get(name)?.digest;
  }

  /** How the pushed content was made (an index, an attestation), to serve the same bytes. */
  contentOf(name: string): BlobOptions | undefined {
    return this.manifests.get(name)?.content;
  }

  /** The image pushed as `name:tag`, or as `name@sha256:…` (which outlives the tag moving). */
  get(name: string): BaseImage | undefined {
    return this.manifests.get(name)?.image;
  }

  /** The digests `name:tag` was pushed with, oldest first: more than one when the tag moved. */
  digestsPushed(name: string): string[] {
    return this.history.get(name) ?? [];
  }

  /** Whether anything was pushed to the repository (`me/app`), under any tag. */
  hasRepository(repository: string): boolean {
    return [...this.manifests.keys()].some((k) => k.startsWith(`${repository}:`));
  }

  /** The tags pushed (`name:tag`), without the by-digest names. */
  names(): string[] {
    return [...this.manifests.keys()].filter((n) => !n.includes('@')).sort();
  }
}
