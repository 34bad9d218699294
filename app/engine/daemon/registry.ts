/**
 * The registry inside the page: images pushed by the learner, next to the catalog's images.
 * It stores layers once by diffID (a blob), so a push uploads only what it lacks.
 */
import type { BaseImage } from '../build/builder.ts';
import { diffId, type Layer } from '../fs/index.ts';

export class PageRegistry {
  private readonly blobs = new Map<string, Layer>();
  private readonly manifests = new Map<string, BaseImage>();
  /** `name:tag` -> the digest of the manifest pushed under it. */
  private readonly digests = new Map<string, string>();

  hasBlob(diff: string): boolean {
    return this.blobs.has(diff);
  }

  /**
   * Store an image under `name:tag` with the digest of its manifest; returns, per layer
   * bottom-up, whether it was uploaded.
   */
  push(name: string, image: BaseImage, digest: string): boolean[] {
    const uploaded = image.layers.map((layer) => {
      const d = diffId(layer);
      if (this.blobs.has(d)) return false;
      this.blobs.set(d, layer);
      return true;
    });
    this.manifests.set(name, { ...image, ref: name });
    this.digests.set(name, digest);
    return uploaded;
  }

  /** The manifest digest `name:tag` was pushed with. */
  digestOf(name: string): string | undefined {
    return this.digests.get(name);
  }

  get(name: string): BaseImage | undefined {
    return this.manifests.get(name);
  }

  names(): string[] {
    return [...this.manifests.keys()].sort();
  }
}
