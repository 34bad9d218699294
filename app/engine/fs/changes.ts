import type { DirNode, TreeNode } from './types.ts';
import type { Layer } from './layer.ts';
import { compareNames } from './path.ts';

/** One line of `docker diff`. */
export interface Change {
  readonly kind: 'A' | 'C' | 'D';
  readonly path: string;
}

export interface ChangeCounts {
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
}

/**
 * A layer's changes against the merged tree below it, as `docker diff` reports them: `A` for
 * a path the lower tree lacks, `C` for one it has (parent directories of changes included),
 * `D` for a whiteout. An opaque directory over a lower one is `D` (moby reports the replaced
 * directory as deleted) followed by its new contents as `A`. Depth-first, names in Go order.
 *
 * @example
 * layerChanges(overlay.commit(), image.root); // [{ kind: 'C', path: '/etc' }, { kind: 'A', path: '/etc/x' }]
 */
export function layerChanges(layer: Layer, lower: DirNode): Change[] {
  const out: Change[] = [];
  visit(layer.root, lower, '', out);
  return out;
}

function visit(dir: DirNode, lower: TreeNode | undefined, prefix: string, out: Change[]): void {
  const lowerDir = lower?.type === 'dir' && !dir.opaque ? lower : undefined;
  for (const name of [...dir.children.keys()].sort(compareNames)) {
    const node = dir.children.get(name)!;
    const path = `${prefix}/${name}`;
    const below = lower?.type === 'dir' ? lower.children.get(name) : undefined;
    const seen = lowerDir?.children.get(name);
    if (node.type === 'whiteout') {
      if (seen) out.push({ kind: 'D', path });
      continue;
    }
    if (node.type === 'dir' && node.opaque && below?.type === 'dir') {
      out.push({ kind: 'D', path });
      visit(node, undefined, path, out);
      continue;
    }
    out.push({ kind: seen ? 'C' : 'A', path });
    if (node.type === 'dir') visit(node, seen, path, out);
  }
}

/**
 * Counts of added, changed and deleted paths, for the layer panel.
 *
 * @example
 * countChanges(layerChanges(layer, lower)); // { added: 3, changed: 1, deleted: 1 }
 */
export function countChanges(changes: readonly Change[]): ChangeCounts {
  let added = 0;
  let changed = 0;
  let deleted = 0;
  for (const c of changes) {
    if (c.kind === 'A') added++;
    else if (c.kind === 'C') changed++;
    else deleted++;
  }
  return { added, changed, deleted };
}
