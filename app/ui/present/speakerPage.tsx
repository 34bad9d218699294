// The speaker's second window: no lab of its own, it follows the presenting window.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../theme.css';
import '../app.css';
import '../lab.css';
import './present.css';
import { SpeakerView } from './SpeakerView.tsx';

export function renderSpeakerView(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <SpeakerView />
    </StrictMode>,
  );
}
