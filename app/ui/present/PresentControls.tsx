import { useEffect, useRef, type ReactNode } from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { formatBytes } from '../format.ts';
import { shownLayerSize } from '../lab/layerSize.ts';
import { useProgress, useViewedStep } from '../lab/useProgress.ts';
import { strings } from '../strings.ts';
import { setPresent, usePresent } from './mode.ts';
import { openChannel, presenterState, readPresenterMessage } from './speakerSync.ts';

const t = strings.present;

/** While presenting: tells speaker views where the build stands and takes their Step/Back. */
function useSpeakerSync(active: boolean) {
  const store = useLabStoreApi();
  useEffect(() => {
    if (!active) return;
    const channel = openChannel();
    if (!channel) return;
    let last = '';
    const send = (force = false) => {
      const msg = presenterState(store.getState());
      const text = JSON.stringify(msg);
      if (!force && text === last) return;
      last = text;
      channel.postMessage(msg);
    };
    channel.onmessage = (e: MessageEvent) => {
      const m = readPresenterMessage(e.data);
      if (m?.type === 'hello') send(true);
      else if (m?.type === 'command') {
        const s = store.getState();
        (m.to === 'next' ? s.stepForward : s.stepBack)();
      }
    };
    send(true);
    const unsubscribe = store.subscribe(() => send());
    return () => {
      unsubscribe();
      channel.close();
    };
  }, [active, store]);
}

/** The current step, large: what the class should look at now. */
function Spotlight() {
  const progress = useProgress();
  const imageStore = useLabStore((s) => s.imageStore);
  const viewed = useViewedStep(progress);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus here, not on a button: the arrow keys and PageUp/PageDown then step the build.
    ref.current?.focus({ preventScroll: true });
  }, []);
  let body: ReactNode;
  if (!progress) {
    body = <span className="spotlight-hint">{t.notBuilt}</span>;
  } else {
    // The step the panels show: the one playing, or, right after a build, where it rests.
    const step = viewed === undefined ? undefined : progress.steps[viewed];
    if (!step || progress.cursor === 0) {
      body = <span className="spotlight-hint">{t.start(progress.steps.length)}</span>;
    } else {
      const size = step.layer ? formatBytes(shownLayerSize(step.layer, imageStore)) : undefined;
      body = (
        <>
          <span className="spotlight-where">
            {t.stepOf(step.info.index + 1, progress.steps.length)}
          </span>
          <code className="spotlight-text" title={step.info.text}>
            {step.info.text}
          </code>
          <span className={`spotlight-phase phase-${step.phase}`}>
            {strings.layers.phase[step.phase]}
            {size !== undefined && ` · ${size}`}
          </span>
        </>
      );
    }
  }
  return (
    <div
      ref={ref}
      className="spotlight"
      tabIndex={-1}
      role="status"
      aria-label={t.spotlightLabel}
      data-testid="present.spotlight"
    >
      {body}
    </div>
  );
}

function openSpeakerView() {
  const url = new URL(window.location.href);
  url.hash = '';
  url.searchParams.set('present', 'speaker');
  window.open(url.toString(), 'layerlab-speaker', 'popup,width=900,height=700');
}

/** Header buttons: Present toggle; while presenting, the editor toggle and the speaker view. */
export function PresentButtons() {
  const { on, editor } = usePresent();
  useSpeakerSync(on);
  return (
    <div className="present-controls" role="group" aria-label={t.toggleOn}>
      <button
        type="button"
        className={on ? 'button button-primary' : 'button'}
        aria-pressed={on}
        onClick={() => setPresent({ on: !on })}
        data-testid="present.toggle"
      >
        {on ? t.toggleOff : t.toggleOn}
      </button>
      {on && (
        <>
          <button
            type="button"
            className="button"
            aria-pressed={editor}
            onClick={() => setPresent({ editor: !editor })}
            data-testid="present.editor"
          >
            {editor ? t.editorHide : t.editorShow}
          </button>
          <button type="button" className="button" onClick={openSpeakerView}>
            {t.speaker}
          </button>
        </>
      )}
    </div>
  );
}

/** The spotlight under the header, while presenting. */
export function PresentSpotlight() {
  const { on } = usePresent();
  return on ? <Spotlight /> : null;
}
