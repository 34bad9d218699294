import { m } from 'motion/react';
import { memo, useEffect, useRef, useState } from 'react';
import type { BuilderKind } from '../../engine/build/events.ts';
import type { ImageView, LayerView } from '../../engine/session/types.ts';
import { useLabStore, type StepPhase, type StepProgress } from '../../store/index.ts';
import { useEditorBridge } from '../editor/bridge.ts';
import { formatBytes, shortId } from '../format.ts';
import { InstructionList } from '../InstructionList.tsx';
import { strings } from '../strings.ts';
import { isFirstVisit, markVisited } from './firstVisit.ts';
import { filesBytesIfDifferent, shownLayerSize } from './layerSize.ts';
import { StepFailure } from './StepFailure.tsx';
import { useRestingFocus } from './useRestingFocus.ts';
import { usePanelImage, useProgress, useShownBuild, useViewedStep } from './useProgress.ts';
import { ImageLayers } from './ImageLayers.tsx';
import './layers.css';

const t = strings.layers;

export const PHASE_GLYPH: Record<StepPhase, string> = {
  pending: '○',
  running: '◌',
  base: '▤',
  cached: '✓',
  built: '●',
  metadata: '◇',
  skipped: '–',
  failed: '✕',
  canceled: '⊘',
};

/** The step's outcome in a glyph and a word; "not run" for a step a failure stopped. */
function PhaseLabel({ step, phase, over }: { step: number; phase: StepPhase; over: boolean }) {
  const notRun = over && phase === 'pending';
  return (
    <span className="layer-outcome">
      <span className="layer-step" data-testid="layers.step">
        <span className="visually-hidden">{t.stepWord} </span>
        {step + 1}
      </span>{' '}
      <span aria-hidden="true">{notRun ? PHASE_GLYPH.skipped : PHASE_GLYPH[phase]} </span>
      {notRun ? t.notRun : t.phase[phase]}
    </span>
  );
}

interface ItemProps {
  step: StepProgress;
  /** The build is over: a step still pending never ran (a step before it failed). */
  over: boolean;
  /** The step the panels look at (chosen, playing, or where the view rests). */
  viewed: boolean;
  builder: BuilderKind | undefined;
  layer: LayerView | undefined;
  selected: boolean;
  onSelect: (index: number) => void;
  onLine: ((line: number) => void) | undefined;
  /** What the stage starts FROM, for a step that is one of its ONBUILD triggers. */
  baseName?: string | undefined;
}

const StepItem = memo(function StepItem({
  step,
  over,
  viewed,
  builder,
  layer,
  selected,
  onSelect,
  onLine,
  baseName,
}: ItemProps) {
  const { info, phase, cache } = step;
  const miss = cache && !cache.hit ? cache.reason : undefined;
  const cascade = miss?.kind === 'parent-rebuilt';
  const done = phase !== 'pending' && phase !== 'running';
  const store = useLabStore((s) => s.imageStore);
  const sized = layer ?? step.layer;
  const size =
    info.kind === 'metadata' || phase === 'metadata'
      ? t.noLayer
      : sized
        ? formatBytes(shownLayerSize(sized, store))
        : '';
  const files = sized && size !== t.noLayer ? filesBytesIfDifferent([sized], store) : undefined;
  return (
    <m.li
      className={`layer-item phase-${phase}${viewed ? ' selected' : ''}${cascade ? ' cascade' : ''}`}
      initial={false}
      // Steps not yet played are quiet through colour and a dashed border (lab.css), never
      // through opacity, which would take their text below readable contrast.
      animate={phase === 'built' ? { scale: [1, 1.02, 1] } : { scale: 1 }}
      transition={{ duration: 0.35 }}
      data-testid="layers.item"
      data-phase={phase}
      data-step={info.index}
      aria-current={viewed ? 'step' : undefined}
    >
      <button
        type="button"
        className="layer-main"
        onClick={() => onSelect(info.index)}
        aria-pressed={selected}
      >
        <PhaseLabel step={info.index} phase={phase} over={over} />
        <span className="layer-text">
          {info.onbuild && <span className="onbuild-badge">{strings.onbuild.badge}</span>}
          <span className="instruction-keyword">{info.keyword}</span>{' '}
          {info.text.slice(info.keyword.length).trim()}
        </span>
        <span
          className="layer-size"
          title={files === undefined ? undefined : t.diskBlocksTitle(formatBytes(files))}
        >
          {size}
        </span>
        {info.onbuild && baseName && (
          <span className="layer-why" data-testid="layers.onbuild">
            {strings.onbuild.why(baseName)}
          </span>
        )}
        {done && miss && miss.kind !== 'first-build' && (
          <span className="layer-why">{cascade ? t.cascade : miss.text}</span>
        )}
        {done && step.skippedBecause && <span className="layer-why">{step.skippedBecause}</span>}
        {done && phase === 'canceled' && <span className="layer-why">{t.canceledWhy}</span>}
        {layer && layer.sharedWith.length > 0 && (
          <span className="layer-shared">{t.sharedWith(layer.sharedWith)}</span>
        )}
      </button>
      {onLine && (
        <button
          type="button"
          className="layer-line"
          onClick={() => onLine(info.range.start.line)}
          title={strings.instructions.goToLine(info.range.start.line)}
        >
          {t.line(info.range.start.line)}
        </button>
      )}
      {step.error && <StepFailure error={step.error} output={step.output} builder={builder} />}
    </m.li>
  );
});

/** The image or stage a FROM line names (`FROM --platform=x t AS b` is `t`). */
function fromName(fromText: string): string {
  const words = fromText.split(/\s+/).slice(1);
  return words.find((w) => !w.startsWith('--')) ?? '';
}

function BaseGroup({
  step,
  over,
  builder,
  image,
  onLine,
  triggers,
}: {
  step: StepProgress;
  over: boolean;
  builder: BuilderKind | undefined;
  image: ImageView | undefined;
  onLine: ((line: number) => void) | undefined;
  /** How many ONBUILD triggers of the base ran after this FROM. */
  triggers: number;
}) {
  const [open, setOpen] = useState(false);
  const store = useLabStore((s) => s.imageStore);
  const base = image?.layers.filter((l) => l.fromBase) ?? [];
  const local = useLocalBase(step.info.text);
  const showImage = useLabStore((s) => s.showImage);
  const size = base.reduce((n, l) => n + shownLayerSize(l, store), 0);
  const shown = step.phase !== 'pending';
  return (
    <li
      className={`layer-item layer-base phase-${step.phase}`}
      data-testid="layers.base"
      data-phase={step.phase}
      data-step={step.info.index}
    >
      <button
        type="button"
        className="layer-main"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={!shown || base.length === 0}
      >
        <PhaseLabel step={step.info.index} phase={step.phase} over={over} />
        <span className="layer-text">
          <span className="instruction-keyword">FROM</span> {step.info.text.slice(4).trim()}
        </span>
        <span className="layer-size">
          {shown && base.length > 0 ? t.baseSummary(base.length, formatBytes(size)) : ''}
        </span>
      </button>
      {onLine && (
        <button
          type="button"
          className="layer-line"
          onClick={() => onLine(step.info.range.start.line)}
          title={strings.instructions.goToLine(step.info.range.start.line)}
        >
          {t.line(step.info.range.start.line)}
        </button>
      )}
      {step.error && <StepFailure error={step.error} output={step.output} builder={builder} />}
      {!step.error && step.output.trim() !== '' && (
        // A moving tag (`python`, `node:lts`): which version this lab used, as the build said.
        <p className="base-note" data-testid="layers.base-note">
          {step.output.trim()}
        </p>
      )}
      {open && local && (
        <button
          type="button"
          className="button base-show"
          data-testid="layers.base-show"
          onClick={() => void showImage(local)}
        >
          {strings.imageLayers.showBase(local)}
        </button>
      )}
      {shown && triggers > 0 && (
        <p className="base-note" data-testid="layers.base-triggers">
          {strings.onbuild.ran(triggers, fromName(step.info.text))}
        </p>
      )}
      {open && (
        <ol className="base-layers">
          {base.map((l) => (
            <li key={l.index}>
              <span className="base-layer-cmd">{l.createdBy || t.unknownHistory}</span>
              <span className="layer-size">{formatBytes(shownLayerSize(l, store))}</span>
              {l.sharedWith.length > 0 && (
                <span className="layer-shared">{t.sharedWith(l.sharedWith)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/**
 * The image a `FROM` line names when it is a local image (loaded, pulled, built), so its
 * whole history can be shown; undefined for one the build took from the catalog only.
 */
function useLocalBase(fromText: string): string | undefined {
  const images = useLabStore((s) => s.engineView.images);
  const ref = fromName(fromText);
  if (!ref) return undefined;
  const names = [ref, `${ref}:latest`, ref.replace(/^docker\.io\/(library\/)?/, '')];
  return images.some((i) => i.names.some((n) => names.includes(n))) ? ref : undefined;
}

/**
 * The image's layers as a stack, top first and the base at the bottom: one item per
 * instruction with its cache outcome (glyph and word), size, and why it was rebuilt.
 * Before the first build it lists the instructions that will become layers.
 */
export function LayerStack() {
  const build = useShownBuild();
  const progress = useProgress();
  const selected = useLabStore((s) => s.selectedStep);
  const select = useLabStore((s) => s.selectStep);
  const bridge = useEditorBridge();
  const root = useRef<HTMLDivElement>(null);
  const openCourse = useLabStore((s) => s.setCourseOpen);
  const imageStore = useLabStore((s) => s.imageStore);
  // Read once: the hint stays for this visit's first build, and not after.
  const [firstVisit] = useState(isFirstVisit);
  const built = build !== undefined;
  useEffect(() => {
    if (built) markVisited();
  }, [built]);
  // Without a Dockerfile on screen (an embed of the layers alone) there is no line to go to.
  const lineLinks = bridge.hasEditor ? bridge.revealLine : undefined;
  useRestingFocus(root, build, progress);
  const viewed = useViewedStep(progress);
  const { picked } = usePanelImage();
  if (picked) return <ImageLayers picked={picked} />;
  if (!build || !progress) {
    return (
      <div className="layers-empty">
        {firstVisit ? (
          <div className="first-visit" role="note" data-testid="layers.welcome">
            <p className="first-visit-title">{t.welcomeTitle}</p>
            <p>{t.welcome}</p>
            <button type="button" className="button" onClick={() => openCourse(true)}>
              {t.welcomeCourse}
            </button>
          </div>
        ) : (
          <p className="hint">{t.notBuilt}</p>
        )}
        <InstructionList />
      </div>
    );
  }
  const image = build.view.image;
  const start = build.view.events.find((e) => e.type === 'build-start');
  const builder = start?.type === 'build-start' ? start.builder : build.builder;
  const steps = progress.steps;
  const finalStage = steps[steps.length - 1]?.info.stage ?? 0;
  const stack = steps.filter((s) => s.info.stage === finalStage);
  const others = steps.filter((s) => s.info.stage !== finalStage);
  const base = stack.find((s) => s.info.kind === 'base');
  const above = stack.filter((s) => s !== base).reverse();
  const total = image
    ? image.layers.reduce((n, l) => n + shownLayerSize(l, imageStore), 0)
    : undefined;
  const filesBytes = image && filesBytesIfDifferent(image.layers, imageStore);
  return (
    <div className="layers" ref={root} tabIndex={-1} data-testid="layers.list">
      {progress.error && (
        <p className="layer-error-banner" role="alert">
          <span aria-hidden="true">✕ </span>
          {progress.error.message}
        </p>
      )}
      <ol className="layer-stack" aria-label={t.stackLabel}>
        {above.map((s) => (
          <StepItem
            key={s.info.index}
            step={s}
            over={progress.done}
            viewed={viewed === s.info.index}
            builder={builder}
            layer={s.layerIndex !== undefined ? image?.layers[s.layerIndex] : undefined}
            selected={selected === s.info.index}
            onSelect={select}
            onLine={lineLinks}
            baseName={s.info.onbuild && base ? fromName(base.info.text) : undefined}
          />
        ))}
        {base && (
          <BaseGroup
            step={base}
            over={progress.done}
            builder={builder}
            image={image}
            onLine={lineLinks}
            triggers={stack.filter((s) => s.info.onbuild).length}
          />
        )}
      </ol>
      {progress.done && image && total !== undefined && (
        <p className="layer-total" data-testid="layers.total">
          {t.total(image.names[0] ?? shortId(image.id), formatBytes(total), image.layers.length)}
        </p>
      )}
      {progress.done && filesBytes !== undefined && (
        <p className="hint" data-testid="layers.size-note">
          {t.diskBlocksNote(formatBytes(filesBytes))}
        </p>
      )}
      {others.length > 0 && (
        <details
          className="other-stages"
          open={others.some((s) => s.info.index === viewed) || undefined}
        >
          <summary>{t.otherStages(others.length)}</summary>
          <ol className="layer-stack">
            {others.map((s) => (
              <StepItem
                key={s.info.index}
                step={s}
                over={progress.done}
                viewed={viewed === s.info.index}
                builder={builder}
                layer={undefined}
                selected={selected === s.info.index}
                onSelect={select}
                onLine={lineLinks}
              />
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
