import { useEffect, useRef, useState } from 'react';
import { strings } from '../strings.ts';
import { openChannel, readPresenterMessage, type PresenterMessage } from './speakerSync.ts';

const t = strings.present;
type State = Extract<PresenterMessage, { type: 'state' }>;

function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The speaker's second window (`?present=speaker`): the current step, the next one, all steps,
 * a clock, and Back/Step buttons that move the presenting window's build.
 */
export function SpeakerView() {
  const [state, setState] = useState<State | undefined>(undefined);
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const channel = useRef<BroadcastChannel | undefined>(undefined);

  useEffect(() => {
    const c = openChannel();
    channel.current = c;
    if (!c) return;
    c.onmessage = (e: MessageEvent) => {
      const m = readPresenterMessage(e.data);
      if (m?.type === 'state') setState(m);
    };
    c.postMessage({ type: 'hello' } satisfies PresenterMessage);
    const id = setInterval(() => setNow(Date.now()), 1000);
    const onKey = (e: KeyboardEvent) => {
      const to =
        e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' '
          ? 'next'
          : e.key === 'ArrowLeft' || e.key === 'PageUp'
            ? 'back'
            : undefined;
      if (!to || (e.target instanceof HTMLElement && e.target.tagName === 'BUTTON')) return;
      e.preventDefault();
      c.postMessage({ type: 'command', to } satisfies PresenterMessage);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(id);
      window.removeEventListener('keydown', onKey);
      c.close();
    };
  }, []);

  const send = (to: 'next' | 'back') =>
    channel.current?.postMessage({ type: 'command', to } satisfies PresenterMessage);
  const current = state?.current === undefined ? undefined : state.steps[state.current];
  const nextIndex = state && state.step > 0 ? (state.current ?? -1) + 1 : 0;
  const next = state?.steps[nextIndex];

  return (
    <main className="speaker" data-testid="speaker">
      <header className="speaker-header">
        <h1>{t.speakerTitle}</h1>
        <p className="speaker-clock">
          {t.speakerElapsed} <strong>{elapsed(now - started)}</strong>
        </p>
      </header>
      {!state || state.build === undefined ? (
        <p className="speaker-waiting" role="status">
          {state ? t.notBuilt : t.speakerWaiting}
        </p>
      ) : (
        <>
          <p className="speaker-where" role="status" data-testid="speaker.where">
            {state.step === 0
              ? t.start(state.steps.length)
              : t.stepOf((state.current ?? 0) + 1, state.steps.length)}
          </p>
          {current && state.step > 0 && <code className="speaker-current">{current.text}</code>}
          <h2>{t.speakerNext}</h2>
          <p className="speaker-next">{next ? <code>{next.text}</code> : t.speakerNoNext}</p>
          <div className="speaker-buttons">
            <button type="button" className="button" onClick={() => send('back')}>
              {t.speakerBack}
            </button>
            <button type="button" className="button button-primary" onClick={() => send('next')}>
              {t.speakerForward}
            </button>
          </div>
          <h2>{t.speakerSteps}</h2>
          <ol className="speaker-steps">
            {state.steps.map((s, i) => (
              <li key={i} className={i === state.current && state.step > 0 ? 'on' : undefined}>
                <code>{s.text}</code>{' '}
                <span className="speaker-phase">
                  {(strings.layers.phase as Record<string, string>)[s.phase] ?? s.phase}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
