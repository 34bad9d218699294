/**
 * Building the union map from a stack of layers: every path any layer names, each layer's part
 * in it, and the deletions and covers a whiteout, an opaque directory or a file over a
 * directory bring to the paths below them.
 */
import type { Layer } from './layer.ts';
import { unionFate } from './union-fate.ts';
import {
  lowerBound,
  UNION_ROLES,
  type UnionLayerStats,
  type UnionMap,
  type UnionRole,
} from './union.ts';

const topFirst = (a: { layer: number }, b: { layer: number }) => b.layer - a.layer;

interface Draft {
  layer: number;
  role: UnionRole;
  size: number;
  by?: string;
  opaque?: true;
}

/**
 * Every path of a stack of layers (bottom first) with each layer's part in it.
 *
 * @example
 * const map = unionMap([base, run1, run2]);
 * map.paths.length; // every path any of the three layers names
 */
export function unionMap(layers: readonly Layer[]): UnionMap {
  const byPath = new Map<string, Draft[]>();
  // Entries that hide what lower layers hold below them: [layer, path, role].
  const covers: [number, string, 'whiteout' | 'opaque'][] = [];
  layers.forEach((layer, index) => {
    for (const r of layer.records()) {
      let parts = byPath.get(r.path);
      if (!parts) byPath.set(r.path, (parts = []));
      if (r.kind === 'opaque') {
        const dir = parts.find((p) => p.layer === index);
        if (dir) dir.opaque = true;
        covers.push([index, r.path, 'opaque']);
        continue;
      }
      const role: UnionRole =
        r.kind === 'hardlink' ? 'file' : r.kind === 'whiteout' ? 'whiteout' : r.kind;
      parts.push({ layer: index, role, size: r.kind === 'file' ? r.size : 0 });
      // A whiteout, or a file or symlink where a directory was, hides everything below it.
      if (role !== 'dir') covers.push([index, r.path, 'whiteout']);
    }
  });
  const sorted = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [layer, at, role] of covers) {
    const prefix = at === '/' ? '/' : `${at}/`;
    for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
      const path = sorted[i]!;
      if (!path.startsWith(prefix)) break;
      const parts = byPath.get(path)!;
      if (parts.some((p) => p.layer === layer)) continue;
      // Only what the layers below still show is hidden here (covers come bottom-up).
      const below = [...parts].sort(topFirst);
      if (unionFate(below, layer - 1).visibleFrom === undefined) continue;
      parts.push({ layer, role, size: 0, by: at });
    }
  }
  return pack(
    layers.map((l, index) => {
      const st = l.stats;
      return {
        index,
        size: st.size,
        files: st.files + st.hardlinks,
        whiteouts: st.whiteouts,
        opaques: st.opaques,
      };
    }),
    sorted,
    byPath,
  );
}

function pack(layers: UnionLayerStats[], paths: string[], byPath: Map<string, Draft[]>): UnionMap {
  let total = 0;
  for (const parts of byPath.values()) total += parts.length;
  const index = new Map(paths.map((p, i) => [p, i]));
  const first = new Uint32Array(paths.length + 1);
  const layer = new Uint16Array(total);
  const role = new Uint8Array(total);
  const size = new Float64Array(total);
  const opaque = new Uint8Array(total);
  const by = new Int32Array(total);
  let n = 0;
  paths.forEach((path, i) => {
    first[i] = n;
    for (const p of byPath.get(path)!.sort(topFirst)) {
      layer[n] = p.layer;
      role[n] = UNION_ROLES.indexOf(p.role);
      size[n] = p.size;
      opaque[n] = p.opaque ? 1 : 0;
      by[n] = p.by === undefined ? -1 : (index.get(p.by) ?? -1);
      n++;
    }
  });
  first[paths.length] = n;
  return { layers, paths, first, layer, role, size, opaque, by };
}
