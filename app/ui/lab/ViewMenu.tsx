import { useEffect, useId, useRef, useState } from 'react';
import type { Prefs } from '../prefs.ts';
import { strings } from '../strings.ts';

const t = strings.view;

/** Theme, text size (for projectors) and reduced motion; `?` opens the keyboard shortcuts. */
export function ViewMenu({ prefs, setPrefs }: { prefs: Prefs; setPrefs: (p: Prefs) => void }) {
  const ids = { theme: useId(), size: useId(), motion: useId() };
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing =
        el?.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(el?.tagName ?? '') ||
        el?.closest('.cm-editor, .xterm') !== null;
      if (e.key === '?' && !typing) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <div className="view-menu">
      <details className="view-details">
        <summary>{t.menu}</summary>
        <div className="view-panel">
          <label className="field" htmlFor={ids.theme}>
            <span>{t.theme}</span>
            <select
              id={ids.theme}
              value={prefs.theme}
              onChange={(e) => setPrefs({ ...prefs, theme: e.target.value as Prefs['theme'] })}
            >
              <option value="system">{t.system}</option>
              <option value="light">{t.light}</option>
              <option value="dark">{t.dark}</option>
            </select>
          </label>
          <label className="field" htmlFor={ids.size}>
            <span>{t.textSize}</span>
            <select
              id={ids.size}
              value={prefs.textSize}
              onChange={(e) =>
                setPrefs({ ...prefs, textSize: Number(e.target.value) as Prefs['textSize'] })
              }
            >
              <option value={100}>{t.normal}</option>
              <option value={125}>{t.large}</option>
              <option value={150}>{t.projector}</option>
            </select>
          </label>
          <label className="field-check" htmlFor={ids.motion}>
            <input
              id={ids.motion}
              type="checkbox"
              checked={prefs.reduceMotion}
              onChange={(e) => setPrefs({ ...prefs, reduceMotion: e.target.checked })}
            />
            {t.reduceMotion}
          </label>
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t.shortcuts}
          </button>
        </div>
      </details>
      <dialog
        ref={dialog}
        className="shortcuts"
        aria-labelledby={`${ids.theme}-h`}
        onClose={() => setOpen(false)}
      >
        <h2 id={`${ids.theme}-h`}>{t.shortcutsTitle}</h2>
        <dl>
          {t.keys.map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t.close}
        </button>
      </dialog>
    </div>
  );
}
