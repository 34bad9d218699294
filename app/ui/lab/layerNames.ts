/**
 * One numbering for the whole lab: a layer is named by the build step that made it ("step 4",
 * the same number as "Step 4 of 7" in the timeline, the cache panel and the layer list), and
 * the layers a FROM brings are "base" layers ("base 2 of 5"). Pure.
 */
import type { ImageView } from '../../engine/session/types.ts';
import type { StepProgress } from '../../store/index.ts';
import { strings } from '../strings.ts';

export interface LayerName {
  /** For a badge beside a file: "step 4", "base". */
  badge: string;
  /** For a list of layers: "Step 4", "Base 2 of 5". */
  title: string;
}

export type LayerNamer = (index: number) => LayerName;

/**
 * Names for an image's layers, from the steps of the build that made it (their `layerIndex`).
 *
 * @example
 * const name = layerNames(image, steps);
 * name(0); // { badge: 'base', title: 'Base 1 of 1' }
 * name(1); // { badge: 'step 2', title: 'Step 2' }
 */
export function layerNames(
  image: ImageView,
  steps: readonly StepProgress[] | undefined,
): LayerNamer {
  const t = strings.layerNames;
  const stepOf = new Map<number, number>();
  for (const s of steps ?? [])
    if (s.layerIndex !== undefined && s.info.kind !== 'base')
      stepOf.set(s.layerIndex, s.info.index + 1);
  const bases = image.layers.filter((l) => l.fromBase).length;
  return (index) => {
    const layer = image.layers[index];
    const step = stepOf.get(index);
    if (step !== undefined) return { badge: t.stepBadge(step), title: t.stepTitle(step) };
    if (layer?.fromBase) return { badge: t.baseBadge, title: t.baseTitle(index + 1, bases) };
    // A layer no step of this build names (an image from elsewhere): its place in the image.
    return { badge: t.layerBadge(index + 1), title: t.layerTitle(index + 1) };
  };
}
