/**
 * What a finished build leaves in the image store: the classic builder's intermediate images,
 * the final image (squashed on request), the tags moved to it. With the containerd store every
 * image is named by its manifest's digest, or its index's when BuildKit attaches a provenance
 * attestation (its default; `--provenance=false` leaves it out), so the IDs the build printed
 * are given in the store's terms.
 */
import type { BuildResult, BuiltImage } from '../build/builder.ts';
import type { BuildEvent } from '../build/events.ts';
import { goTime } from '../fs/index.ts';
import type { BlobOptions } from '../images/oci.ts';
import { squashImage } from '../images/squash.ts';
import type { BuildOptions, Engine } from './engine.ts';

export interface KeptBuild {
  result: BuildResult;
  /** Images that lost their tag to this build and are now dangling. */
  dangling: string[];
}

/** BuildKit's provenance attestation for the image named `tag` (SLSA v0.2, its default). */
function provenance(engine: Engine, tag: string | undefined): BlobOptions {
  const at = goTime(engine.now());
  const name = tag ?? 'image';
  const colon = name.lastIndexOf(':');
  const subject = `pkg:docker/${colon > 0 ? `${name.slice(0, colon)}@${name.slice(colon + 1)}` : name}?platform=linux%2Famd64`;
  return { provenance: { subjectName: subject, startedOn: at, finishedOn: at } };
}

/**
 * On the containerd store BuildKit's image exporter names the new image itself, so the image the
 * name left has no record any more: `docker images -a` lists no `<none>` for it and `docker
 * image prune` finds nothing, even while a container made from it exists (`docker ps` then shows
 * the container's image as its short ID). The legacy builder tags through the daemon, which keeps
 * the old image as a dangling one, as on overlay2. Recorded on Docker 28.5:
 * conformance/recorded/35-tags-dangling.buildkit.containerd.json,
 * conformance/lessons/containerd/digests.txt and rebuild-tag.txt.
 */
function leavesNoDangling(engine: Engine, builder: string): boolean {
  return engine.store === 'containerd' && builder === 'buildkit';
}

/**
 * Store a successful build's images and move its tags; return the result with the store's IDs.
 * @example const { result, dangling } = keepBuild(engine, runResult, opts, ['app:latest'])
 */
export function keepBuild(
  engine: Engine,
  result: BuildResult,
  opts: BuildOptions,
  tags: readonly string[],
): KeptBuild {
  if (!result.ok || !result.image) return { result, dangling: [] };
  const builder = opts.builder ?? 'buildkit';
  const ids = new Map<string, string>();
  const mapped = (id: string | undefined) => (id === undefined ? id : (ids.get(id) ?? id));
  const keep = (im: BuiltImage, intermediate: boolean, content: BlobOptions = {}) => {
    const stored = engine.addImage(
      {
        id: im.id,
        layers: im.layers,
        config: im.config,
        history: im.history,
        configJson: im.configJson,
        parent: mapped(im.parent),
        intermediate,
      },
      undefined,
      content,
    );
    ids.set(im.id, stored.id);
    return { ...im, id: stored.id, parent: mapped(im.parent) };
  };
  for (const im of result.intermediates) keep(im, true);
  // BuildKit attaches a provenance attestation by default; without it, it exports Docker's
  // media types (recorded: the ID is then a schema 2 manifest's digest). The legacy builder
  // writes an OCI manifest.
  const content: BlobOptions =
    builder === 'classic'
      ? {}
      : opts.provenance === false
        ? { flavor: 'docker' }
        : provenance(engine, tags[0]);
  let image = keep(result.image, false, content);
  if (opts.squash && builder === 'classic') {
    // moby's SquashImage: the final stage's own layers as one layer over its FROM image. The
    // tags and `Successfully built` go to the squashed image; the other one stays.
    const from = result.events.findLast((e) => e.type === 'step-done' && e.outcome === 'base');
    const baseId = from?.type === 'step-done' ? from.imageId : undefined;
    const base = baseId ? engine.images.get(baseId) : undefined;
    const squashed = squashImage(result.image, base);
    const stored = engine.addImage({ ...squashed, intermediate: false });
    ids.set(result.image.id, stored.id);
    image = { ...squashed, id: stored.id };
  }
  const dangling: string[] = [];
  for (const tag of tags) {
    const before = engine.images.tag(image.id, tag);
    if (!before || !engine.images.isDangling(before)) continue;
    if (leavesNoDangling(engine, builder)) engine.images.delete(before);
    else dangling.push(before);
  }
  const events = result.events.map((e): BuildEvent => {
    if (e.type === 'build-done') return { ...e, imageId: image.id };
    if (e.type === 'step-done' && e.imageId !== undefined)
      return { ...e, imageId: mapped(e.imageId) };
    return e;
  });
  return {
    result: {
      ...result,
      events,
      image,
      intermediates: result.intermediates.map((im) => ({
        ...im,
        id: mapped(im.id)!,
        parent: mapped(im.parent),
      })),
    },
    dangling,
  };
}
