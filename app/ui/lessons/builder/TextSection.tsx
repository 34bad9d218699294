/** The builder's text: id, title, summary, the Markdown with a live preview, and the hints. */
import { useEffect, useId, useState } from 'react';
import type { LessonStep } from '../../../engine/lessons/types.ts';
import { useLabStore } from '../../../store/index.ts';
import { strings } from '../../strings.ts';
import { Markdown } from '../Markdown.tsx';

const t = strings.builder;

type Field = 'id' | 'title' | 'summary' | 'text' | 'hints';

function Input({ field, label, area }: { field: Field; label: string; area?: number }) {
  const value = useLabStore((s) => s.builderDraft[field]);
  const editDraft = useLabStore((s) => s.editDraft);
  const id = useId();
  return (
    <div className="lesson-field">
      <label htmlFor={id}>{label}</label>
      {area ? (
        <textarea
          id={id}
          rows={area}
          value={value}
          placeholder={field === 'text' ? t.textTemplate : undefined}
          onChange={(e) => editDraft({ [field]: e.target.value })}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          onChange={(e) => editDraft({ [field]: e.target.value })}
        />
      )}
    </div>
  );
}

/** The text as the lesson pane renders it: the intro, then each step's heading and prose. */
function LivePreview() {
  const text = useLabStore((s) => s.builderDraft.text);
  const draftBody = useLabStore((s) => s.draftBody);
  const [body, setBody] = useState<{ intro: string; steps: LessonStep[] }>();
  const headingId = useId();
  useEffect(() => {
    let live = true;
    void draftBody().then((b) => {
      if (live) setBody(b);
    });
    return () => {
      live = false;
    };
  }, [text, draftBody]);
  return (
    <section className="builder-preview" aria-labelledby={headingId} data-testid="builder.preview">
      <h4 id={headingId}>{t.previewTitle}</h4>
      {!text.trim() ? (
        <p className="lesson-muted">{t.previewEmpty}</p>
      ) : (
        body && (
          <>
            {body.intro && <Markdown source={body.intro} />}
            {body.steps.length === 0 && <p className="lesson-muted">{t.previewNoSteps}</p>}
            {body.steps.map((s, i) => (
              <div key={i} className="lesson-step">
                <h3 className="lesson-step-title">{s.title}</h3>
                <Markdown source={s.text} />
              </div>
            ))}
          </>
        )
      )}
    </section>
  );
}

export function TextSection() {
  const headingId = useId();
  return (
    <section className="builder-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="lesson-section-title">
        {t.textTitle}
      </h3>
      <Input field="title" label={t.titleLabel} />
      <Input field="id" label={t.idLabel} />
      <Input field="summary" label={t.summaryLabel} />
      <Input field="text" label={t.textLabel} area={8} />
      <LivePreview />
      <Input field="hints" label={t.hintsLabel} area={3} />
    </section>
  );
}
