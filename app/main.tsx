import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LAB_STORAGE_KEY, LabStoreProvider } from './store/index.ts';
import { App } from './ui/App.tsx';
import './ui/theme.css';
import './ui/app.css';
import './ui/lab.css';

import { preloadEditor } from './ui/editor/load.ts';

// The editor is its own chunk: fetch it now, and wait for it briefly, so the first render can
// mount it directly; on a slow network the page paints first with a read-only placeholder.
await Promise.race([preloadEditor(), new Promise((r) => setTimeout(r, 150))]);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LabStoreProvider storageKey={LAB_STORAGE_KEY}>
        <App />
      </LabStoreProvider>
    </StrictMode>,
  );
}
