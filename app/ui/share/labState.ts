/**
 * Between a lab's store and a shared lab (link, file, embed message): what is taken from the
 * state, how it is put back, and the "step" a link opens at. A step is counted in playback
 * steps: 0 before the first step, k after the k-th (the same unit the Step button moves by).
 */
import type { SharedLab } from '../../share/codec.ts';
import { stepBoundaries, type LabState, type LabStore, shownBuild } from '../../store/index.ts';

/** The lab as it stands, with the step the panels show (when a build is shown). */
export function labFromState(s: LabState): SharedLab {
  const lab: SharedLab = {
    dockerfile: s.dockerfile,
    files: s.files.map((f) => ({ path: f.path, content: f.content })),
    builder: s.builder,
    // The default store (containerd) goes without saying, so older links read the same.
    ...(s.imageStore === 'overlay2' ? { imageStore: s.imageStore } : {}),
    noCache: s.noCache,
    buildArgs: s.buildArgs.map((a) => ({ name: a.name, value: a.value })),
    tag: s.tag,
  };
  const step = shownStep(s);
  return step === undefined ? lab : { ...lab, step };
}

/** The shown build's playback position in steps, or undefined when nothing is built. */
export function shownStep(s: LabState): number | undefined {
  const b = shownBuild(s);
  if (!b) return undefined;
  return stepBoundaries(b.view).filter((c) => c <= s.cursor).length;
}

/** How many steps the shown build has (0 when nothing is built). */
export function stepCount(s: LabState): number {
  const b = shownBuild(s);
  return b ? stepBoundaries(b.view).length : 0;
}

/** The event cursor for step `step` of the shown build (clamped to the build). */
export function cursorForStep(s: LabState, step: number): number | undefined {
  const b = shownBuild(s);
  if (!b) return undefined;
  if (step <= 0) return 0;
  const bounds = stepBoundaries(b.view);
  return bounds[Math.min(step, bounds.length) - 1] ?? b.view.events.length;
}

/** Replaces the lab's Dockerfile, files and build settings (no build). */
export function putLab(store: LabStore, lab: SharedLab): void {
  store.setState({
    dockerfile: lab.dockerfile,
    files: lab.files.map((f) => ({ path: f.path, content: f.content })),
    openFile: 'Dockerfile',
    builder: lab.builder,
    noCache: lab.noCache,
    buildArgs: lab.buildArgs.map((a) => ({ name: a.name, value: a.value })),
    tag: lab.tag,
  });
  // The engine switches too (before any build the caller starts: the worker answers in order).
  void store.getState().setImageStore(lab.imageStore ?? 'containerd');
}

/** Moves the shown build's playback to `step` and stops playing. */
export function seekStep(store: LabStore, step: number): void {
  const cursor = cursorForStep(store.getState(), step);
  if (cursor !== undefined) store.setState({ cursor, playing: false });
}

/**
 * Builds the lab with playback held at the build's first event (not playing), so the step
 * shown afterwards is chosen by the caller with no jump to the end in between.
 */
export async function buildPaused(store: LabStore): Promise<void> {
  const stop = store.subscribe((s, prev) => {
    if (s.builds !== prev.builds && s.playing) store.setState({ playing: false });
  });
  try {
    await store.getState().build({ animate: true });
  } finally {
    stop();
  }
}

/**
 * Opens a shared lab: puts it in, builds it, and shows its step. Without a step in the lab it
 * shows the end of the build (`end`, a share link), the start (`start`, click-to-step), or
 * plays the build out (`play`).
 */
export async function openLab(
  store: LabStore,
  lab: SharedLab,
  opts: { at?: 'end' | 'start' | 'play' } = {},
): Promise<void> {
  const at = opts.at ?? 'end';
  // A build of the lab being replaced would finish after this one starts and show the old lab.
  if (store.getState().status.kind === 'building') store.getState().cancelBuild();
  putLab(store, lab);
  if (at === 'play' && lab.step === undefined) {
    await store.getState().build({ animate: true });
    return;
  }
  const before = store.getState().builds.at(-1);
  await buildPaused(store);
  const s = store.getState();
  // Another open or build replaced this one while it ran: theirs is newer and stays as it is.
  if (s.status.kind !== 'idle' || s.builds.at(-1) === before || s.shownBuild === undefined) return;
  seekStep(store, lab.step ?? (at === 'start' ? 0 : stepCount(s)));
}

/**
 * An embed's own start, made once it has painted: opens `lab` as {@link openLab} does, unless a
 * build came first (a click on Build, a lab the page around the embed sent). That build is
 * newer: the start neither cancels it nor moves its playback.
 */
export async function startLab(
  store: LabStore,
  lab: SharedLab,
  opts: { at?: 'start' | 'play' } = {},
): Promise<void> {
  const s = store.getState();
  if (s.status.kind === 'building' || s.builds.length > 0) return;
  await openLab(store, lab, opts);
}
