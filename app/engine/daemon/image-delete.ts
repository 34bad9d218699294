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
 * Removes image `id` and the untagged intermediate parents nothing else needs; pushes a
 * `Deleted: sha256:…` line for each.
 */
export function deleteChain(engine: Engine, id: string, out: string[]): void {
  let current: string | undefined = id;
  while (current) {
    const image = engine.images.get(current);
    if (!image || engine.images.tagsOf(current).length || engine.images.children(current).length)
      break;
    engine.images.delete(current);
    out.push(`Deleted: ${current}`);
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
  const out: string[] = [];
  const untag = byId ? tags : [familiarName(parseImageRef(name))];
  for (const t of untag) {
    engine.images.untag(t);
    out.push(`Untagged: ${t}`);
  }
  // `rmi -f name` while a container runs: the name goes, the image stays (dangling).
  if (!running) deleteChain(engine, image.id, out);
  return out;
}
