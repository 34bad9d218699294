/**
 * Every string the UI shows or announces, in one table: one place to review the wording,
 * and later to translate it. The lab's panels are here; the app's name and the inspector's tabs
 * (strings/app.ts), sharing, presenting and embedding
 * (strings/sharing.ts), the course (strings/lessons.ts), the union filesystem picture
 * (strings/union.ts), the Images panel with a picked image's layers (strings/images.ts) and a
 * base image's ONBUILD triggers (strings/onbuild.ts) are parts of the same table.
 */
import { appStrings } from './strings/app.ts';
import { lessonStrings } from './strings/lessons.ts';
import { imageStrings } from './strings/images.ts';
import { onbuildStrings } from './strings/onbuild.ts';
import { builderStrings } from './strings/builder.ts';
import { sharingStrings } from './strings/sharing.ts';
import { unionStrings } from './strings/union.ts';

export const strings = {
  ...appStrings,

  editor: {
    heading: 'Dockerfile',
    label: 'Dockerfile',
    placeholderLabel: 'Editor, still loading: what you type is kept',
    cursor: (line: number, column: number) => `Line ${line}, column ${column}`,
    noProblems: 'No problems',
    problemCount: (n: number) => (n === 1 ? '1 problem' : `${n} problems`),
    noteCount: (n: number) => (n === 1 ? '1 note' : `${n} notes`),
    problemsLabel: 'Problems',
    problemAt: (line: number) => `Line ${line}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    syntax: 'Syntax',
    /** The title of Layerlab's own notes, which Docker does not check. */
    advice: 'Layerlab advice',
    /** The link to a build check's documentation page. */
    ruleDocs: 'Docker docs',
    fix: (label: string) => `Fix: ${label}`,
    fixTitle: 'Apply this fix in the editor (Ctrl+Z undoes it)',
  },

  instructions: {
    heading: 'Instructions',
    empty: 'No instructions yet. Start with FROM and a base image, e.g. FROM debian:bookworm-slim.',
    step: 'Step',
    notAStep: 'Before the first FROM, not a step:',
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
    otherTab:
      'This lab was changed in another tab; this tab now shows that version (the last change wins).',
    dismiss: 'OK',
  },

  panelError: {
    title: (panel: string) => `The ${panel} panel stopped working.`,
    body: 'Your Dockerfile is safe. Reloading the panel usually fixes this.',
    reload: 'Reload panel',
  },

  build: {
    controls: 'Build',
    build: 'Build',
    buildTitle: 'Build the image (Ctrl+Enter)',
    builder: 'Builder',
    buildkit: 'BuildKit',
    classic: 'Classic',
    imageStore: 'Image store',
    /** Shown on the Build options button when the lab runs the classic store. */
    overlay2Badge: 'overlay2',
    storeNames: {
      containerd: 'containerd (Docker 29 default)',
      overlay2: 'overlay2 (classic)',
    },
    storeNote:
      'The daemon’s image store. Switching hides the other store’s images and containers, as Docker does; switch back to see them again.',
    tag: 'Image tag (-t)',
    args: 'Build arguments (--build-arg NAME=value)',
    options: 'Build options',
    optionsTitle: (command: string) => `The Build button runs: ${command}`,
    noOptions: 'no options',
    working: (seconds: number) => `Building… ${seconds.toFixed(1)} s`,
    cancel: 'Cancel',
  },

  timeline: {
    controls: 'Playback',
    whichBuild: 'Build to show',
    buildName: (n: number, ok: boolean, origin: 'button' | 'terminal') =>
      `Build ${n}${ok ? '' : ' (failed)'}${origin === 'terminal' ? ' · terminal' : ''}`,
    back: 'Back',
    play: 'Play',
    replay: 'Replay',
    pause: 'Pause',
    step: 'Step',
    rewind: 'Rewind',
    speed: 'Speed',
    speedName: (v: number) => `${v}×`,
    scrubber: 'Build progress',
    where: (step: number, total: number) =>
      step === 0 ? `Not started · ${total} steps` : `Step ${step} of ${total}`,
  },

  layers: {
    heading: 'Image layers',
    notBuilt:
      'Not built yet. Press Build (Ctrl+Enter) to see each instruction become a layer. These will be the steps:',
    welcomeTitle: 'New here? Start with the Build button.',
    welcome:
      'Press ▶ Build (Ctrl+Enter) and each instruction below becomes a layer of the image; then step through how it was made. New to Docker? The Course starts at the beginning.',
    welcomeCourse: 'Open the Course',
    stackLabel: 'Layers, newest on top, base image at the bottom',
    phase: {
      pending: 'waiting',
      running: 'running',
      base: 'base',
      cached: 'cached',
      built: 'built',
      metadata: 'metadata',
      skipped: 'skipped',
      failed: 'failed',
      canceled: 'canceled',
    },
    /** Under a step BuildKit canceled when a COPY's source was missing (build/eager-keys.ts). */
    canceledWhy:
      'Stopped: BuildKit checks every COPY’s files before it finishes any step, and one failed. Nothing of this step is cached; the next build runs it again.',
    noLayer: 'no layer',
    programSaid: 'The program’s last lines:',
    dockerSaid: 'Docker:',
    stale: (n: number) =>
      `This is build ${n}. The editor has changed since: build again to see what it holds now.`,
    buildAgain: 'Build again',
    /** The button that switches a FROM the lab cannot use to the closest image it has. */
    switchImage: (image: string) => `Use ${image} and build again`,
    notRun: 'not run',
    stepWord: 'Step',
    cascade: '↳ rebuilt because the step under it was rebuilt',
    line: (n: number) => `line ${n}`,
    sharedWith: (names: string[]) => `shared with ${names.join(', ')}`,
    baseSummary: (n: number, size: string) => `${n} ${n === 1 ? 'layer' : 'layers'} · ${size}`,
    unknownHistory: '(no history)',
    total: (name: string, size: string, layers: number) =>
      `${name}: ${size} in ${layers} ${layers === 1 ? 'layer' : 'layers'}`,
    /** Under the total on the containerd store, whose sizes are disk blocks, not file bytes. */
    diskBlocksNote: (files: string) =>
      `Sizes as docker history gives them on the containerd image store: each layer on disk, where every file and folder takes whole 4 KiB blocks. Its files hold ${files}; the overlay2 store counts those bytes.`,
    /** A layer card's size on the containerd store (its tooltip). */
    diskBlocksTitle: (files: string) =>
      `On disk in 4 KiB blocks, as docker history gives it on the containerd image store. The layer’s files hold ${files}.`,
    otherStages: (n: number) =>
      `${n} ${n === 1 ? 'step' : 'steps'} of other stages (not in the final image)`,
  },

  layerNames: {
    stepBadge: (n: number) => `step ${n}`,
    stepTitle: (n: number) => `Step ${n}`,
    baseBadge: 'base',
    baseTitle: (n: number, of: number) => `Base ${n} of ${of}`,
    layerBadge: (n: number) => `layer ${n}`,
    layerTitle: (n: number) => `Layer ${n}`,
  },

  cache: {
    heading: 'Build cache',
    noBuild: 'Build the image to see how each step looks up the build cache.',
    chooseStep: 'Choose a layer to see its cache key.',
    stepTitle: (n: number, total: number) => `Step ${n} of ${total}`,
    metadata:
      'This instruction only changes the image configuration; BuildKit records it without a cache lookup or a layer.',
    base: 'FROM starts from the base image: its layers are reused as they are.',
    notYet: 'This step has not run yet in the playback.',
    hit: 'Cache hit: a step with exactly this key ran before, so its layer is reused.',
    miss: (why: string) =>
      `Cache miss: ${why}. The step ran again, and so does every later step (the ones above it in the stack).`,
    fileChange: {
      added: '(added)',
      removed: '(removed)',
      content: '(content changed)',
      mode: '(mode changed)',
      owner: '(owner changed)',
      type: '(type changed)',
    },
    keyCaption: (key: string) => `Cache key ${key} is made of:`,
    part: 'Part',
    lastBuild: 'Last build',
    thisBuild: 'This build',
    parent: 'Parent (the step under it)',
    instruction: 'Instruction',
    file: (path: string) => `File ${path}`,
    arg: (name: string) => `ARG ${name}`,
    env: 'Environment',
    absent: '—',
    changed: 'changed',
    explain:
      'COPY and ADD look at each file’s content, name, mode and owner, never at its modification time. Any change makes a new key.',
  },

  fs: {
    heading: 'Filesystem',
    noBuild: 'Build the image to explore its filesystem.',
    failed:
      'The build failed, so there is no image to explore. Fix the step marked failed and build again.',
    layer: 'Layer',
    notPlayed:
      'The build has not played yet: press Play or Step, and the filesystem grows with it, layer by layer.',
    showFinished: 'Show the finished image',
    modeLabel: 'What to show',
    merged: (all: boolean) => (all ? 'Merged view' : 'Merged up to here'),
    changesOnly: 'This layer’s changes',
    filter: 'Filter paths',
    treeLabel: 'Files of the image, each marked with the layer it comes from',
    shadows: (layers: string[]) => `hides ${[...new Set(layers)].join(', ')}`,
    shadowsTitle:
      'This path also exists in a lower layer: that copy is hidden but still takes space in the image.',
    added: 'added',
    changed: 'changed',
    deleted: 'deleted',
    showChanges: 'Show changes of kind',
    noChanges: 'No changes of the chosen kinds in this layer.',
    whiteout: (path: string) =>
      `whiteout: hides ${path} from the layers below (the bytes are still there)`,
    opaque: (path: string) => `opaque marker: hides everything below ${path} in lower layers`,
    omitted: (n: number) =>
      `${n} more entries of this layer are not listed here; the merged view has them all.`,
    viewerLabel: (path: string) => `Contents of ${path}`,
    loading: 'Loading…',
    binary: (size: string) => `A binary file of ${size}: its bytes are not shown.`,
    notAFile: 'Not a regular file at this layer.',
    efficiency: (score: number, wasted: string, reclaimable: string) =>
      `Efficiency ${score}% · wasted ${wasted} · reclaimable ${reclaimable}.`,
    layerWaste: (bytes: string) => `This layer holds ${bytes} that later layers hide.`,
    layerId: 'Layer ID (diffID)',
    standInId:
      'A stand-in ID: this layer holds files the lab keeps as a size and a checksum, not their bytes (packages, downloads, dd output), so its ID is computed from the tar headers and those checksums. Docker hashes the real bytes of the layer’s tar, so its ID for the same layer differs.',
    realId: 'The sha256 of this layer’s tar, as Docker computes it.',
    howComputed: 'How is this computed?',
    formula:
      'As dive does: a path written in more than one layer wastes the bytes of every copy but the last (deleting a file in a later layer hides it, it does not remove it). Efficiency = 1 − wasted bytes ÷ bytes of all layers. Reclaimable = the sum over such paths of (cumulative bytes − smallest copy): what cleaning up in the same RUN would save.',
  },

  terminal: {
    heading: 'Terminal',
    loading: 'Loading the terminal…',
    inputLabel: 'Terminal: type docker commands',
    welcome:
      'This terminal speaks the docker CLI against the lab. Try: docker images, docker history app, docker run -it app sh\nTab completes, ↑ recalls, help lists the commands; Esc then Tab leaves the terminal, Ctrl+` maximises it.\n',
    resize: 'Resize the terminal',
    rowsNow: (rows: number, cols: number) => `${rows} rows, ${cols} columns`,
    maximise: 'Maximise',
    restore: 'Restore',
    maximiseTitle: 'Give the terminal the whole lab, or give the lab back (Ctrl+`)',
    escaped: 'Escape: the next Tab leaves the terminal.',
    tabMoves: 'Tab now moves focus out of the terminal. Ctrl+M again makes Tab complete.',
    tabCompletes: 'Tab completes again. Escape then Tab still leaves the terminal.',
    help: "docker build -t NAME .     build the lab (the files are the context)\ndocker images | ps -a | history IMAGE | inspect IMAGE | system df -v\ndocker run [-it] [-d] [--name N] [-p 8080:80] IMAGE [CMD]   docker exec -it NAME sh   (exit leaves the shell)\ndocker diff NAME | commit NAME IMAGE | cp NAME:/path . | logs NAME | port NAME | stop NAME | rm NAME\ndocker tag SRC DST | rmi IMAGE | pull IMAGE | push IMAGE | save -o FILE IMAGE\ndocker system prune -f [-a] | container prune -f | image prune -f | builder prune -f\nchain with && || ;   substitute with $(docker ps -aq)   pipe into grep, head, tail, wc, sort, uniq, awk '{print $1}'\nclear                      clear the screen\n",
  },

  container: {
    heading: 'Container',
    runLabel: 'Run a container from',
    run: 'Run',
    none: 'No containers. Run one to see its thin writable layer on top of the image.',
    noImages: 'Build an image first, then run a container from it.',
    up: 'Up',
    exited: 'Exited',
    from: (image: string) => `from ${image}`,
    writable: 'Writable layer (this container only)',
    writableLabel: (name: string) => `Writable layer of ${name}`,
    noChanges: 'Empty: nothing written yet. The image layers below are shared and read-only.',
    meaning: {
      A: 'added here',
      C: 'copied up from the image, then changed',
      D: 'deleted: a whiteout hides the image’s copy',
    },
    imageLayers: 'Image layers · read-only · shared by every container of this image',
    execLabel: 'Run in the container',
    exec: 'Run',
    noOutput: '(no output)',
    stop: 'Stop',
    commit: (image: string) => `Commit as ${image}`,
    remove: 'Remove',
  },

  files: {
    tabsLabel: 'Dockerfile and build-context files',
    add: 'New file',
    newName: 'New file name',
    rename: (from: string) => `Rename ${from} to`,
    renameButton: 'Rename',
    ok: 'OK',
    cancel: 'Cancel',
    delete: 'Delete',
    deleted: (path: string) => `Deleted ${path}.`,
    undo: 'Undo',
    editorLabel: (path: string) => `Contents of ${path}`,
  },

  view: {
    menu: 'View',
    theme: 'Theme',
    system: 'As the system',
    light: 'Light',
    dark: 'Dark',
    textSize: 'Text size',
    normal: 'Normal',
    large: 'Large',
    projector: 'Projector',
    reduceMotion: 'Reduce motion',
    shortcuts: 'Keyboard shortcuts (?)',
    shortcutsTitle: 'Keyboard shortcuts',
    close: 'Close',
    keys: [
      ['Ctrl+Enter', 'Build (also inside the editor)'],
      ['→ or Page Down', 'Next step of the build'],
      ['← or Page Up', 'Previous step'],
      ['Space', 'Play or pause'],
      ['?', 'This list'],
      ['↑ ↓ → ← Enter', 'Move in the file tree, open folders and files'],
      ['Tab, ↑', 'Terminal: complete a name, recall a command'],
    ] as [string, string][],
  },

  starters: {
    label: 'Starter project',
    choose: 'Load a starter…',
    loaded: (name: string) => `Loaded the ${name} starter.`,
    undo: 'Undo',
  },

  announce: {
    problems: (n: number) =>
      n === 0
        ? 'No problems in the Dockerfile.'
        : n === 1
          ? '1 problem in the Dockerfile.'
          : `${n} problems in the Dockerfile.`,
  },
  ...sharingStrings,
  ...lessonStrings,
  ...builderStrings,
  ...unionStrings,
  ...imageStrings,
  ...onbuildStrings,
} as const;
