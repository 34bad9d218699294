// The entry point stays small: it starts fetching the editor (most of the page's JavaScript)
// and the lab's code at the same moment, instead of the editor only after the lab has loaded.
import { startEarlyEditor } from './ui/editor/early.ts';
import { preloadEditor } from './ui/editor/load.ts';
import { dockHeight, readDock } from './ui/terminal/dock.ts';
import { presentParam } from './ui/present/mode.ts';
import { registerServiceWorker } from './ui/share/offline.ts';
import { savedLab } from './store/savedLab.ts';
import { startEngineWorker } from './worker/spawn.ts';
// Linked from the page itself, so its first paint (the header index.html carries) is styled.
import './ui/theme.css';
import './ui/app.css';
import './ui/lab.css';
import './ui/header.css';

const root = document.getElementById('root');
if (root && presentParam(window.location.search) === 'speaker') {
  // The speaker's second window: no lab of its own, it follows the presenting window.
  const { renderSpeakerView } = await import('./ui/present/speakerPage.tsx');
  renderSpeakerView(root);
} else if (root) {
  const editor = preloadEditor();
  // The engine's worker starts loading and compiling now, beside the page, and warming up for
  // the saved lab (not for a lesson or a shared link, which open another): a click on Build as
  // soon as the button shows finds it started.
  const opensAnother =
    new URLSearchParams(window.location.search).has('lesson') ||
    window.location.hash.startsWith('#lab=');
  const storage = (() => {
    try {
      return window.localStorage;
    } catch {
      return undefined; // Storage blocked: the store says so; the warm-up waits for it.
    }
  })();
  const saved = opensAnother || !storage ? undefined : savedLab(storage);
  // The saved Dockerfile, editable at once in the frame the page's HTML carries (presenter
  // mode arranges the page differently, and waits for the app).
  if (saved && presentParam(window.location.search) === 'off') {
    // The terminal under it at rest, as TerminalDock will draw it.
    const size = readDock(storage);
    startEarlyEditor(document, saved.dockerfile, (room) =>
      dockHeight({ size, room, inUse: false, cellHeight: undefined, chrome: 0 }),
    );
  }
  startEngineWorker(saved);
  const { renderFullPage } = await import('./fullPage.tsx');
  await renderFullPage(root, editor, !opensAnother);
}
registerServiceWorker();
