/** The UI's strings for sharing a lab, presenting it and embedding it (part of `strings`). */
export const sharingStrings = {
  share: {
    button: 'Share',
    menuLabel: 'Share this lab',
    copyLink: 'Copy link',
    linkLabel: 'Link to this lab',
    copied:
      'Link copied. Anyone who opens it gets this Dockerfile, its files and settings, at this step.',
    copyFailed: 'The browser did not let us copy: select the link and copy it yourself.',
    exportLab: 'Export lab',
    importLab: 'Import lab',
    imported: (name: string) => `Opened the lab from ${name}.`,
    unreadable: 'That file could not be read. Choose it again.',
    close: 'Close',
    linkProblem: (message: string) =>
      `The shared link could not be opened: ${message} Your own lab is shown instead.`,
    opening: 'Opening the shared lab…',
    dismiss: 'Dismiss',
  },

  present: {
    toggleOn: 'Present',
    toggleOff: 'Leave presenter mode',
    editorShow: 'Show editor',
    editorHide: 'Hide editor',
    speaker: 'Speaker view',
    spotlightLabel: 'Current step',
    notBuilt: 'Press Build, then step with → / PageDown and back with ← / PageUp.',
    stepOf: (n: number, total: number) => `Step ${n} of ${total}`,
    start: (total: number) => `Ready: ${total} steps. Press → to start.`,
    speakerTitle: 'Speaker view',
    speakerWaiting:
      'Waiting for the presenting window. Open the lab with ?present=1 in another window of this browser.',
    speakerNext: 'Next',
    speakerNoNext: 'That was the last step.',
    speakerElapsed: 'Elapsed',
    speakerSteps: 'Steps',
    speakerBack: 'Back',
    speakerForward: 'Step',
  },

  embed: {
    title: 'Layerlab embed',
    build: 'Build',
    openFull: 'Open in Layerlab',
    loading: 'Loading…',
    noPanels:
      'This embed shows no panels: give panels= one or more of layers, fs, union, cache, editor, terminal, images, container.',
    unknownPanel: (names: string[]) =>
      `Unknown panel${names.length === 1 ? '' : 's'} ${names.join(', ')} left out (choose from layers, fs, union, cache, editor, terminal, images, container).`,
    labProblem: (message: string) => `The lab for this embed could not be opened: ${message}`,
    readonlyLabel: 'Dockerfile (read-only)',
  },
} as const;
