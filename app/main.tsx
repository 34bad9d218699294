import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabStoreProvider } from './store/index.ts';
import { App } from './ui/App.tsx';
import './ui/theme.css';
import './ui/app.css';
import './ui/lab.css';

import { preloadEditor } from './ui/editor/load.ts';
import { presentParam } from './ui/present/mode.ts';
import { registerServiceWorker } from './ui/share/offline.ts';
import { startFullPage } from './ui/share/startup.ts';

const root = document.getElementById('root');
if (root && presentParam(window.location.search) === 'speaker') {
  // The speaker's second window: no lab of its own, it follows the presenting window.
  const { SpeakerView } = await import('./ui/present/SpeakerView.tsx');
  await import('./ui/present/present.css');
  createRoot(root).render(
    <StrictMode>
      <SpeakerView />
    </StrictMode>,
  );
} else if (root) {
  // The editor is its own chunk: fetch it now, and wait for it briefly, so the first render can
  // mount it directly; on a slow network the page paints first with a read-only placeholder.
  await Promise.race([preloadEditor(), new Promise((r) => setTimeout(r, 150))]);
  const store = startFullPage();
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <App />
      </LabStoreProvider>
    </StrictMode>,
  );
}
registerServiceWorker();
