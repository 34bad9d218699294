/**
 * The local image store: images by ID, tags pointing at IDs (many per image), dangling
 * `<none>:<none>` images left behind when a tag moves, and classic-builder intermediate images.
 * Generic over the layer type so it stays independent of how layers are represented.
 */
import { EngineError } from '../common/diagnostics.ts';
import { familiarName, looksLikeId, parseImageRef } from './reference.ts';

/** One line of an image's history (the config's `history`). */
export interface HistoryLine {
  created?: string;
  created_by?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageRecord<L, C = Readonly<Record<string, unknown>>> {
  /** `sha256:<hex>` of the config. */
  id: string;
  /** Layers bottom to top. */
  layers: readonly L[];
  /** The runtime config (Env, Cmd, WorkingDir, ...). */
  config: C;
  history: readonly HistoryLine[];
  /** The config JSON whose sha256 is the ID, when known. */
  configJson: string | undefined;
  /** Classic builder: the image of the previous step. BuildKit keeps none. */
  parent: string | undefined;
  /** Seconds since the epoch. */
  created: number;
  /** Classic builder's per-step images: shown by `docker images -a` only. */
  intermediate: boolean;
}

export class ImageStore<L, C = Readonly<Record<string, unknown>>> {
  private readonly images = new Map<string, ImageRecord<L, C>>();
  /** `repo:tag` -> image ID. */
  private readonly tags = new Map<string, string>();
  /** `repo@sha256:…` (a registry manifest or index digest) -> image ID. */
  private readonly digests = new Map<string, string>();

  add(image: ImageRecord<L, C>): ImageRecord<L, C> {
    const existing = this.images.get(image.id);
    if (existing) {
      // A final image that is also an intermediate stays visible.
      if (existing.intermediate && !image.intermediate)
        this.images.set(image.id, { ...existing, intermediate: false });
      return this.images.get(image.id)!;
    }
    this.images.set(image.id, image);
    return image;
  }

  get(id: string): ImageRecord<L, C> | undefined {
    return this.images.get(id);
  }

  all(): ImageRecord<L, C>[] {
    return [...this.images.values()];
  }

  /**
   * Point `name` at an image. Returns the ID the tag pointed at before, which may now be dangling.
   * @example store.tag(id, 'app') // tags app:latest
   */
  tag(id: string, name: string): string | undefined {
    const key = familiarName(parseImageRef(name));
    const before = this.tags.get(key);
    this.tags.set(key, id);
    const image = this.images.get(id);
    if (image?.intermediate) this.images.set(id, { ...image, intermediate: false });
    return before === id ? undefined : before;
  }

  untag(name: string): string | undefined {
    const key = familiarName(parseImageRef(name));
    const id = this.tags.get(key);
    this.tags.delete(key);
    return id;
  }

  tagsOf(id: string): string[] {
    return [...this.tags].filter(([, v]) => v === id).map(([k]) => k);
  }

  allTags(): [string, string][] {
    return [...this.tags];
  }

  /**
   * Remember the digest a registry gave the image under `repository` (pull, push): `docker
   * images --digests`, `RepoDigests` and `repo@sha256:…` references read it.
   * @example store.addDigest(id, 'debian', 'sha256:…')
   */
  addDigest(id: string, repository: string, digest: string): void {
    this.digests.set(`${repository}@${digest}`, id);
  }

  /** Forget one `repo@sha256:…` reference; returns the image it named. */
  untagDigest(reference: string): string | undefined {
    const id = this.digests.get(reference);
    this.digests.delete(reference);
    return id;
  }

  /** The image's repo digests, `repo@sha256:…`, sorted. */
  digestsOf(id: string): string[] {
    return [...this.digests]
      .filter(([, v]) => v === id)
      .map(([k]) => k)
      .sort();
  }

  children(id: string): ImageRecord<L, C>[] {
    return this.all().filter((i) => i.parent === id);
  }

  /** Untagged, not an intermediate, and no child image builds on it: `<none>:<none>`. */
  isDangling(id: string): boolean {
    const image = this.images.get(id);
    return !!image && !image.intermediate && this.tagsOf(id).length === 0;
  }

  /**
   * Find an image by name (`app`, `app:1`) or ID prefix, as `docker` commands accept.
   * Throws Docker's `No such image` otherwise.
   */
  resolve(nameOrId: string): ImageRecord<L, C> {
    const found = this.find(nameOrId);
    if (!found)
      throw new EngineError(
        'no-such-image',
        `Error response from daemon: No such image: ${shownName(nameOrId)}`,
      );
    return found;
  }

  find(nameOrId: string): ImageRecord<L, C> | undefined {
    if (looksLikeId(nameOrId)) {
      const hex = nameOrId.replace(/^sha256:/, '');
      const matches = this.all().filter((i) => i.id.slice(7).startsWith(hex));
      if (matches.length === 1) return matches[0];
      if (matches.length > 1 && !nameOrId.includes(':')) return undefined;
    }
    let key: string;
    let byDigest: string | undefined;
    try {
      const ref = parseImageRef(nameOrId);
      key = familiarName(ref);
      if (ref.digest) byDigest = `${ref.repository}@${ref.digest}`;
    } catch {
      return undefined;
    }
    // `name@sha256:…` names what the registry sent, whatever the tags say now.
    if (byDigest) {
      const id = this.digests.get(byDigest);
      return id ? this.images.get(id) : undefined;
    }
    const id = this.tags.get(key);
    return id ? this.images.get(id) : undefined;
  }

  /** Forget an image entirely (its tags must be gone already). */
  delete(id: string): void {
    this.images.delete(id);
    for (const [k, v] of this.tags) if (v === id) this.tags.delete(k);
    for (const [k, v] of this.digests) if (v === id) this.digests.delete(k);
  }
}

function shownName(nameOrId: string): string {
  if (looksLikeId(nameOrId)) return nameOrId;
  try {
    const ref = parseImageRef(nameOrId);
    return ref.digest ? `${ref.repository}@${ref.digest}` : familiarName(ref);
  } catch {
    return nameOrId;
  }
}
