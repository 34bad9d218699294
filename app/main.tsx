import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LAB_STORAGE_KEY, LabStoreProvider } from './store/index.ts';
import { App } from './ui/App.tsx';
import './ui/theme.css';
import './ui/app.css';

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
