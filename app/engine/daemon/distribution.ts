/**
 * `docker pull` and `docker push` against the page's registry (the catalog and what the learner
 * pushed). A registry names an image by its manifest (or index) digest and its layers by their
 * compressed blobs: the progress lines show blob digests on pull and diffIDs on push, as
 * moby's distribution code does (distribution/pull_v2.go `ld.ID()`, push_v2.go `pd.ID()`).
 */
import { EngineError } from '../common/diagnostics.ts';
import { shortId } from '../common/ids.ts';
import { chainIds, diffId, type Layer, type RunConfig } from '../fs/index.ts';
import { familiarName, fullName, parseImageRef, type ImageRef } from '../images/reference.ts';
import type { ImageRecord } from '../images/store.ts';
import { PUSH_CONTENT, pushBlobs, pushedBlobs, registryBlobs, registryDigest } from './blobs.ts';
import { topDescriptor } from '../images/oci.ts';
import type { Engine } from './engine.ts';

/** `debian`, `me/app`, `localhost:5000/app`: the repository part of a familiar name. */
const repositoryOf = (ref: ImageRef) => ref.repository;

/**
 * `docker pull`: fetch an image from the registry. Layers whose ChainID is already here (in an
 * image, or held by the build cache) print `Already exists`; the rest `Pull complete`. The image keeps the registry's digest
 * (RepoDigests, `docker images --digests`, `name@sha256:…`).
 * @example pullImage(engine, 'debian:bookworm-slim').lines
 */
export function pullImage(
  engine: Engine,
  name: string,
): { image: ImageRecord<Layer, RunConfig>; lines: string[]; digest: string } {
  const ref = parseImageRef(name);
  const familiar = familiarName(ref);
  // What the learner pushed, by tag or by digest (a digest still names an image after its
  // tag moved on), else the catalog's image.
  const key = ref.digest ? `${ref.repository}@${ref.digest}` : familiar;
  const content = engine.pushed.contentOf(key);
  const remote =
    engine.pushed.get(key) ?? engine.opts.registry(familiar) ?? engine.opts.registry(name);
  const blobs = remote && (content ? pushedBlobs(remote, content) : registryBlobs(remote));
  const digest = blobs && (engine.pushed.digestOf(key) ?? registryDigest(blobs));
  if (!remote) {
    // A real image the offline lab lacks, or a tag Docker Hub does not have: say which.
    const m = engine.opts.explain?.(name);
    if (m)
      throw new EngineError(
        m.code === 'base-not-found' ? 'pull-denied' : m.code,
        m.pull,
        undefined,
        {
          hint: m.hint,
          switchTo: m.closest,
        },
      );
  }
  if (!remote || !blobs || !digest || (ref.digest !== undefined && ref.digest !== digest)) {
    const what = ref.digest ? `${ref.repository}@${ref.digest}` : ref.repository;
    const repoKnown = remote || engine.pushed.hasRepository(ref.repository);
    throw new EngineError(
      'pull-denied',
      ref.digest && repoKnown
        ? unknownDigest(engine, ref, what)
        : `Error response from daemon: pull access denied for ${ref.repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    );
  }
  engine.pulled.add(familiar);
  const localChains = new Set<string>();
  for (const image of engine.images.all())
    for (const c of chainIds(image.layers.map((l) => diffId(l)))) localChains.add(c);
  // A layer the build cache still holds is on disk too: after `docker rmi` of a BuildKit-built
  // image, pulling it back prints `Already exists` for its own layers until the cache is
  // pruned (recorded on Docker 28.5, both image stores: conformance/lessons/*/registry.txt).
  // The classic builder's cache is its intermediate images: it counts while they exist.
  const cached = new Set<string>();
  for (const [, e] of engine.cache.entriesList()) {
    if (e.layer && (e.imageId === undefined || engine.images.get(e.imageId)))
      cached.add(diffId(e.layer));
  }
  const here: boolean[] = [];
  remote.layers.forEach((layer, i) => {
    here[i] =
      localChains.has(blobs.chainIds[i]!) ||
      ((i === 0 || here[i - 1]!) && cached.has(diffId(layer)));
  });
  const tag = ref.digest ? ref.digest : (ref.tag ?? 'latest');
  const path = fullName(ref)
    .replace(/^[^/]+\//, '')
    .replace(/:[^:]*$/, '');
  const localId = engine.localIdOf(remote, content);
  const upToDate = engine.images.find(familiar)?.id === localId;
  const lines = [`${tag}: Pulling from ${path}`];
  if (!upToDate)
    blobs.layers.forEach((layer, i) =>
      lines.push(`${shortId(layer.digest)}: ${here[i] ? 'Already exists' : 'Pull complete'}`),
    );
  lines.push(
    `Digest: ${digest}`,
    upToDate
      ? `Status: Image is up to date for ${familiar}`
      : `Status: Downloaded newer image for ${ref.digest ? `${ref.repository}@${ref.digest}` : familiar}`,
  );
  // A pull by digest stores the image without a tag.
  const id = engine.storeBase({ ...remote, ref: familiar }, ref.digest === undefined, content);
  engine.images.addDigest(id, repositoryOf(ref), digest);
  return { image: engine.images.get(id)!, lines, digest };
}

/**
 * A digest the registry does not have, in a repository it has: each store says it in its own
 * words (recorded on 28.5: conformance/lessons/{overlay2,containerd}/digests.txt, the last command).
 */
function unknownDigest(engine: Engine, ref: ImageRef, what: string): string {
  if (engine.store !== 'containerd')
    return `Error response from daemon: manifest for ${what} not found: manifest unknown: manifest unknown`;
  const full = `${fullName(ref).replace(/:[^:/]*$/, '')}@${ref.digest}`;
  return `Error response from daemon: failed to resolve reference "${full}": ${full}: not found`;
}

/**
 * `docker push`: upload the blobs the registry lacks. From the overlay2 store Docker sends a
 * schema 2 manifest; from the containerd store the image's own content, so the pushed digest is
 * its image ID (recorded on Docker 28.5: conformance/lessons/containerd/registry.txt, where
 * `docker push` prints the ID `docker build` printed and RepoDigests lists it once). The last
 * line gives the digest and size in bytes.
 * @example pushImage(engine, 'me/app:1').lines // ['The push refers to repository [docker.io/me/app]', ...]
 */
export function pushImage(engine: Engine, name: string): { lines: string[]; digest: string } {
  const ref = parseImageRef(name);
  const familiar = familiarName(ref);
  const image = engine.images.find(familiar);
  if (!image)
    throw new EngineError(
      'no-such-image',
      `An image does not exist locally with the tag: ${ref.repository}`,
    );
  const repo = fullName(ref).replace(/:[^:]*$/, '');
  if (ref.domain === 'docker.io' && !ref.repository.includes('/')) {
    throw new EngineError(
      'push-denied',
      `The push refers to repository [${repo}]\ndenied: requested access to the resource is denied`,
      undefined,
      {
        hint: `Official names like "${ref.repository}" belong to Docker. Tag it under your own name first: docker tag ${familiar} me/${familiar}`,
      },
    );
  }
  const containerd = engine.store === 'containerd';
  const content = containerd ? (engine.contentOptions.get(image.id) ?? {}) : PUSH_CONTENT;
  const manifest = topDescriptor(containerd ? engine.contentOf(image) : pushBlobs(image));
  const uploaded = engine.pushed.push(
    familiar,
    {
      ref: familiar,
      id: image.id,
      layers: image.layers,
      config: image.config,
      history: image.history,
      ...(image.configJson !== undefined ? { configJson: image.configJson } : {}),
    },
    manifest.digest,
    content,
  );
  const lines = [`The push refers to repository [${repo}]`];
  for (let i = image.layers.length - 1; i >= 0; i--)
    lines.push(
      `${shortId(diffId(image.layers[i]!))}: ${uploaded[i] ? 'Pushed' : 'Layer already exists'}`,
    );
  lines.push(`${ref.tag ?? 'latest'}: digest: ${manifest.digest} size: ${manifest.size}`);
  engine.images.addDigest(image.id, repositoryOf(ref), manifest.digest);
  return { lines, digest: manifest.digest };
}

/**
 * The repo digests of an image as `RepoDigests` lists them: what registries gave it, and in
 * the containerd store its own digest under each repository it is tagged in (the image is
 * that manifest or index there).
 */
export function repoDigestsOf(engine: Engine, id: string): string[] {
  const own =
    engine.store === 'containerd'
      ? engine.images.tagsOf(id).map((t) => `${t.slice(0, t.lastIndexOf(':'))}@${id}`)
      : [];
  return [...new Set([...engine.images.digestsOf(id), ...own])].sort();
}
