// The full lab page: the store (a shared link or the saved lab), presenter mode, the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabStoreProvider } from './store/index.ts';
import { App } from './ui/App.tsx';
import { earlyEditor } from './ui/editor/early.ts';
import { setStartupWork } from './ui/deferred.ts';
import { startFullPage } from './ui/share/startup.ts';

/**
 * Renders the lab into `root`; `editor` is the editor chunk, already on its way. `warm`: the
 * page opens the lab the store holds (not a lesson's or a shared link's, which warm up for
 * their own lab when they open it).
 */
export async function renderFullPage(
  root: HTMLElement,
  editor: Promise<unknown>,
  warm = true,
): Promise<void> {
  setStartupWork(editor);
  // The first render does not wait for the editor: the text shows in a placeholder, and the
  // editor takes its place when its chunk is here.
  const store = await startFullPage();
  // What the learner typed in the page's early text area, and every key from now on.
  earlyEditor()?.connect(store);
  // The lab is known: its images load and its build is rehearsed in the worker while the page
  // renders (the worker answers a click first, whenever it comes).
  if (warm) store.getState().warmUp();
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>
    </StrictMode>,
  );
}
