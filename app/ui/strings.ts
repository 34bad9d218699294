/**
 * Every string the UI shows or announces, in one table: one place to review the wording,
 * and later to translate it.
 */
export const strings = {
  productName: 'Layerlab',
  tagline: 'Type a Dockerfile and see how its image is built, layer by layer.',

  editor: {
    heading: 'Dockerfile',
    label: 'Dockerfile',
    cursor: (line: number, column: number) => `Line ${line}, column ${column}`,
    noProblems: 'No problems',
    problemCount: (n: number) => (n === 1 ? '1 problem' : `${n} problems`),
    problemsLabel: 'Problems',
    problemAt: (line: number) => `Line ${line}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    syntax: 'Syntax',
  },

  instructions: {
    heading: 'Instructions',
    empty: 'No instructions yet. Start with FROM and a base image, e.g. FROM debian:bookworm-slim.',
    line: 'Line',
    goToLine: (line: number) => `Go to line ${line}`,
    kind: {
      base: 'base',
      filesystem: 'layer',
      metadata: 'metadata',
      unknown: 'unknown',
    },
    kindTitle: {
      base: 'Starts from the layers of a base image',
      filesystem: 'Adds a filesystem layer to the image',
      metadata: "Changes only the image's configuration: no layer",
      unknown: 'Not a Dockerfile instruction',
    },
  },

  save: {
    quota:
      "This browser's storage is full: your Dockerfile is not being saved. Copy it somewhere safe.",
    unavailable: 'This browser does not allow saving: your Dockerfile will be lost on reload.',
  },

  panelError: {
    title: (panel: string) => `The ${panel} panel stopped working.`,
    body: 'Your Dockerfile is safe. Reloading the panel usually fixes this.',
    reload: 'Reload panel',
  },

  announce: {
    problems: (n: number) =>
      n === 0
        ? 'No problems in the Dockerfile.'
        : n === 1
          ? '1 problem in the Dockerfile.'
          : `${n} problems in the Dockerfile.`,
  },
} as const;
