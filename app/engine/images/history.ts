/**
 * Which local image each line of an image's history ends, as `docker history` shows it in its
 * IMAGE column: the image itself on its last line and, through the classic builder's parent
 * links, each parent still present on its own last line; every other line is `<missing>`
 * (moby daemon/images/image_history.go: a line gets an ID only while walking `Parent`).
 */
import type { ImageRecord } from './store.ts';

/**
 * History line index -> the ID of the local image that line ends.
 * @example historyImageIds((id) => store.get(id), image).get(image.history.length - 1) // image.id
 */
export function historyImageIds<L, C>(
  get: (id: string) => ImageRecord<L, C> | undefined,
  image: ImageRecord<L, C>,
): Map<number, string> {
  const idAt = new Map<number, string>();
  const seen = new Set<string>();
  for (
    let cur: ImageRecord<L, C> | undefined = image;
    cur && !seen.has(cur.id);
    cur = cur.parent ? get(cur.parent) : undefined
  ) {
    seen.add(cur.id);
    idAt.set(cur.history.length - 1, cur.id);
  }
  return idAt;
}
