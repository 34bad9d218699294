/** The builder's start and goal sections: capture the lab, edit the commands, pick goals. */
import { useId, useState } from 'react';
import { changedFiles, sameCheck, useLabStore } from '../../../store/index.ts';
import { strings } from '../../strings.ts';

const t = strings.builder;

function Section({
  title,
  help,
  children,
}: {
  title: string;
  help: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section className="builder-section" aria-labelledby={id}>
      <h3 id={id} className="lesson-section-title">
        {title}
      </h3>
      <p className="lesson-muted">{help}</p>
      {children}
    </section>
  );
}

function Commands({ which, label }: { which: 'start' | 'goal'; label: string }) {
  const value = useLabStore((s) => s.builderDraft[which]?.commands ?? '');
  const editCommands = useLabStore((s) => s.editCommands);
  const id = useId();
  return (
    <div className="lesson-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="builder-code"
        rows={Math.min(8, Math.max(2, value.split('\n').length + 1))}
        spellCheck={false}
        value={value}
        onChange={(e) => editCommands(which, e.target.value)}
      />
    </div>
  );
}

/** A daemon setting of the lesson format the lab has no other switch for. */
function Experimental() {
  const on = useLabStore((s) => s.builderDraft.experimental ?? false);
  const setOn = useLabStore((s) => s.setDraftExperimental);
  return (
    <p>
      <label className="builder-candidate">
        <input type="checkbox" checked={on} onChange={(e) => void setOn(e.target.checked)} />{' '}
        {t.experimentalLabel}
      </label>
    </p>
  );
}

export function StartSection() {
  const start = useLabStore((s) => s.builderDraft.start);
  const captureStart = useLabStore((s) => s.captureStart);
  return (
    <Section title={t.startTitle} help={t.startHelp}>
      <Experimental />
      <p>
        <button type="button" className="button" onClick={captureStart}>
          {start ? t.recaptureStart : t.captureStart}
        </button>
      </p>
      {start && (
        <>
          <p className="builder-captured" data-testid="builder.start">
            {t.captured(
              start.dockerfile.split('\n').filter((l) => l.trim()).length,
              start.files.length,
              start.store,
              `-t ${start.build.tag}${start.build.builder === 'classic' ? ', legacy builder' : ''}`,
            )}
            {start.experimental && <> · {t.experimental}</>}
          </p>
          <Commands which="start" label={t.startCommands} />
        </>
      )}
    </Section>
  );
}

function GoalPicker() {
  const goal = useLabStore((s) => s.builderDraft.goal);
  const picked = useLabStore((s) => s.builderDraft.goals);
  const toggleGoal = useLabStore((s) => s.toggleGoal);
  const setGoalText = useLabStore((s) => s.setGoalText);
  const legend = useId();
  if (!goal) return null;
  if (goal.candidates.length === 0) return <p className="lesson-muted">{t.noCandidates}</p>;
  return (
    <fieldset className="builder-goals" aria-describedby={legend}>
      <legend>{t.goalsTitle}</legend>
      <p id={legend} className="lesson-muted">
        {t.goalsHelp}
      </p>
      <ul>
        {goal.candidates.map((c, i) => {
          const at = picked.findIndex((g) => sameCheck(g.check, c));
          const text = t.goalText(c);
          return (
            <li key={i}>
              <label className="builder-candidate">
                <input type="checkbox" checked={at >= 0} onChange={() => toggleGoal(c, text)} />{' '}
                {text} <code className="builder-check-name">{c.name}</code>
              </label>
              {at >= 0 && (
                <input
                  type="text"
                  className="builder-goal-text"
                  aria-label={t.goalTextLabel(at + 1)}
                  value={picked[at]!.text}
                  onChange={(e) => setGoalText(at, e.target.value)}
                />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function GoalSection() {
  const start = useLabStore((s) => s.builderDraft.start);
  const goal = useLabStore((s) => s.builderDraft.goal);
  const captureGoal = useLabStore((s) => s.captureGoal);
  const [busy, setBusy] = useState(false);
  const changed = goal && start ? changedFiles(start.files, goal.files).length : 0;
  return (
    <Section title={t.goalTitle} help={t.goalHelp}>
      <p>
        <button
          type="button"
          className="button"
          disabled={!start || busy}
          aria-busy={busy}
          onClick={() => {
            setBusy(true);
            void captureGoal().finally(() => setBusy(false));
          }}
        >
          {goal ? t.recaptureGoal : t.captureGoal}
        </button>{' '}
        {busy && <span role="status">{t.capturing}</span>}
      </p>
      {goal && start && (
        <>
          <p className="builder-captured" data-testid="builder.goal">
            {t.solutionEdits(goal.dockerfile !== start.dockerfile, changed)}
          </p>
          <Commands which="goal" label={t.solutionCommands} />
          <GoalPicker />
        </>
      )}
    </Section>
  );
}
