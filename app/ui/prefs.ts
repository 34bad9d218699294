/**
 * The viewer's preferences (not the lab's): theme, text size, reduced motion. Kept in
 * localStorage apart from the lab, applied to the document root.
 */
import { useEffect, useState } from 'react';

export interface Prefs {
  theme: 'system' | 'light' | 'dark';
  /** Percent of the browser's base size: everything is in rem, so all of it scales. */
  textSize: 100 | 125 | 150;
  reduceMotion: boolean;
}

export const PREFS_KEY = 'layerlab:v1:prefs';
const DEFAULTS: Prefs = { theme: 'system', textSize: 100, reduceMotion: false };

export function readPrefs(storage: Storage | undefined): Prefs {
  try {
    const raw = JSON.parse(storage?.getItem(PREFS_KEY) ?? '{}') as Partial<Prefs>;
    return {
      theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system',
      textSize: raw.textSize === 125 || raw.textSize === 150 ? raw.textSize : 100,
      reduceMotion: raw.reduceMotion === true,
    };
  } catch {
    return DEFAULTS;
  }
}

export function applyPrefs(p: Prefs, root: HTMLElement): void {
  if (p.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', p.theme);
  root.style.fontSize = p.textSize === 100 ? '' : `${p.textSize}%`;
}

/** The preferences, applied to the page as they change and saved. */
export function usePrefs(): [Prefs, (p: Prefs) => void] {
  const [prefs, setPrefs] = useState(() => readPrefs(safeStorage()));
  useEffect(() => {
    applyPrefs(prefs, document.documentElement);
    try {
      safeStorage()?.setItem(PREFS_KEY, JSON.stringify(prefs));
    } catch {
      /* storage full or refused: the preference lasts for this visit */
    }
  }, [prefs]);
  return [prefs, setPrefs];
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
