/**
 * For instructors: load a lesson file from disk or from an https URL and preview it in the lab.
 * A bad lesson shows its problems as text: file, field and reason.
 */
import { useId, useState } from 'react';
import { useLabStore } from '../../store/index.ts';
import { strings } from '../strings.ts';

export function Authoring() {
  const previewLesson = useLabStore((s) => s.previewLesson);
  const previewLessonUrl = useLabStore((s) => s.previewLessonUrl);
  const errors = useLabStore((s) => s.authoringErrors);
  const [url, setUrl] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const fileId = useId();
  const urlId = useId();
  const headingId = useId();

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUnreadable(false);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setUnreadable(true);
      return;
    }
    await previewLesson(file.name, text);
  };

  return (
    <section className="lesson-authoring" aria-labelledby={headingId}>
      <h3 id={headingId}>{strings.lessons.authoringTitle}</h3>
      <p className="lesson-muted">{strings.lessons.authoringHelp}</p>
      <div className="lesson-field">
        <label htmlFor={fileId}>{strings.lessons.openFile}</label>
        <input
          id={fileId}
          type="file"
          accept=".md,text/markdown,text/plain"
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <form
        className="lesson-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void previewLessonUrl(url.trim());
        }}
      >
        <label htmlFor={urlId}>{strings.lessons.urlLabel}</label>
        <span className="lesson-url-row">
          <input
            id={urlId}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <button type="submit" className="button">
            {strings.lessons.urlLoad}
          </button>
        </span>
      </form>
      {unreadable && (
        <p className="lesson-error" role="alert">
          {strings.lessons.unreadable}
        </p>
      )}
      {errors.length > 0 && (
        <div className="lesson-error" role="alert">
          <p>{strings.lessons.lessonErrors}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
