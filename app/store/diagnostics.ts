/**
 * What the editor shows for the lab's Dockerfile: parse errors, BuildKit's build checks,
 * Layerlab's advice and images the offline lab lacks. A face of the store of its own (app/ui
 * imports it beside index.ts): the rules and the catalog's names load with the editor, never
 * with an embed, which shows no diagnostics.
 */
import { useDeferredValue, useSyncExternalStore } from 'react';
import type { Diagnostic } from '../engine/common/diagnostics.ts';
import { editorDiagnostics } from '../engine/dockerfile/rules/index.ts';
import { isValidImageRef } from '../engine/images/reference.ts';
import { imageDiagnostics } from '../engine/catalog/from-check.ts';
import type { CatalogNames } from '../engine/catalog/tags.ts';
import { catalogNames, isLocalImage, loadCatalogNames, onCatalogNames } from './catalogNames.ts';
import { useLabStore } from './context.tsx';
import { lastValueMemo, parseDockerfileCached } from './derived.ts';
import { selectDockerfile } from './selectors.ts';

export { onCatalogNames };

/** Parse errors, BuildKit's build checks and Layerlab's advice, computed once per text. */
const ruleDiagnosticsCached: (text: string) => Diagnostic[] = lastValueMemo((text) =>
  editorDiagnostics(parseDockerfileCached(text), { validReference: isValidImageRef }),
);

/** FROM lines naming an image the lab cannot have, once the catalog's names are here. */
let imageMemo: { text: string; names: CatalogNames; all: Diagnostic[] } | undefined;

/**
 * What the editor shows for a text: parse errors, BuildKit's build checks, Layerlab's advice
 * (rules/index.ts) and images the offline lab lacks (catalog/from-check.ts), computed once per
 * text (and per arrival of the catalog's names).
 */
export function dockerfileDiagnosticsCached(text: string): Diagnostic[] {
  const rules = ruleDiagnosticsCached(text);
  const names = catalogNames();
  if (!names) {
    loadCatalogNames();
    return rules;
  }
  if (imageMemo?.text === text && imageMemo.names === names) return imageMemo.all;
  const images = imageDiagnostics(parseDockerfileCached(text), names, isLocalImage);
  if (images.needsHub) loadCatalogNames(true);
  const all =
    images.diagnostics.length === 0
      ? rules
      : [...images.diagnostics, ...rules].sort(
          (a, b) =>
            SEVERITY[a.severity] - SEVERITY[b.severity] ||
            a.range.start.offset - b.range.start.offset,
        );
  imageMemo = { text, names, all };
  return all;
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/** The lab Dockerfile's diagnostics, deferred like the parse. */
export function useDockerfileDiagnostics(): Diagnostic[] {
  const text = useDeferredValue(useLabStore(selectDockerfile));
  // Re-render when the catalog's names arrive: they add the FROM lines' diagnostics.
  useSyncExternalStore(onCatalogNames, catalogNames);
  return dockerfileDiagnosticsCached(text);
}
