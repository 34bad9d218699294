import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState } from './state.ts';
import { createLabStore, type LabStore, type LabStoreOptions } from './store.ts';

const LabStoreContext = createContext<LabStore | null>(null);

export interface LabStoreProviderProps extends LabStoreOptions {
  /** An existing store (tests, embeds that drive the lab); otherwise one is made from the options. */
  store?: LabStore;
  children: ReactNode;
}

/**
 * Owns one lab's store for the tree below it. Saves a pending change when the page is hidden or
 * closed, so a reload right after typing loses nothing.
 */
export function LabStoreProvider({ store: given, children, ...options }: LabStoreProviderProps) {
  // Made once per provider: later option changes do not replace the learner's lab.
  const [store] = useState(() => given ?? createLabStore(options));

  useEffect(() => {
    const flush = () => store.flushSave();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [store]);

  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

/** The lab's store itself, for code that reads or writes outside React rendering. */
export function useLabStoreApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLabStore must be used inside <LabStoreProvider>.');
  return store;
}

/** Selects from the lab's state; re-renders when the selected value changes. */
export function useLabStore<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}
