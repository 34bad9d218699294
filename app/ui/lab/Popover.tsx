import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that shows a small panel under it (not modal): Escape, a click elsewhere or
 * focus moving elsewhere closes it. What it holds stays mounted while closed.
 */
export function Popover({
  label,
  summary,
  title,
  testId,
  children,
}: {
  /** The panel's name, and the start of the button's accessible name. */
  label: string;
  /** What the button shows: the current settings, in short. */
  summary: ReactNode;
  title?: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [open]);
  return (
    <div
      ref={root}
      className="popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        if (next && !e.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="button popover-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        title={title}
        onClick={() => setOpen(!open)}
        data-testid={testId}
      >
        <span className="visually-hidden">{label}: </span>
        {summary}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div
        id={panelId}
        className="view-panel popover-panel"
        role="group"
        aria-label={label}
        hidden={!open}
      >
        {children}
      </div>
    </div>
  );
}
