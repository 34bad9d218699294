/**
 * The lab saved in the full page (localStorage), read without the store: the store restores
 * it (store.ts), and the page's entry point reads it before the store's code has loaded, to
 * start warming the engine for it (main.tsx). Light on purpose: it is part of the first
 * JavaScript the page runs.
 */
import type { ContextFile } from '../engine/build/context.ts';
import type { PersistedLabState } from './state.ts';
import { STARTER_DOCKERFILE } from './starter.ts';
import { contextOf, STARTER_FILES } from './workspaceSlice.ts';

/** The localStorage key of the lab in the full page. Embeds pass their own key, or none. */
export const LAB_STORAGE_KEY = 'layerlab:v1:lab';

function isPersisted(value: unknown): value is Pick<PersistedLabState, 'dockerfile'> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { dockerfile?: unknown }).dockerfile === 'string'
  );
}

/** What a saved lab holds that is still usable: a damaged field falls back, never the rest. */
export function restorePersisted(persisted: unknown): Partial<PersistedLabState> {
  if (!isPersisted(persisted)) return {};
  const validMode = (m: unknown) =>
    m === undefined || (typeof m === 'number' && Number.isInteger(m) && m >= 0 && m <= 0o7777);
  const p = persisted as Partial<Record<keyof PersistedLabState, unknown>>;
  const out: Partial<PersistedLabState> = { dockerfile: persisted.dockerfile };
  if (
    Array.isArray(p.files) &&
    p.files.every(
      (f: unknown) =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as { path?: unknown }).path === 'string' &&
        typeof (f as { content?: unknown }).content === 'string' &&
        validMode((f as { mode?: unknown }).mode),
    )
  ) {
    out.files = p.files as PersistedLabState['files'];
  }
  if (p.builder === 'buildkit' || p.builder === 'classic') out.builder = p.builder;
  if (p.imageStore === 'containerd' || p.imageStore === 'overlay2') out.imageStore = p.imageStore;
  if (typeof p.noCache === 'boolean') out.noCache = p.noCache;
  if (typeof p.tag === 'string') out.tag = p.tag;
  if (
    Array.isArray(p.buildArgs) &&
    p.buildArgs.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as { name?: unknown }).name === 'string' &&
        typeof (a as { value?: unknown }).value === 'string',
    )
  ) {
    out.buildArgs = p.buildArgs as PersistedLabState['buildArgs'];
  }
  return out;
}

/**
 * The lab the full page will open with when it opens the saved one (or the starter on a first
 * visit), as a build takes it; undefined when storage cannot be read.
 * @example savedLab(localStorage)?.dockerfile
 */
export function savedLab(
  storage: Pick<Storage, 'getItem'>,
): { dockerfile: string; files: ContextFile[] } | undefined {
  let saved: unknown;
  try {
    const text = storage.getItem(LAB_STORAGE_KEY);
    saved = text === null ? undefined : (JSON.parse(text) as { state?: unknown }).state;
  } catch {
    return undefined;
  }
  const lab = restorePersisted(saved);
  return {
    dockerfile: lab.dockerfile ?? STARTER_DOCKERFILE,
    files: contextOf(lab.files ?? STARTER_FILES),
  };
}
