/**
 * The catalog's names in the page, for the editor: which images the lab has (index.json, a few
 * KB) and, once a FROM names one it lacks, Docker Hub's tags (hub.json), fetched once and shared
 * with the worker through the HTTP cache. Until they arrive the editor says nothing about images.
 */
import { CATALOG_VERSION, type CatalogIndex, type HubTags } from '../engine/catalog/format.ts';
import type { CatalogNames } from '../engine/catalog/tags.ts';
import { fullName, parseImageRef } from '../engine/images/reference.ts';

let names: CatalogNames | undefined;
/** The engine's local images (loaded, pulled, built), by full name: a FROM may name them. */
let local: ReadonlySet<string> = new Set();
let indexLoad: Promise<void> | undefined;
let hubLoad: Promise<void> | undefined;
const listeners = new Set<() => void>();

function catalogUrl(file: string): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return `${base}catalog/v${CATALOG_VERSION}/${file}`;
}

async function fetchJson<T>(file: string): Promise<T> {
  const res = await fetch(catalogUrl(file));
  if (!res.ok) throw new Error(`${res.status} for ${file}`);
  return (await res.json()) as T;
}

function changed(next: CatalogNames): void {
  names = next;
  for (const l of listeners) l();
}

/** The names loaded so far (undefined until the index arrives). */
export function catalogNames(): CatalogNames | undefined {
  return names;
}

/** Starts loading the index, and Docker Hub's tags when `hub` is asked for; never rejects. */
export function loadCatalogNames(hub = false): void {
  indexLoad ??= fetchJson<CatalogIndex>('index.json')
    .then((index) => changed({ images: index.images, hub: names?.hub }))
    .catch(() => undefined);
  if (hub)
    hubLoad ??= indexLoad
      .then(() => fetchJson<HubTags>('hub.json'))
      .then((tags) => changed({ images: names?.images ?? [], hub: tags }))
      .catch(() => undefined);
}

/** Calls `listener` whenever more names arrive. */
export function onCatalogNames(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** `layerlab/bb` -> `docker.io/layerlab/bb:latest`; undefined for a name that is no reference. */
function normalName(name: string): string | undefined {
  try {
    const ref = parseImageRef(name);
    return fullName({ ...ref, tag: ref.digest ? ref.tag : (ref.tag ?? 'latest') });
  } catch {
    return undefined;
  }
}

/**
 * Tells the editor which images the engine holds now, so a FROM naming one (a loaded image, one
 * built here) is not marked as an image the offline lab lacks: the build takes it from the
 * local store, as Docker's does.
 */
export function setLocalImages(list: readonly string[]): void {
  const next = new Set(list.map(normalName).filter((n): n is string => n !== undefined));
  if (next.size === local.size && [...next].every((n) => local.has(n))) return;
  local = next;
  // A new object: the editor's memo and React's snapshot see the change.
  if (names) changed({ ...names });
}

/** Whether the engine holds an image by this name. */
export function isLocalImage(name: string): boolean {
  const n = normalName(name);
  return n !== undefined && local.has(n);
}
