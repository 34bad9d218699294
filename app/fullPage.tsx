// The full lab page: the store (a shared link or the saved lab), presenter mode, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabStoreProvider } from './store/index.ts';
import { App } from './ui/App.tsx';
import { setStartupWork } from './ui/deferred.ts';
import { startFullPage } from './ui/share/startup.ts';
import './ui/theme.css';
import './ui/app.css';
import './ui/lab.css';

/** Renders the lab into `root`; `editor` is the editor chunk, already on its way. */
export async function renderFullPage(root: HTMLElement, editor: Promise<unknown>): Promise<void> {
  setStartupWork(editor);
  // Wait for the editor briefly, so the first render can mount it directly; on a slow network
  // the page paints first with a read-only placeholder.
  await Promise.race([editor, new Promise((r) => setTimeout(r, 150))]);
  const store = await startFullPage();
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>
    </StrictMode>,
  );
}
