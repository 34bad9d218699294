/**
 * The page's one-line notice about sharing (a link that could not be opened, a lab that was
 * imported). Set before the first render by the page's start-up, or later by the share menu.
 */
import { useSyncExternalStore } from 'react';

let current: string | null = null;
const listeners = new Set<() => void>();

export function setShareNotice(message: string | null): void {
  current = message;
  for (const l of listeners) l();
}

export function getShareNotice(): string | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useShareNotice(): string | null {
  return useSyncExternalStore(subscribe, getShareNotice, getShareNotice);
}
