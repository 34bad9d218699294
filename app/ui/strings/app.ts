/** The UI's strings for the app itself and its inspector's tab strip (part of `strings`). */
export const appStrings = {
  productName: 'Layerlab',
  tagline: 'A Docker image lab: see a Dockerfile become an image, layer by layer.',
  loading: 'Loading…',
  inspectorLabel: 'Inspect the image',
  /** The inspector tabs' labels where the strip is narrow (each one the start of its name). */
  inspectorShort: { union: 'Union', cache: 'Cache' } as Record<string, string | undefined>,
};
