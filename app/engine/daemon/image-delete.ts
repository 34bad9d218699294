/**
 * `docker rmi` as the daemon decides it (moby daemon/images/image_delete.go): untag, delete
 * the image and the untagged intermediate parents nothing else needs, or refuse with the
 * conflict dockerd names. The CLI prints the lines it returns.
 */
import { EngineError } from '../common/diagnostics.ts';
import { shortId } from '../common/ids.ts';
import { familiarName, parseImageRef } from '../images/reference.ts';
import type { Engine } from './engine.ts';

const conflict = (message: string) =>
  new EngineError('image-conflict', `Error response from daemon: conflict: ${message}`);

/**
 * Does a name still hold the image? Tags do on both stores; on overlay2 a `repo@sha256:…`
 * reference too (moby's reference store keeps digests beside tags; on the containerd store the
 * image is gone with its last name, recorded on 28.5: conformance/lessons/containerd/digests.txt).
 */
function referenced(engine: Engine, id: string): boolean {
  return (
    engine.images.tagsOf(id).length > 0 ||
    (engine.store !== 'containerd' && engine.images.digestsOf(id).length > 0)
  );
}

const repositoryOfKey = (key: string) =>
  key.includes('@') ? key.slice(0, key.indexOf('@')) : key.slice(0, key.lastIndexOf(':'));

/**
 * The names `docker rmi NAME` takes off the image, in the order dockerd reports them. By ID: every
 * tag and (overlay2) every digest reference, sorted as moby's reference store lists them. By
 * name: that name; on overlay2, once the repository's last tag on the image is gone, its
 * `repo@sha256:…` references go too (moby daemon/images/image_delete.go: "If a tag reference was
 * removed and the only remaining references to the same repository are digest references, then
 * clean up those digest references"; recorded on 28.5: conformance/lessons/overlay2/digests.txt).
 */
function untagLines(engine: Engine, id: string, name: string, byId: boolean): string[] {
  const overlay = engine.store !== 'containerd';
  const digests = overlay ? engine.images.digestsOf(id) : [];
  if (byId) {
    const names = [...engine.images.tagsOf(id), ...digests].sort();
    for (const n of names) {
      if (n.includes('@')) engine.images.untagDigest(n);
      else engine.images.untag(n);
    }
    return names.map((n) => `Untagged: ${n}`);
  }
  const ref = parseImageRef(name);
  if (ref.digest && overlay) {
    const key = `${ref.repository}@${ref.digest}`;
    engine.images.untagDigest(key);
    return [`Untagged: ${key}`];
  }
  const tag = familiarName(ref);
  engine.images.untag(tag);
  const out = [`Untagged: ${tag}`];
  const repo = repositoryOfKey(tag);
  if (engine.images.tagsOf(id).some((t) => repositoryOfKey(t) === repo)) return out;
  for (const d of digests.filter((k) => repositoryOfKey(k) === repo)) {
    engine.images.untagDigest(d);
    out.push(`Untagged: ${d}`);
  }
  return out;
}

/**
 * Every name off the image as `docker image prune` takes them (moby image_prune.go deletes each
 * reference in turn, so a tag takes its repository's digest references with it).
 */
export function untagAll(engine: Engine, id: string): string[] {
  const digests = engine.store !== 'containerd' ? engine.images.digestsOf(id) : [];
  const out: string[] = [];
  for (const n of [...engine.images.tagsOf(id), ...digests].sort()) {
    const held = n.includes('@')
      ? engine.images.digestsOf(id).includes(n)
      : engine.images.tagsOf(id).includes(n);
    if (held) out.push(...untagLines(engine, id, n, false));
  }
  return out;
}

/**
 * Removes image `id` and the untagged intermediate parents; pushes a `Deleted: sha256:…` line for
 * each. overlay2 keeps a parent another image builds on. The containerd store names an image
 * without a tag `moby-dangling@sha256:…`, so deleting one first prints `Untagged: sha256:…`, and
 * it walks up the parents while they are untagged, children or not (recorded on Docker 28.5:
 * conformance/lessons/containerd/rebuild-tag.txt, where `image prune` deletes the legacy
 * builder's ARG step image that `old:1` still builds on). `named`: the image had a name this
 * command took off (no dangling name to untag then).
 */
export function deleteChain(engine: Engine, id: string, out: string[], named = true): void {
  const containerd = engine.store === 'containerd';
  let current: string | undefined = id;
  let first = true;
  while (current) {
    const image = engine.images.get(current);
    if (!image || referenced(engine, current)) break;
    if (engine.images.children(current).length && (first || !containerd)) break;
    engine.images.delete(current);
    if (containerd && !(first && named)) out.push(`Untagged: ${current}`);
    out.push(`Deleted: ${current}`);
    first = false;
    current = image.parent;
    const parent = current ? engine.images.get(current) : undefined;
    if (!parent?.intermediate) break;
  }
}

/**
 * `docker rmi NAME`: the `Untagged:` and `Deleted:` lines, or an `EngineError` with dockerd's
 * words (no such image, or a conflict: several repositories, a container using it, children).
 * @example removeImage(engine, 'app:1', { force: false }) // ['Untagged: app:1', 'Deleted: sha256:…']
 */
export function removeImage(engine: Engine, name: string, opts: { force: boolean }): string[] {
  const image = engine.images.find(name);
  if (!image) throw new EngineError('no-such-image', `Error: No such image: ${name}`);
  const tags = engine.images.tagsOf(image.id);
  const byId = image.id.replace('sha256:', '').startsWith(name.replace('sha256:', ''));
  if (byId && tags.length > 1 && !opts.force)
    throw conflict(
      `unable to delete ${shortId(image.id)} (must be forced) - image is referenced in multiple repositories`,
    );
  const users = engine.containers.usingImage(image.id);
  const running = users.find((c) => c.state === 'running');
  const user = running ?? users[0];
  if (user && !opts.force && !byId && tags.length === 1)
    throw conflict(
      `unable to remove repository reference "${name}" (must force) - container ${shortId(user.id)} is using its referenced image ${shortId(image.id)}`,
    );
  // moby: a running container is a hard conflict (-f does not help), a stopped one a soft one.
  if (byId && (running || (user && !opts.force))) {
    const how = running ? 'cannot be forced' : 'must be forced';
    const what = `${running ? 'running' : 'stopped'} container ${shortId(user!.id)}`;
    throw conflict(
      `unable to delete ${shortId(image.id)} (${how}) - image is being used by ${what}`,
    );
  }
  if (
    engine.images
      .children(image.id)
      .some((c) => !c.intermediate || engine.images.tagsOf(c.id).length)
  )
    throw conflict(
      `unable to delete ${shortId(image.id)} (cannot be forced) - image has dependent child images`,
    );
  const out = untagLines(engine, image.id, name, byId);
  // `rmi -f name` while a container runs: the name goes, the image stays (dangling).
  if (!running) deleteChain(engine, image.id, out, out.length > 0);
  return out;
}
