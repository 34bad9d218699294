/**
 * The builder's last section: check the lesson (schema, then a replay in a fresh lab), preview
 * it in the lab, download the lesson file, copy a link that opens it. Each action checks first;
 * problems are listed here as `file:line: field: reason`.
 */
import { useId, useState } from 'react';
import { encodeLessonFile } from '../../../share/lessonLink.ts';
import { useLabStore, type BuilderCheck } from '../../../store/index.ts';
import { downloadFile } from '../../download.ts';
import { strings } from '../../strings.ts';

const t = strings.builder;

function Outcome({ check, incomplete }: { check: BuilderCheck; incomplete: boolean }) {
  if (check.state === 'checking') return <p role="status">{t.checking}</p>;
  if (check.state === 'ok')
    return (
      <p role="status" className="lesson-done">
        {t.checkOk}
      </p>
    );
  if (check.state !== 'failed') return null;
  if (incomplete || check.errors.length === 0)
    return (
      <p className="lesson-error" role="alert">
        {t.needBoth}
      </p>
    );
  return (
    <div className="lesson-error" role="alert" data-testid="builder.problems">
      <p>{t.problems}</p>
      <ul>
        {check.errors.map((e, i) => (
          <li key={i}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CheckSection() {
  const check = useLabStore((s) => s.builderCheck);
  const incomplete = useLabStore((s) => !s.builderDraft.start || !s.builderDraft.goal);
  const checkDraft = useLabStore((s) => s.checkDraft);
  const previewLesson = useLabStore((s) => s.previewLesson);
  const [link, setLink] = useState<{ said: string; url?: string }>();
  const headingId = useId();
  const busy = check.state === 'checking';

  /** Checks the draft, then does `then` with the lesson file when it is valid. */
  const checked = (then: (file: string, text: string) => void | Promise<unknown>) => async () => {
    setLink(undefined);
    const r = await checkDraft();
    if (r.state === 'ok') await then(r.file, r.text);
  };

  const share = (_file: string, text: string) => {
    const fragment = encodeLessonFile(text);
    if (!fragment) return setLink({ said: t.linkTooLong });
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = fragment;
    const href = url.href;
    return navigator.clipboard.writeText(href).then(
      () => setLink({ said: t.linkCopied, url: href }),
      () => setLink({ said: t.linkNotCopied, url: href }),
    );
  };

  return (
    <section className="builder-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="lesson-section-title">
        {t.checkTitle}
      </h3>
      <p className="lesson-muted">{t.checkHelp}</p>
      <div className="builder-actions">
        <button type="button" className="button" disabled={busy} onClick={checked(() => {})}>
          {t.check}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={checked((file, text) => previewLesson(file, text))}
        >
          {t.preview}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={checked((file, text) => downloadFile(file, text, 'text/markdown'))}
        >
          {t.download}
        </button>
        <button type="button" className="button" disabled={busy} onClick={checked(share)}>
          {t.shareLink}
        </button>
      </div>
      <Outcome check={check} incomplete={incomplete} />
      {link && (
        <p role="status" className="builder-link">
          {link.said}{' '}
          {link.url && (
            <a href={link.url} data-testid="builder.link">
              {link.url.length > 60 ? `${link.url.slice(0, 60)}…` : link.url}
            </a>
          )}
        </p>
      )}
    </section>
  );
}
