/**
 * The union filesystem the picture draws: an image's layer stack as one map (fs/union-map.ts),
 * and, for a container of that image, its writable layer on top.
 */
import type { Engine } from '../daemon/engine.ts';
import type { Layer } from '../fs/index.ts';
import { unionMap } from '../fs/union-map.ts';
import type { UnionView } from './types.ts';

/** An image's own map never changes: it is worked out once per layer stack. */
export type UnionMaps = WeakMap<readonly Layer[], UnionView['map']>;

export function unionView(
  engine: Engine,
  maps: UnionMaps,
  image: string,
  container?: string,
): UnionView | undefined {
  const record = engine.images.find(image);
  if (!record) return undefined;
  const c = container === undefined ? undefined : engine.containers.find(container);
  if (!c || c.image !== record.id) {
    let map = maps.get(record.layers);
    if (!map) maps.set(record.layers, (map = unionMap(record.layers)));
    return { image: record.id, map, container: undefined };
  }
  const layers: Layer[] = [...record.layers, c.rw.commit()];
  return { image: record.id, map: unionMap(layers), container: { id: c.id, name: c.name } };
}
