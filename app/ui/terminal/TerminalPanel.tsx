import { lazy, Suspense } from 'react';
import { deferredImport } from '../deferred.ts';
import { strings } from '../strings.ts';

// xterm.js is big and not needed for the first paint: its own chunk, loaded once the page has
// started (after the editor on the full page), so it never delays the editor.
const XtermView = lazy(deferredImport(() => import('./XtermView.tsx')));

export function TerminalPanel() {
  return (
    <Suspense fallback={<p className="hint">{strings.terminal.loading}</p>}>
      <XtermView />
    </Suspense>
  );
}
