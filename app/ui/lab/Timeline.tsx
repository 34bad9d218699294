import { useEffect, useId } from 'react';
import { stepAnnouncement, useLabStore, useLabStoreApi, viewedStep } from '../../store/index.ts';
import { LiveRegion } from '../LiveRegion.tsx';
import { strings } from '../strings.ts';
import { StaleNote } from './StaleNote.tsx';
import { usePlayback } from './usePlayback.ts';
import { useProgress } from './useProgress.ts';

const t = strings.timeline;
const SPEEDS = [0.5, 1, 2, 4, 8];

/** Keys that step a build when focus is not in something that takes them itself. */
function takesKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName) ||
    target.closest('.cm-editor, .xterm, [role="tree"], [role="listbox"]') !== null
  );
}

/** Step, Back, Play/Pause, Rewind, speed, a scrubber over the build's events, and past builds. */
export function Timeline() {
  usePlayback();
  const store = useLabStoreApi();
  const builds = useLabStore((s) => s.builds);
  const shownBuild = useLabStore((s) => s.shownBuild);
  const playing = useLabStore((s) => s.playing);
  const speed = useLabStore((s) => s.speed);
  const progress = useProgress();
  const resting = useLabStore((s) => s.resting);
  const ids = { builds: useId(), speed: useId(), scrub: useId() };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || takesKeys(e.target)) return;
      const s = store.getState();
      if (e.key === 'ArrowRight' || e.key === 'PageDown') s.stepForward();
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') s.stepBack();
      else if (e.key === ' ') (s.playing ? s.pause : s.play)();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const none = progress === undefined;
  const atEnd = progress !== undefined && progress.cursor >= progress.total;
  const atStart = progress !== undefined && progress.cursor === 0;
  const s = store.getState();
  // The step the panels look at, as the presenter's banner says it: right after a build, the
  // one the view rests on (progress.ts restingStep), else the one the cursor has reached.
  const shown = progress && viewedStep(progress, { selected: undefined, resting });
  const stepNumber = shown === undefined ? 0 : (progress?.steps[shown]?.info.index ?? 0) + 1;
  return (
    <div className="timeline" role="group" aria-label={t.controls}>
      <div className="timeline-row">
        {builds.length > 0 && (
          <label className="field" htmlFor={ids.builds}>
            <span className="visually-hidden">{t.whichBuild}</span>
            <select
              id={ids.builds}
              value={shownBuild ?? ''}
              onChange={(e) => s.showBuild(Number(e.target.value))}
              data-testid="timeline.builds"
            >
              {builds.map((b, i) => (
                <option key={b.number} value={i}>
                  {t.buildName(b.number, b.view.ok, b.origin)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button" onClick={s.stepBack} disabled={none || atStart}>
          <span aria-hidden="true">◂ </span>
          {t.back}
        </button>
        {playing ? (
          <button type="button" className="button" onClick={s.pause} disabled={none}>
            <span aria-hidden="true">❚❚ </span>
            {t.pause}
          </button>
        ) : (
          <button type="button" className="button" onClick={s.play} disabled={none}>
            <span aria-hidden="true">▶ </span>
            {atEnd ? t.replay : t.play}
          </button>
        )}
        <button type="button" className="button" onClick={s.stepForward} disabled={none || atEnd}>
          {t.step}
          <span aria-hidden="true"> ▸</span>
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            s.pause();
            s.seek(0);
          }}
          disabled={none || atStart}
        >
          {t.rewind}
        </button>
        <label className="field" htmlFor={ids.speed}>
          <span>{t.speed}</span>
          <select id={ids.speed} value={speed} onChange={(e) => s.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {t.speedName(v)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {progress && (
        <div className="timeline-row">
          <label className="scrubber" htmlFor={ids.scrub}>
            <span className="timeline-where" data-testid="timeline.where">
              {t.where(stepNumber, progress.steps.length)}
            </span>
            <input
              id={ids.scrub}
              type="range"
              min={0}
              max={progress.total}
              value={progress.cursor}
              onChange={(e) => {
                s.pause();
                s.seek(Number(e.target.value));
              }}
              aria-label={t.scrubber}
              aria-valuetext={t.where(stepNumber, progress.steps.length)}
            />
          </label>
        </div>
      )}
      <StaleNote />
      <LiveRegion message={progress ? stepAnnouncement(progress) : ''} />
    </div>
  );
}
