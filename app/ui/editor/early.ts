/**
 * The Dockerfile, editable before the app has loaded. The page's HTML carries the editor's
 * frame (vite.config.ts, `firstPaintShell`); the entry script fills it with a plain text area
 * holding the saved lab's Dockerfile, so the learner can type from the moment the page shows.
 * When the store exists, what was typed goes to it (and each key after); when the app renders
 * in its place, the editor (or its loading placeholder) carries on where the caret was.
 * No React and no CodeMirror here: this runs in the page's first, smallest script.
 */

/** What the early editor needs of the store: the Dockerfile's setter. */
interface DockerfileStore {
  getState(): { setDockerfile(text: string): void };
}

/** What it needs of the editor bridge: to carry on typing at an offset. */
interface TypingTarget {
  continueTyping(offset: number): void;
}

export interface EarlyEditor {
  /** Hands the text typed so far to the store, and every later key. */
  connect(store: DockerfileStore): void;
  /** The app has replaced the text area: the caret moves to the editor, if it was here. */
  handOver(target: TypingTarget): void;
}

let current: EarlyEditor | undefined;

/**
 * Puts an editable text area with `text` in the frame the HTML carries, if it carries one.
 * The app takes it over (`takeEarlyEditor`) when it renders.
 */
export function startEarlyEditor(
  doc: Document,
  text: string,
  dockHeight?: (room: number) => number,
): EarlyEditor | undefined {
  const host = doc.querySelector<HTMLElement>('[data-early-editor]');
  if (!host) return undefined;
  host.closest<HTMLElement>('[data-early-frame]')?.removeAttribute('hidden');
  // The terminal's room under the panels, as tall as the terminal will rest, so the editor
  // keeps its place when the app draws the terminal there.
  const lab = host.closest('main');
  if (lab && dockHeight) {
    const dock = doc.createElement('div');
    dock.className = 'terminal-dock';
    dock.style.height = `${dockHeight(lab.clientHeight)}px`;
    lab.append(dock);
  }
  const area = doc.createElement('textarea');
  area.className = 'editor-placeholder';
  area.spellcheck = false;
  area.value = text;
  area.setAttribute('aria-label', host.dataset.label ?? 'Dockerfile');
  // Focused when the app replaces it: the blur its removal fires (while it is still in the
  // page) does not count, so a blur counts once it is known the text area stayed.
  let focused = false;
  area.addEventListener('focus', () => {
    focused = true;
  });
  area.addEventListener('blur', () => {
    queueMicrotask(() => {
      if (area.isConnected) focused = false;
    });
  });
  let store: DockerfileStore | undefined;
  area.addEventListener('input', () => store?.getState().setDockerfile(area.value));
  host.append(area);
  current = {
    connect(s) {
      store = s;
      if (area.value !== text) s.getState().setDockerfile(area.value);
    },
    handOver(target) {
      store = undefined;
      if (focused) target.continueTyping(area.selectionStart);
    },
  };
  return current;
}

/** The early editor, if the page started one and the app has not taken it yet. */
export function earlyEditor(): EarlyEditor | undefined {
  return current;
}

/** The early editor, once: the app that replaces it takes it. */
export function takeEarlyEditor(): EarlyEditor | undefined {
  const early = current;
  current = undefined;
  return early;
}
