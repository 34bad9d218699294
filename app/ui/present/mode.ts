/**
 * Presenter mode: on or off, editor shown or hidden. Page-wide (one lab per full page), so it
 * is a small module store; it marks `<html>` with `data-present` / `data-present-editor` and
 * present.css does the rest (large type, high contrast, big layer stack and filesystem).
 */
import { useSyncExternalStore } from 'react';

export type PresentParam = 'off' | 'on' | 'speaker';

/** `?present=1` (or `true`, `on`) presents; `?present=speaker` is the speaker view. */
export function presentParam(search: string): PresentParam {
  const v = new URLSearchParams(search).get('present');
  if (v === null) return 'off';
  if (v === 'speaker') return 'speaker';
  return ['', '1', 'true', 'on', 'yes'].includes(v.toLowerCase()) ? 'on' : 'off';
}

export interface PresentState {
  on: boolean;
  editor: boolean;
}

let state: PresentState = { on: false, editor: false };
const listeners = new Set<() => void>();

function apply(s: PresentState): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  if (s.on) {
    root.dataset.present = 'on';
    root.dataset.presentEditor = s.editor ? 'shown' : 'hidden';
  } else {
    delete root.dataset.present;
    delete root.dataset.presentEditor;
  }
}

export function setPresent(next: Partial<PresentState>): void {
  state = { ...state, ...next };
  apply(state);
  for (const l of listeners) l();
}

export function getPresent(): PresentState {
  return state;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function usePresent(): PresentState {
  return useSyncExternalStore(subscribe, getPresent, getPresent);
}
