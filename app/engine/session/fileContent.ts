/** A file of an image (up to a layer) or of a container, as the file viewer shows it. */
import type { Engine } from '../daemon/engine.ts';
import { MergedView } from '../fs/index.ts';

export type FileContent =
  | { kind: 'text'; text: string; size: number }
  | { kind: 'binary'; size: number }
  | { kind: 'missing' };

/** Text is shown up to this size; past it, or with a NUL byte, a file is binary. */
const MAX_TEXT = 256 * 1024;

export function fileContent(
  engine: Engine,
  where: { image: string; upTo?: number } | { container: string },
  path: string,
): FileContent {
  let node;
  if ('container' in where) {
    const c = engine.containers.find(where.container);
    if (!c) return { kind: 'missing' };
    try {
      const st = c.rw.lstat(path);
      if (st.type !== 'file') return { kind: 'missing' };
      const data = c.rw.readFile(path);
      return decode(data, st.size);
    } catch {
      return { kind: 'missing' };
    }
  } else {
    const image = engine.images.find(where.image);
    if (!image) return { kind: 'missing' };
    const layers = image.layers.slice(0, (where.upTo ?? image.layers.length - 1) + 1);
    node = MergedView.of(layers).lookup(path);
  }
  if (!node || node.type !== 'file') return { kind: 'missing' };
  if (!node.data) return { kind: 'binary', size: node.size };
  return decode(node.data, node.size);
}

function decode(data: Uint8Array, size: number): FileContent {
  if (size > MAX_TEXT || data.includes(0)) return { kind: 'binary', size };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(data), size };
  } catch {
    return { kind: 'binary', size };
  }
}
