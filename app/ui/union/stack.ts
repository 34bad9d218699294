/**
 * The slabs of the union picture at a playback position: the image's layers that have been
 * played (base at the bottom), metadata-only steps as markers between them, and a container's
 * writable layer on top once the build is done. Pure: from the build's views and progress.
 */
import type { ImageView } from '../../engine/session/types.ts';
import type { BuildProgress, StepProgress } from '../../store/index.ts';

export interface StackSlab {
  /** Index in the union map: image layers from 0, the writable layer after them. */
  layer: number;
  kind: 'base' | 'own' | 'container';
  /** The instruction that made it (`COPY . .`), the FROM line for a base layer, or the container. */
  title: string;
  /** A base layer's history line; a container's state. */
  detail: string;
  phase: 'base' | 'built' | 'cached' | 'container';
  size: number;
  /** The build step, for choosing it in the other panels. */
  step: number | undefined;
}

export interface StackMarker {
  /** The image layer right below the marker (-1: below every layer). */
  above: number;
  step: number;
  text: string;
}

export interface Stack {
  /** Bottom first. */
  slabs: StackSlab[];
  markers: StackMarker[];
  /** The highest image layer shown, -1 when none is. */
  top: number;
  /** The container's writable layer's index, when it is shown. */
  upper: number | undefined;
  /** Bytes of the image layers shown: what a pull downloads (a later rm never lowers it). */
  imageBytes: number;
}

const played = (s: StepProgress) => s.phase !== 'pending' && s.phase !== 'running';

/** `RUN /bin/sh -c apt-get …` as the history line has it, shortened to what was run. */
function historyText(createdBy: string): string {
  return createdBy
    .replace(/^\/bin\/sh -c (#\(nop\) )?/, '')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/\s+# buildkit$/, '')
    .trim();
}

/**
 * The stack as far as `progress` has played: base layers once FROM has run, each built or
 * cached step's layer, metadata steps as markers; all layers and the container once done.
 *
 * @example
 * stackAt(image, buildProgress(view, view.events.length), { name: 'web', state: 'running', size: 3 });
 */
export function stackAt(
  image: ImageView,
  progress: BuildProgress,
  container?: { name: string; state: string; size: number },
): Stack {
  const steps = progress.steps;
  const finalStage = steps[steps.length - 1]?.info.stage ?? 0;
  const own = steps.filter((s) => s.info.stage === finalStage);
  const base = own.find((s) => s.info.kind === 'base');
  const baseLayers = image.layers.filter((l) => l.fromBase);
  const slabs = new Map<number, StackSlab>();
  const markers: StackMarker[] = [];
  let top = -1;
  if (base && played(base)) {
    const from = base.info.text;
    baseLayers.forEach((l, i) => {
      slabs.set(l.index, {
        layer: l.index,
        kind: 'base',
        title: from,
        detail: `${i + 1}/${baseLayers.length} ${historyText(l.createdBy)}`.trim(),
        phase: 'base',
        size: l.size,
        step: base.info.index,
      });
      top = Math.max(top, l.index);
    });
  }
  for (const s of own) {
    if (s === base || !played(s)) continue;
    const layer = s.layerIndex !== undefined ? image.layers[s.layerIndex] : undefined;
    if ((s.phase === 'built' || s.phase === 'cached') && layer && !layer.fromBase) {
      slabs.set(layer.index, {
        layer: layer.index,
        kind: 'own',
        title: s.info.text,
        detail: '',
        phase: s.phase,
        size: layer.size,
        step: s.info.index,
      });
      top = Math.max(top, layer.index);
    } else if (s.phase === 'metadata' || s.info.kind === 'metadata') {
      markers.push({ above: top, step: s.info.index, text: s.info.text });
    }
  }
  if (progress.done) {
    // Every layer of the image, even one no step claimed (a base of unknown history).
    for (const l of image.layers) {
      if (slabs.has(l.index)) continue;
      slabs.set(l.index, {
        layer: l.index,
        kind: l.fromBase ? 'base' : 'own',
        title: historyText(l.createdBy),
        detail: '',
        phase: l.fromBase ? 'base' : 'built',
        size: l.size,
        step: undefined,
      });
    }
    top = image.layers.length - 1;
  }
  const list = [...slabs.values()].sort((a, b) => a.layer - b.layer);
  const imageBytes = list.reduce((n, s) => n + s.size, 0);
  let upper: number | undefined;
  if (container && progress.done && progress.ok) {
    upper = image.layers.length;
    list.push({
      layer: upper,
      kind: 'container',
      title: container.name,
      detail: container.state,
      phase: 'container',
      size: container.size,
      step: undefined,
    });
  }
  return { slabs: list, markers, top, upper, imageBytes };
}
