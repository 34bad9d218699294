/** The UI's strings for the lesson builder (part of `strings`). */
import type { Check } from '../../engine/lessons/index.ts';

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A goal's default text, written from the state it checks (the teacher may reword it). */
function goalText(c: Check): string {
  switch (c.name) {
    case 'imageTagged':
      return `An image named ${c.args} exists`;
    case 'builtStep':
      return c.args.outcome === 'cached'
        ? `In the build of ${c.args.ref}, ${c.args.match} comes from the cache`
        : `In the build of ${c.args.ref}, ${c.args.match} runs`;
    case 'builtCached':
      return `The build of ${c.args.ref} reuses ${c.args.count ?? 0} cached steps`;
    case 'builtRebuilt':
      return `The build of ${c.args.ref} runs ${c.args.count ?? 0} steps`;
    case 'imageBuilder':
      return `${c.args.ref} is built by ${c.args.builder === 'classic' ? 'the legacy builder' : 'BuildKit'}`;
    case 'historyLayers':
      return `${c.args.ref} has ${c.args.count ?? 0} filesystem layers`;
    case 'imageConfig':
      return `The ${c.args.key} of ${c.args.ref} is ${show(c.args.equals)}`;
    case 'imageEnv':
      return `${c.args.ref} sets ${c.args.name}=${c.args.value ?? ''}`;
    case 'layerEntry':
      return `A layer of ${c.args.ref} holds the ${c.args.kind} entry for ${c.args.path}`;
    case 'containerExists':
      return `A container named ${c.args.name} runs ${c.args.image ?? 'an image'}`;
    case 'containerHasInUpper':
      return `docker diff ${c.args.name} shows ${c.args.change ?? ''} ${c.args.path}`;
    default:
      return c.name;
  }
}

export const builderStrings = {
  builder: {
    open: 'Write a lesson',
    openHelp:
      'Make a lesson from the lab: capture where it starts, do the task, capture where it ends, pick the goals and write the text.',
    title: 'Lesson builder',
    close: 'Close the lesson builder',
    startTitle: '1. Start state',
    startHelp:
      "Set the lab up as a learner should find it (Dockerfile, files, Build options), then capture it. The image store, the Build button's settings and the commands that worked in the terminal so far are kept; the start replays those commands.",
    captureStart: 'Capture start from the lab',
    recaptureStart: 'Capture start again',
    startCommands: 'Start commands (one a line)',
    captured: (lines: number, files: number, store: string, build: string) =>
      `Dockerfile of ${lines} lines, ${files} files, ${store} image store, Build button: ${build}`,
    experimental: "Daemon's experimental mode: on",
    experimentalLabel:
      'Daemon\'s experimental mode (daemon.json "experimental": true; the legacy builder\'s --squash needs it)',
    goalTitle: '2. Goal state',
    goalHelp:
      'Now do the task in the lab (edit, build, run), then capture the result. The commands that worked since the start are the solution.',
    captureGoal: 'Capture goal from the lab',
    recaptureGoal: 'Capture goal again',
    capturing: 'Reading the lab…',
    solutionCommands: 'Solution commands (one a line)',
    solutionEdits: (dockerfile: boolean, files: number) =>
      `The solution ${dockerfile ? 'changes the Dockerfile' : 'keeps the Dockerfile'} and writes ${files} files.`,
    goalsTitle: 'Goals: states of the lab the engine checks',
    goalsHelp: 'Pick at least one. Each is true in the lab now; reword what the learner reads.',
    noCandidates: 'The lab has no state to check yet: build an image or run a container first.',
    goalTextLabel: (n: number) => `Text of goal ${n}`,
    goalText,
    textTitle: '3. Text',
    idLabel: 'Id (lowercase words joined by -)',
    titleLabel: 'Title',
    summaryLabel: 'Summary (one sentence for the course list)',
    textLabel: 'Lesson text (Markdown: an intro, then a "## " heading per step)',
    textTemplate:
      'What this lesson is about, in a sentence or two.\n\n## First step\n\nWhat to do, and what to look at.\n',
    hintsLabel: 'Hints (one a line)',
    previewTitle: 'How the lesson pane shows it',
    previewEmpty: 'Write the text to see it here.',
    previewNoSteps: 'No step yet: start one with a line "## Step title".',
    checkTitle: '4. Check and share',
    checkHelp:
      "Checking reads the lesson file with the course's schema and replays it in a fresh lab: the start must not meet every goal, and the solution must meet them all.",
    check: 'Check the lesson',
    checking: 'Checking: replaying the start and the solution…',
    checkOk: 'The lesson is valid: its solution meets every goal.',
    needBoth: 'Capture the start and the goal first.',
    problems: 'This lesson has problems:',
    preview: 'Preview in the lab',
    download: 'Download lesson file',
    shareLink: 'Copy share link',
    linkCopied: 'Link copied: it opens this lesson in Layerlab.',
    linkNotCopied: 'The browser did not let us copy. The link:',
    linkTooLong: 'This lesson is too long for a link: download the file and share that instead.',
  },
};
