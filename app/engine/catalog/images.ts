/** Catalog image files into the builder's base images (layers with known diffIDs, config, history). */
import type { BaseImage } from '../build/builder.ts';
import { imageConfigJson, imageId, layerFromEntries, type Layer } from '../fs/index.ts';
import { layerEntries, parseListing } from './entries.ts';
import type { CatalogImageFile, CatalogLayer } from './format.ts';

/**
 * A layer of the catalog. Its diffID and transfer size come from the file, so a base with
 * thousands of files is never hashed or compressed in the page.
 */
export function catalogLayer(layer: CatalogLayer, where: string): Layer {
  const listing = parseListing(layer.entries, where);
  return layerFromEntries(layerEntries(listing, layer.contents), {
    diffId: layer.diffId,
    compressedSize: layer.compressedSize,
  });
}

/**
 * The base image a catalog file describes, on top of `base` when the file names one.
 *
 * @example
 * const debian = catalogImage(debianFile, undefined);
 * const python = catalogImage(pythonFile, debian);
 */
export function catalogImage(file: CatalogImageFile, base: BaseImage | undefined): BaseImage {
  if (file.base !== undefined && base === undefined)
    throw new Error(`catalog image ${file.ref} needs its base ${file.base}, which is not loaded`);
  const own = file.layers.map((l, i) => catalogLayer(l, `${file.ref} layer ${i + 1}`));
  const layers = [...(base?.layers ?? []), ...own];
  const diffIds = [
    ...(base ? base.layers.map(layerDiff) : []),
    ...file.layers.map((l) => l.diffId),
  ];
  const configJson = imageConfigJson({
    config: file.config,
    diffIds,
    history: file.history,
    created: file.history[file.history.length - 1]?.created ?? '1970-01-01T00:00:00Z',
  });
  return {
    ref: file.ref,
    id: imageId(configJson),
    layers,
    config: file.config,
    history: file.history,
    configJson,
  };
}

function layerDiff(l: Layer): string {
  if (l.knownDiffId === undefined) throw new Error('a catalog base layer has no diffID');
  return l.knownDiffId;
}
