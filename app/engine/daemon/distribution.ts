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
import { topDescriptor, type ImageBlobs } from '../images/oci.ts';
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
  if (upToDate) {
    // nothing to fetch
  } else if (engine.store === 'containerd') {
    const unpacked = blobs.chainIds.map((c) => localChains.has(c));
    lines.push(...containerdPullLines(blobs, unpacked, here));
  } else lines.push(...overlayPullLines(blobs, here));
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
 * `docker pull` progress on the overlay2 store (moby distribution/pull_v2.go): a layer here is
 * `Already exists`; the others are each `Pulling fs layer`, then `Verifying Checksum` and
 * `Download complete` as their downloads end, then `Pull complete` as they are extracted
 * bottom-up (recorded on Docker 28.5: conformance/lessons/overlay2/push-order.txt). Downloads run
 * side by side, so Docker's order of the middle lines changes from run to run (a small blob may
 * skip `Verifying Checksum`); the lab keeps the manifest's.
 */
function overlayPullLines(blobs: ImageBlobs, here: readonly boolean[]): string[] {
  const id = (i: number) => shortId(blobs.layers[i]!.digest);
  const missing = blobs.layers.flatMap((_, i) => (here[i] ? [] : [i]));
  return [
    ...blobs.layers.flatMap((_, i) => (here[i] ? [`${id(i)}: Already exists`] : [])),
    ...missing.map((i) => `${id(i)}: Pulling fs layer`),
    ...missing.flatMap((i) => [`${id(i)}: Verifying Checksum`, `${id(i)}: Download complete`]),
    ...missing.map((i) => `${id(i)}: Pull complete`),
  ];
}

/**
 * `docker pull` progress on the containerd store: only the layers with no snapshot here yet, each
 * `Pulling fs layer`, then `Already exists` when the build cache still holds its blob or
 * `Download complete`, then `Pull complete` once unpacked; a layer already unpacked for another
 * image prints nothing (recorded on Docker 28.5: conformance/lessons/containerd/registry.txt,
 * digests.txt and push-order.txt). Docker fetches side by side, so within each phase its order
 * changes from run to run; the lab keeps the manifest's, bottom-up.
 */
function containerdPullLines(
  blobs: ImageBlobs,
  unpacked: readonly boolean[],
  cached: readonly boolean[],
): string[] {
  const missing = blobs.layers.flatMap((l, i) => (unpacked[i] ? [] : [{ l, i }]));
  const id = (l: { digest: string }) => shortId(l.digest);
  return [
    ...missing.map(({ l }) => `${id(l)}: Pulling fs layer`),
    ...missing.map(({ l, i }) => `${id(l)}: ${cached[i] ? 'Already exists' : 'Download complete'}`),
    ...missing.map(({ l }) => `${id(l)}: Pull complete`),
  ];
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
  const blobs = containerd ? engine.contentOf(image) : pushBlobs(image);
  const manifest = topDescriptor(blobs);
  const progress = pushLines(engine, blobs, repo, containerd);
  engine.pushed.push(
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
  const lines = [`The push refers to repository [${repo}]`, ...progress];
  const statement = blobs.attestation?.statement.descriptor.digest;
  if (statement) engine.pushed.placeBlob(statement, repositoryKey(familiar));
  lines.push(`${ref.tag ?? 'latest'}: digest: ${manifest.digest} size: ${manifest.size}`);
  engine.images.addDigest(image.id, repositoryOf(ref), manifest.digest);
  return { lines, digest: manifest.digest };
}

/** `localhost:5000/me/app` from `localhost:5000/me/app:1`: how the page registry keys a repository. */
const repositoryKey = (familiar: string) => familiar.slice(0, familiar.lastIndexOf(':'));

/**
 * `docker push` progress: a line per blob the registry is sent. A blob the repository has is
 * `Layer already exists`, one another repository of the same registry holds is mounted from the
 * one it reached last, the rest `Pushed`. Docker uploads blobs side by side, so the order of
 * these lines changes from run to run; the lab keeps the manifest's. Recorded on Docker 28.5,
 * both stores: conformance/lessons/<store>/push-order.txt, where `docker save` names each blob.
 * - overlay2 (moby distribution/push_v2.go): layers top-down named by diffID, each `Preparing`
 *   first.
 * - containerd: the blobs' own (compressed) digests, the layers bottom-up and then BuildKit's
 *   provenance statement, the attestation's one blob that is not a manifest or config
 *   (`Already exists` when the repository has it).
 */
function pushLines(engine: Engine, blobs: ImageBlobs, repo: string, containerd: boolean): string[] {
  const target = parseImageRef(repo);
  const here = repositoryKey(familiarName({ ...target, tag: 'x' }));
  const entries = containerd
    ? blobs.layers.map((l) => ({ key: l.diffId, id: l.digest, layer: true }))
    : [...blobs.layers].reverse().map((l) => ({ key: l.diffId, id: l.diffId, layer: true }));
  const statement = blobs.attestation?.statement.descriptor.digest;
  if (containerd && statement) entries.push({ key: statement, id: statement, layer: false });
  const statuses = entries.map(({ key, id, layer }) => {
    const repos = engine.pushed.blobRepositories(key);
    const from = repos.filter((r) => parseImageRef(r).domain === target.domain).at(-1);
    const status = repos.includes(here)
      ? layer
        ? 'Layer already exists'
        : 'Already exists'
      : from
        ? `Mounted from ${pathOf(parseImageRef(from))}`
        : 'Pushed';
    return `${shortId(id)}: ${status}`;
  });
  if (containerd) return statuses;
  return [...entries.map(({ id }) => `${shortId(id)}: Preparing`), ...statuses];
}

/** The repository's path on its registry: `po/app` on localhost:5000, `library/debian` on the Hub. */
function pathOf(ref: ImageRef): string {
  return fullName({ ...ref, tag: 'x' })
    .replace(/^[^/]+\//, '')
    .replace(/:x$/, '');
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
