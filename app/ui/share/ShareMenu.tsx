import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { downloadFile } from '../download.ts';
import { strings } from '../strings.ts';
import { labFromState, openLab } from './labState.ts';

// Encoding links and lab files (fflate) is not needed until the menu opens: its own chunk,
// fetched when the menu opens, so it is there by the time a button is pressed.
const loadShareCode = () =>
  Promise.all([import('./fromUrl.ts'), import('./labFile.ts')]).then(([url, file]) => ({
    ...url,
    ...file,
  }));
import { setShareNotice, useShareNotice } from './notice.ts';

const t = strings.share;

type Outcome = { kind: 'ok' | 'problem'; text: string } | null;

/** The "Share" button and its menu: copy a link, export the lab as a file, import one. */
export function ShareMenu() {
  const store = useLabStoreApi();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ids = { menu: useId(), link: useId() };
  const linkRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onDown = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const copyLink = async () => {
    const lab = labFromState(store.getState());
    const base = window.location.href.split('#')[0] ?? window.location.href;
    const { shareLink } = await loadShareCode();
    const r = shareLink(base, lab);
    if (!r.ok || r.url === undefined) {
      setLink('');
      setOutcome({ kind: 'problem', text: r.ok ? t.copyFailed : r.message });
      return;
    }
    setLink(r.url);
    try {
      await navigator.clipboard.writeText(r.url);
      setOutcome({ kind: 'ok', text: t.copied });
    } catch {
      setOutcome({ kind: 'problem', text: t.copyFailed });
      requestAnimationFrame(() => linkRef.current?.select());
    }
  };

  const exportLab = async () => {
    const lab = labFromState(store.getState());
    const { labFileName, labToFileText } = await loadShareCode();
    downloadFile(labFileName(lab), labToFileText(lab), 'application/json');
  };

  const importLab = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ kind: 'problem', text: t.unreadable });
      return;
    }
    const { labFromFileText } = await loadShareCode();
    const r = labFromFileText(text);
    if (!r.ok) {
      setOutcome({ kind: 'problem', text: r.message });
      return;
    }
    setOutcome({ kind: 'ok', text: t.imported(file.name) });
    setShareNotice(null);
    await openLab(store, r.lab);
  };

  return (
    <div className="share" ref={rootRef}>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={ids.menu}
        onClick={() => {
          if (!open) void loadShareCode();
          setOpen((v) => !v);
        }}
        data-testid="share.button"
      >
        {t.button}
      </button>
      <div
        id={ids.menu}
        className="share-menu"
        role="group"
        aria-label={t.menuLabel}
        hidden={!open}
        data-testid="share.menu"
      >
        <div className="share-row">
          <button type="button" className="button button-primary" onClick={() => void copyLink()}>
            {t.copyLink}
          </button>
          <label className="visually-hidden" htmlFor={ids.link}>
            {t.linkLabel}
          </label>
          <input
            id={ids.link}
            ref={linkRef}
            className="share-link"
            type="text"
            readOnly
            value={link}
            placeholder="https://…#lab=…"
            onFocus={(e) => e.currentTarget.select()}
            data-testid="share.link"
          />
        </div>
        <div className="share-row">
          <button type="button" className="button" onClick={() => void exportLab()}>
            {t.exportLab}
          </button>
          <label className="button share-import">
            {t.importLab}
            <input
              className="visually-hidden"
              type="file"
              accept=".json,application/json"
              onChange={(e) => void importLab(e)}
              data-testid="share.import"
            />
          </label>
        </div>
        {outcome && (
          <p
            className={outcome.kind === 'ok' ? 'share-outcome' : 'share-outcome share-problem'}
            role={outcome.kind === 'ok' ? 'status' : 'alert'}
            data-testid="share.outcome"
          >
            {outcome.text}
          </p>
        )}
      </div>
    </div>
  );
}

/** A shared link that could not be opened (or other share news), until dismissed. */
export function ShareNotice() {
  const notice = useShareNotice();
  if (!notice) return null;
  return (
    <p className="save-warning" role="alert" data-testid="share.notice">
      <span aria-hidden="true">! </span>
      {notice}{' '}
      <button type="button" className="button" onClick={() => setShareNotice(null)}>
        {t.dismiss}
      </button>
    </p>
  );
}
