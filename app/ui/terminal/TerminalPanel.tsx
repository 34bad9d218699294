import { lazy, Suspense } from 'react';
import { strings } from '../strings.ts';

// xterm.js is big and not needed for the first paint: its own chunk, loaded when shown.
const XtermView = lazy(() => import('./XtermView.tsx'));

export function TerminalPanel() {
  return (
    <Suspense fallback={<p className="hint">{strings.terminal.loading}</p>}>
      <XtermView />
    </Suspense>
  );
}
