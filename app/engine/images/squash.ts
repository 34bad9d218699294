/**
 * `docker build --squash` (classic builder): the build's own layers become one layer on top of
 * the base image, as moby's SquashImage does. History keeps every step, marked `empty_layer`,
 * and gains one line whose comment says what was merged. The unsquashed image stays.
 */
import {
  FIXED_CREATED,
  Layer,
  MergedView,
  WHITEOUT,
  diffId,
  imageConfigJson,
  imageId,
  type DirNode,
  type HistoryEntry,
  type RunConfig,
  type TreeNode,
} from '../fs/index.ts';
import type { ImageRecord } from './store.ts';

type Image = Pick<ImageRecord<Layer, RunConfig>, 'id' | 'layers' | 'config' | 'history'> & {
  parent: string | undefined;
};

export interface SquashedImage {
  id: string;
  configJson: string;
  layers: Layer[];
  config: RunConfig;
  history: HistoryEntry[];
  parent: string | undefined;
}

/**
 * The difference between two merged trees as one layer diff: what `upper` adds or changes,
 * whiteouts for what it lacks. Nodes are shared, so untouched directories are skipped by
 * identity and the cost follows the size of the change.
 */
export function diffTrees(lower: DirNode, upper: DirNode): DirNode | undefined {
  if (lower === upper) return undefined;
  const children = new Map<string, TreeNode>();
  for (const [name, node] of upper.children) {
    const below = lower.children.get(name);
    if (below === node) continue;
    if (node.type === 'dir' && below?.type === 'dir') {
      const sub = diffTrees(below, node);
      const metaChanged =
        below.mode !== node.mode || below.uid !== node.uid || below.gid !== node.gid;
      if (sub) children.set(name, sub);
      else if (metaChanged) children.set(name, { ...node, children: new Map() });
    } else if (node.type === 'dir' && below !== undefined) {
      // A file replaced by a directory: the directory is new, nothing below shows through.
      children.set(name, node);
    } else children.set(name, node);
  }
  for (const name of lower.children.keys())
    if (!upper.children.has(name)) children.set(name, WHITEOUT);
  if (children.size === 0) return undefined;
  const { mode, uid, gid, mtime } = upper;
  return { type: 'dir', mode, uid, gid, mtime, children };
}

/** One layer holding what `layers` change over `base` (their merged result minus the base's). */
export function squashLayers(base: readonly Layer[], layers: readonly Layer[]): Layer {
  const lower = MergedView.of(base).root;
  const upper = MergedView.of([...base, ...layers]).root;
  const root = diffTrees(lower, upper) ?? { ...upper, children: new Map() };
  return new Layer(root);
}

/**
 * Squash a built image onto its base (undefined for FROM scratch: every layer merges).
 * @example squashImage(built, baseRecord).history.at(-1)!.comment // 'merge sha256:… to sha256:…'
 */
export function squashImage(image: Image, base: Image | undefined): SquashedImage {
  const baseLayers = base ? image.layers.slice(0, base.layers.length) : [];
  const baseHistory = base ? base.history.length : 0;
  const layer = squashLayers(baseLayers, image.layers.slice(baseLayers.length));
  const layers = [...baseLayers, layer];
  const history: HistoryEntry[] = [
    ...image.history.map((h, i) => (i >= baseHistory ? { ...h, empty_layer: true } : h)),
    {
      created: FIXED_CREATED,
      comment: base ? `merge ${image.id} to ${base.id}` : `create new from ${image.id}`,
    },
  ];
  const configJson = imageConfigJson({
    config: image.config,
    diffIds: layers.map((l) => diffId(l)),
    history,
    created: FIXED_CREATED,
    flavor: 'classic',
    // moby copies the built image's config, parent included, and only swaps rootfs and history.
    ...(image.parent ? { extra: { parent: image.parent } } : {}),
  });
  return {
    id: imageId(configJson),
    configJson,
    layers,
    config: image.config,
    history,
    parent: image.parent,
  };
}
