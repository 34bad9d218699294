/**
 * Bring your own image: a `docker save` tar chosen with the file picker or dropped on the
 * page (PageDrop) is handed to the engine's worker as a file (never read on the page) and loaded
 * with `docker load -i NAME` in the terminal, so the learner sees the command and what docker
 * printed, and the image joins the list.
 */
import { useRef, type ReactNode } from 'react';
import { useLabStore } from '../../store/index.ts';
import { downloadFile } from '../download.ts';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';

const t = strings.images;

export function LoadImageButton() {
  const loadImageFile = useLabStore((s) => s.loadImageFile);
  const busy = useLabStore((s) => s.loading !== undefined);
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        title={t.loadTitle}
        disabled={busy}
      >
        {t.load}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t.loadInput}
        data-testid="images.load-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void loadImageFile(file);
        }}
      />
    </>
  );
}

/** The Images panel's body; a tar dropped on it (or anywhere on the page) loads: PageDrop. */
export function ImageDropZone({ children }: { children: ReactNode }) {
  return (
    <div className="image-drop" data-testid="images.drop">
      {children}
    </div>
  );
}

/** Files commands wrote (`docker save -o app.tar app`), each a download to the learner's disk. */
export function WrittenFiles() {
  const outputs = useLabStore((s) => s.outputs);
  if (outputs.length === 0) return null;
  return (
    <section className="written-files" aria-label={t.writtenHeading}>
      <h3>{t.writtenHeading}</h3>
      <ul>
        {outputs.map((o) => (
          <li key={o.path} data-testid="images.written">
            <code>{o.path}</code> <span className="size">{formatBytes(o.size)}</span>{' '}
            <button
              type="button"
              className="button"
              title={t.downloadTitle}
              onClick={() =>
                // Bytes posted from the worker sit in an ordinary ArrayBuffer.
                downloadFile(o.path.split('/').pop() ?? o.path, o.data as Uint8Array<ArrayBuffer>)
              }
            >
              {t.download(o.path)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A running load: bytes read of the file's size, and Cancel (the lab stays as it was). */
export function LoadProgress() {
  const loading = useLabStore((s) => s.loading);
  const cancelLoad = useLabStore((s) => s.cancelLoad);
  if (!loading) return null;
  const label = t.loading(loading.name);
  return (
    <div className="load-progress" data-testid="images.loading">
      <progress aria-label={label} max={loading.total || 1} value={loading.read} />
      <span className="size">
        {t.loadingBytes(formatBytes(loading.read), formatBytes(loading.total))}
      </span>
      <button type="button" className="button" onClick={cancelLoad}>
        {t.cancelLoad}
      </button>
    </div>
  );
}

/** Archives kept in the browser so their images survive a reload: space taken, and Delete. */
export function KeptArchives() {
  const kept = useLabStore((s) => s.kept);
  const problem = useLabStore((s) => s.keepProblem);
  const forget = useLabStore((s) => s.forgetKept);
  const forgetAll = useLabStore((s) => s.forgetAllKept);
  const dismiss = useLabStore((s) => s.dismissKeepProblem);
  const k = strings.kept;
  if (kept.length === 0 && !problem) return null;
  const total = kept.reduce((n, a) => n + a.size, 0);
  return (
    <section className="kept" aria-label={k.heading} data-testid="images.kept">
      {problem && (
        <p className="kept-problem" role="alert">
          {k.problem[problem.kind](problem.name, formatBytes(problem.size))}
          {problem.detail && problem.kind === 'restore-failed' && (
            <code className="kept-detail">{problem.detail}</code>
          )}{' '}
          <button type="button" className="button" onClick={dismiss}>
            {k.dismiss}
          </button>
        </p>
      )}
      {kept.length > 0 && (
        <>
          <h3>{k.heading}</h3>
          <p className="hint">{k.total(kept.length, formatBytes(total))}</p>
          <ul>
            {kept.map((a) => (
              <li key={a.key} data-testid="images.kept-item">
                <code>{a.name}</code> <span className="size">{formatBytes(a.size)}</span>{' '}
                <span className="size">
                  {a.images.join(', ')} · {k.store[a.store]}
                </span>{' '}
                <button
                  type="button"
                  className="button"
                  title={k.removeTitle}
                  onClick={() => void forget(a.key)}
                >
                  {k.remove(a.name)}
                </button>
              </li>
            ))}
          </ul>
          {kept.length > 1 && (
            <button
              type="button"
              className="button"
              title={k.removeAllTitle}
              onClick={() => void forgetAll()}
            >
              {k.removeAll}
            </button>
          )}
        </>
      )}
    </section>
  );
}
