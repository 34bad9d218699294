/**
 * The open lesson beside the lab: its prose, step by step, with a predict question and the
 * commands it demonstrates; the goals ticking as the lab meets them; hints on request; the
 * solution and a reset, each confirmed first.
 */
import { useId, useState } from 'react';
import { formatBytes } from '../format.ts';
import { GoalState } from './GoalState.tsx';
import { useLabStore } from '../../store/index.ts';
import { strings } from '../strings.ts';
import { GoalList } from './GoalList.tsx';
import { Markdown } from './Markdown.tsx';
import { MythCard } from './MythCard.tsx';
import { Predict } from './Predict.tsx';
import { usePlayCommands } from './usePlayCommands.ts';
import { StepNav } from './StepNav.tsx';
import './lessons.css';

/** Asks before an action that replaces the learner's work. */
function Confirmed({
  label,
  question,
  confirm,
  disabled,
  onConfirm,
}: {
  label: string;
  question: string;
  confirm: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="lesson-confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <button
        type="button"
        className="button button-primary"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirm}
      </button>{' '}
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {strings.lessons.cancel}
      </button>
    </div>
  );
}

function Hints() {
  const lesson = useLabStore((s) => s.lesson);
  const shown = useLabStore((s) => (s.lesson ? (s.progress[s.lesson.id]?.hints ?? 0) : 0));
  const showHint = useLabStore((s) => s.showHint);
  if (!lesson || lesson.hints.length === 0) return null;
  const more = shown < lesson.hints.length;
  return (
    <div className="lesson-hints">
      {shown > 0 && (
        <ol className="lesson-hint-list" aria-label={strings.lessons.hintsLabel}>
          {lesson.hints.slice(0, shown).map((h, i) => (
            <li key={i}>
              <Markdown source={h} />
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <button type="button" className="button" onClick={showHint}>
          {shown === 0 ? strings.lessons.hint : strings.lessons.moreHint}
        </button>
      ) : (
        <p className="lesson-muted">{strings.lessons.noMoreHints}</p>
      )}
    </div>
  );
}

function Demo({ commands, waiting }: { commands: readonly string[]; waiting: boolean }) {
  const { play, running } = usePlayCommands(commands);
  return (
    <div className="lesson-demo">
      <p className="lesson-demo-label">{strings.lessons.demo}</p>
      <pre className="lesson-code">
        <code>{commands.join('\n')}</code>
      </pre>
      <button
        type="button"
        className="button"
        disabled={running || waiting}
        onClick={() => void play()}
      >
        {strings.lessons.runDemo}
      </button>
      {running && (
        <p className="lesson-muted" role="status">
          {strings.lessons.runningDemo}
        </p>
      )}
      {waiting && <p className="lesson-muted">{strings.lessons.answerFirst}</p>}
    </div>
  );
}

function NextLesson() {
  const lesson = useLabStore((s) => s.lesson);
  const preview = useLabStore((s) => s.lessonPreview);
  const course = useLabStore((s) => s.course);
  const openLesson = useLabStore((s) => s.openLesson);
  if (!lesson || preview || !course) return null;
  const i = course.lessons.findIndex((l) => l.id === lesson.id);
  const next = course.lessons[i + 1];
  if (i < 0 || !next) return null;
  return (
    <button
      type="button"
      className="button button-primary"
      onClick={() => void openLesson(next.id)}
    >
      {strings.lessons.nextLesson(next.title)}
    </button>
  );
}

/** A preview loaded from a URL is shared by its address (`?lessonUrl=`): copy it. */
function CopyPreviewLink() {
  const [said, setSaid] = useState('');
  return (
    <p className="lesson-note">
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.clipboard.writeText(window.location.href).then(
            () => setSaid(strings.lessons.copied),
            () => setSaid(strings.lessons.copyFailed),
          );
        }}
      >
        {strings.lessons.copyLink}
      </button>{' '}
      <span role="status">{said}</span>
    </p>
  );
}

/** The lesson column; renders nothing while no lesson is open. */
export function LessonPane() {
  const lesson = useLabStore((s) => s.lesson);
  const preview = useLabStore((s) => s.lessonPreview);
  const stepIndex = useLabStore((s) => s.lessonStep);
  const status = useLabStore((s) => s.lessonStatus);
  const results = useLabStore((s) => s.goalResults);
  const wereMet = useLabStore((s) => s.goalsWereMet);
  const golf = useLabStore((s) => s.golf);
  const par = useLabStore((s) => s.par);
  const answers = useLabStore((s) => (s.lesson ? s.progress[s.lesson.id]?.answers : undefined));
  const course = useLabStore((s) => s.course);
  const answerPredict = useLabStore((s) => s.answerPredict);
  const showSolution = useLabStore((s) => s.showSolution);
  const resetLesson = useLabStore((s) => s.resetLesson);
  const closeLesson = useLabStore((s) => s.closeLesson);
  const titleId = useId();
  if (!lesson) return null;
  const step = lesson.steps[stepIndex];
  const number = course ? course.lessons.findIndex((l) => l.id === lesson.id) + 1 : 0;
  const allMet = results !== undefined && results.length > 0 && results.every((r) => r.met);
  const busy = status.kind === 'starting' || status.kind === 'solving';
  return (
    <section
      className="lesson-pane"
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="lesson.pane"
    >
      <header className="lesson-header">
        <p className="lesson-kicker">
          {preview
            ? strings.lessons.preview
            : number > 0
              ? strings.lessons.lessonNumber(number)
              : ''}
        </p>
        <h2 id={titleId} className="lesson-title">
          {lesson.title}
        </h2>
        <button
          type="button"
          className="lesson-close"
          aria-label={strings.lessons.closeLesson}
          onClick={closeLesson}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="lesson-scroll">
        {preview && <p className="lesson-note">{strings.lessons.previewNote}</p>}
        {preview && /^https:\/\//.test(lesson.file) && <CopyPreviewLink />}
        {status.kind === 'starting' && (
          <p className="lesson-note" role="status">
            {strings.lessons.starting}
          </p>
        )}
        {status.kind === 'solving' && (
          <p className="lesson-note" role="status">
            {strings.lessons.solving}
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="lesson-error" role="alert">
            {status.message}
          </p>
        )}
        {stepIndex === 0 && lesson.intro.trim() && <Markdown source={lesson.intro} />}
        {step && (
          <div className="lesson-step">
            <h3 className="lesson-step-title">{step.title}</h3>
            <Markdown source={step.text} />
            {step.predict && (
              <Predict
                key={`${lesson.id}:${stepIndex}`}
                question={step.predict}
                answered={answers?.[String(stepIndex)]}
                onAnswer={(c) => answerPredict(stepIndex, c)}
              />
            )}
            {step.reveal &&
              (answers?.[String(stepIndex)] !== undefined ? (
                <Markdown source={step.reveal} />
              ) : (
                <p className="lesson-muted">{strings.lessons.revealLater}</p>
              ))}
            {step.myth && <MythCard myth={step.myth} />}
            {step.demo && (
              <Demo
                commands={step.demo.commands}
                // With a question on the step, the answer comes before the build reveals it.
                waiting={step.predict !== undefined && answers?.[String(stepIndex)] === undefined}
              />
            )}
          </div>
        )}
        <StepNav />
        <section className="lesson-section" aria-label={strings.lessons.goals}>
          <h3 className="lesson-section-title">{strings.lessons.goals}</h3>
          <GoalList
            lessonId={lesson.id}
            lessonTitle={lesson.title}
            goals={lesson.goals}
            results={results}
            wereMet={wereMet}
            answered={(step) => answers?.[String(step)] !== undefined}
          />
          {allMet && (
            <p className="lesson-done">
              <span aria-hidden="true">✓ </span>
              {strings.lessons.allMet}
            </p>
          )}
          {golf && (
            <p className="lesson-golf">
              {strings.lessons.golf(golf.score, formatBytes(golf.bytes), formatBytes(golf.par))}
            </p>
          )}
          {allMet && <NextLesson />}
        </section>
        {par && <GoalState par={par} />}
        <Hints />
        <div className="lesson-actions">
          <Confirmed
            label={strings.lessons.showSolution}
            question={strings.lessons.confirmSolution}
            confirm={strings.lessons.applySolution}
            disabled={busy}
            onConfirm={() => void showSolution()}
          />
          <Confirmed
            label={strings.lessons.reset}
            question={strings.lessons.confirmReset}
            confirm={strings.lessons.resetNow}
            disabled={busy}
            onConfirm={() => void resetLesson()}
          />
        </div>
      </div>
    </section>
  );
}
