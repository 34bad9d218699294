/**
 * One learner's engine with everything the lab's panels ask of it: builds that come back as
 * views, docker commands typed in the terminal, and the state of images and containers. Pure
 * (no DOM): it runs in the engine's worker, and in tests directly.
 */
import type { BaseImage } from '../build/builder.ts';
import type { ContextFile } from '../build/context.ts';
import { buildkitExpand, planDockerfile } from '../build/plan.ts';
import { baseRefs } from './baseRefs.ts';
import { Engine } from '../daemon/engine.ts';
import {
  loadEngine,
  saveEngine,
  StateSaver,
  type EngineState,
  type StateDelta,
} from '../daemon/persist.ts';
import type { PackageCatalog } from '../shell/index.ts';
import type { GolfScore } from '../lessons/golf.ts';
import type { LessonPar } from '../lessons/par.ts';
import type { Lab } from '../lessons/run.ts';
import type { Check, Goal, Lesson } from '../lessons/types.ts';
import { goalCandidates } from '../lessons/candidates.ts';
import { replayLesson, type LessonReplay } from '../lessons/replay.ts';
import {
  checkGoals,
  parLesson,
  scoreLesson,
  solveLesson,
  startLesson,
  type GoalResult,
  type LessonSolved,
  type LessonStarted,
} from './lessons.ts';
import type {
  BuildInput,
  BuildResult,
  BuildView,
  EngineView,
  FileRow,
  ImageView,
  LayerEntries,
  UnionView,
} from './types.ts';
import { fileContent, type FileContent } from './fileContent.ts';
import { contextFiles } from './labHost.ts';
import { runDockerLine, type DockerLineContext } from './dockerLine.ts';
import type { BroughtFile, ReadProgress } from './brought.ts';
import { rehearse } from './rehearsal.ts';
import { rehearsalScratch } from './scratch.ts';
import { unionView, type UnionMaps } from './unionView.ts';
import { buildView, engineView, fileRows, imageByRef, layerEntries } from './views.ts';
import {
  closeShell,
  runShellLine,
  type InteractiveShell,
  type ShellLineResult,
} from './interactive.ts';
import type { MissingImage } from '../catalog/answers.ts';
import { isCompound } from './hostLine.ts';
import { runCompound, type LineResult } from './compound.ts';
import { newActivity, recordBuild, type Activity } from '../lessons/activity.ts';

import { DEFAULT_IMAGE_STORE, type ImageStoreKind } from '../images/stores.ts';

export interface SessionOptions {
  registry: (ref: string) => BaseImage | undefined;
  /** Why a name is not in the registry (see EngineOptions.explain). */
  explain?: (ref: string) => MissingImage | undefined;
  catalog: PackageCatalog;
  clock?: () => number;
  /** The image store a new session starts with (images/stores.ts); DEFAULT_IMAGE_STORE if unset. */
  store?: ImageStoreKind;
  /** False while another request waits (the worker's queue): `warm` then does nothing. */
  idle?: () => boolean;
  /** How far a command has read a file the learner brought (`docker load -i`). */
  progress?: (p: ReadProgress) => void;
}

export type { FileContent } from './fileContent.ts';

export class LabSession {
  engine: Engine;
  /** What the learner did since the lesson started (or the session began): goal checks read it. */
  activity: Activity = newActivity();
  private readonly opts: SessionOptions;
  /** Sends each layer to the page once (see saveDelta). */
  private saver = new StateSaver();
  /** Merged file lists already worked out, by image ID and layer (images never change). */
  private readonly rows = new Map<string, FileRow[]>();
  /** Labs `warm` has built in a scratch engine already. */
  private readonly rehearsed = new Set<string>();
  /**
   * The other store's engine while this one is in use (lesson goals read it): switching the
   * image store hides its images and containers, and switching back shows them again, as
   * Docker does (https://docs.docker.com/engine/storage/containerd/).
   */
  readonly parked = new Map<ImageStoreKind, Engine>();
  /** Files the learner brought from their computer (picked or dropped), by name. */
  private readonly brought = new Map<string, BroughtFile>();

  constructor(opts: SessionOptions) {
    this.opts = opts;
    this.engine = this.newEngine(opts.store ?? DEFAULT_IMAGE_STORE);
  }

  /** The image store the engine runs with now. */
  get store(): ImageStoreKind {
    return this.engine.store;
  }

  /**
   * Back to an empty engine (no images, containers, cache or registry) and no activity, with
   * the image store in use (or `store`); the other store's engine is dropped too.
   */
  reset(store: ImageStoreKind = this.store): void {
    this.engine = this.newEngine(store);
    this.parked.clear();
    this.activity = newActivity();
    this.rows.clear();
    this.saver = new StateSaver();
  }

  /**
   * Runs the daemon with the other image store: the engine of that store comes back as it was
   * left (empty the first time); this one's images wait until it is chosen again.
   * @example session.setStore('overlay2').store // 'overlay2'
   */
  setStore(store: ImageStoreKind): EngineView {
    if (store === this.store) return this.view();
    this.parked.set(this.store, this.engine);
    this.engine = this.parked.get(store) ?? this.newEngine(store);
    this.parked.delete(store);
    this.rows.clear();
    // The page's saved state follows the engine in use: the next delta starts afresh.
    this.saver = new StateSaver();
    return this.view();
  }

  private newEngine(store: ImageStoreKind): Engine {
    const opts = this.opts;
    return new Engine({
      planner: planDockerfile,
      expand: buildkitExpand,
      catalog: opts.catalog,
      registry: opts.registry,
      ...(opts.explain ? { explain: opts.explain } : {}),
      clock: opts.clock ?? (() => Math.floor(Date.now() / 1000)),
      store,
    });
  }

  /** Base images a Dockerfile names in FROM lines (for loading them before a build). */
  static readonly baseRefs = baseRefs;

  /**
   * Gets ready for the lab's first build (the worker has loaded its images already): builds it
   * once in a scratch engine that nobody sees (rehearsal.ts), so that the learner's click finds
   * the engine's code compiled and what a build of it works out once per process made (each
   * package's files, bulk.ts; the base image's tallies; compressed layers). This session's
   * state does not change. Skipped when the lab was rehearsed already; stops between two pieces
   * when `idle` says a request is waiting (a click on Build must not wait for a rehearsal).
   */
  warm(lab: Pick<BuildInput, 'dockerfile' | 'files'>): void {
    const pieces = this.rehearsal(lab);
    while (pieces && !pieces.next().done) if (this.opts.idle?.() === false) return;
  }

  /**
   * The rehearsal as pieces to run one at a time (the worker yields between them), or nothing
   * when this lab was rehearsed already.
   */
  rehearsal(lab: Pick<BuildInput, 'dockerfile' | 'files'>): Iterator<void> | undefined {
    const key = JSON.stringify([lab.dockerfile, lab.files]);
    if (this.rehearsed.has(key) || this.opts.idle?.() === false) return undefined;
    this.rehearsed.add(key);
    const make = (catalog: PackageCatalog, store: ImageStoreKind) =>
      new LabSession({ ...this.opts, catalog, store });
    return rehearse(rehearsalScratch(this.opts.catalog, this.store, make), lab);
  }

  /**
   * A file the learner brought from their computer (a `docker save` tar picked or dropped on
   * the page), kept by name for `docker load -i NAME` (read in slices then, never copied).
   */
  bring(name: string, data: BroughtFile): void {
    this.brought.set(name, data);
  }

  /** The Build button: the build and the engine's state after it, in one reply. */
  build(input: BuildInput): BuildResult {
    const opts = {
      dockerfile: input.dockerfile,
      files: contextFiles(input.files, input.dockerfile),
      tags: input.tags,
      buildArgs: input.buildArgs,
      noCache: input.noCache,
      builder: input.builder,
      ...(input.target ? { target: input.target } : {}),
    };
    const t0 = performance.now();
    const result = this.engine.build(opts);
    const view = buildView(this.engine, { opts, result, ms: performance.now() - t0 });
    recordBuild(this.activity, input, view, this.configOf(view));
    return { build: view, engine: this.view() };
  }

  /** The config JSON of the image a build made (what lesson goals tell builds apart by). */
  configOf(build: BuildView | undefined): string | undefined {
    return build?.image && this.engine.images.get(build.image.id)?.configJson;
  }

  /** A command line typed in the terminal. Only `docker ...` runs; the rest is explained. */
  command(line: string, files: readonly ContextFile[], dockerfile: string): LineResult {
    return isCompound(line)
      ? this.compound(line, files, dockerfile)
      : this.simple(line, files, dockerfile);
  }

  /** One docker command line (no `&&`, `;` or `$(...)` to interpret): see dockerLine.ts. */
  private simple(line: string, files: readonly ContextFile[], dockerfile: string): LineResult {
    return runDockerLine(this.lineContext(), line, files, dockerfile);
  }

  private lineContext(): DockerLineContext {
    return {
      engine: this.engine,
      activity: this.activity,
      brought: this.brought,
      progress: this.opts.progress,
      view: () => this.view(),
      configOf: (b) => this.configOf(b),
    };
  }

  /** A line of several commands or with `$(docker ...)`: see compound.ts. */
  private compound(line: string, files: readonly ContextFile[], dockerfile: string): LineResult {
    return runCompound(line, {
      command: (l) => this.command(l, files, dockerfile),
      simple: (l) => this.simple(l, files, dockerfile),
      view: () => this.view(),
    });
  }

  view(): EngineView {
    return engineView(this.engine);
  }

  /** An image by name or ID as the panels show it (a learner picked it in the Images panel). */
  image(ref: string): ImageView | undefined {
    return imageByRef(this.engine, ref);
  }

  /** The merged filesystem of an image up to (and including) layer `upTo`. */
  files(image: string, upTo: number): FileRow[] {
    const record = this.engine.images.find(image);
    if (!record) return [];
    const key = `${record.id}:${upTo}`;
    let rows = this.rows.get(key);
    if (!rows) {
      rows = fileRows(record.layers.slice(0, upTo + 1));
      // A few lists are kept: the layers a learner steps through, not every one ever seen.
      if (this.rows.size >= 8) this.rows.delete(this.rows.keys().next().value!);
      this.rows.set(key, rows);
    }
    return rows;
  }

  /** One layer's tar entries with docker diff's letters (the panel's "changes only"). */
  layerEntries(image: string, index: number): LayerEntries {
    const record = this.engine.images.find(image);
    return record ? layerEntries(record, index) : { entries: [], omitted: 0 };
  }

  /**
   * The union filesystem of an image for the picture; with `container` (a container of that
   * image), its writable layer on top. An image's own map is kept: it never changes.
   */
  union(image: string, container?: string): UnionView | undefined {
    return unionView(this.engine, this.unionMaps, image, container);
  }

  private readonly unionMaps: UnionMaps = new WeakMap();

  /** A file of an image (up to a layer) or of a container, for the file viewer. */
  fileContent(
    where: { image: string; upTo?: number } | { container: string },
    path: string,
  ): FileContent {
    return fileContent(this.engine, where, path);
  }

  /** One line typed in an interactive shell (`docker run -it IMAGE sh`) the terminal is in. */
  shellLine(shell: InteractiveShell, line: string): ShellLineResult & { engine: EngineView } {
    return { ...runShellLine(this.engine, shell, line), engine: this.view() };
  }

  /** The terminal leaves the shell (Ctrl+D, closed): a `run -it` container stops with it. */
  shellClose(shell: InteractiveShell): EngineView {
    closeShell(this.engine, shell);
    return this.view();
  }

  /** A fresh engine in the lesson's start state; the learner's activity starts empty. */
  lessonStart(lesson: Lesson): LessonStarted {
    return startLesson(this, lesson);
  }

  /** The goals checked over the engine and what the learner did since the lesson started. */
  lessonGoals(goals: readonly Goal[]): GoalResult[] {
    return checkGoals(this, goals);
  }

  /** The lesson's solution applied to the learner's lab (edits, then commands). */
  lessonSolution(lesson: Lesson, lab: Lab): LessonSolved {
    return solveLesson(this, lesson, lab);
  }

  /** The final challenge's score against the reference solution. */
  lessonScore(lesson: Lesson): GolfScore | undefined {
    return scoreLesson(this, this.opts, lesson);
  }

  /** The lesson's goal image (its solution replayed) beside the learner's, with the par. */
  lessonPar(lesson: Lesson): LessonPar | undefined {
    return parLesson(this, this.opts, lesson);
  }

  // The lesson builder's requests: goal states, a fresh-session replay, experimental mode.
  readonly lessonCandidates = (): Check[] => goalCandidates(this);
  readonly lessonReplay = (lesson: Lesson): LessonReplay => replayLesson(this.fresh(), lesson);
  readonly setExperimental = (on: boolean): void => void (this.engine.experimental = on);

  /** A new, empty session over the same images and catalog (the learner's engine untouched). */
  fresh(): LabSession {
    return new LabSession({ ...this.opts, store: this.store });
  }

  save(): EngineState {
    return saveEngine(this.engine);
  }

  /** The saved state of the other store's engine, when it has been used. */
  parkedStates(): EngineState[] {
    return [...this.parked.values()].map((e) => saveEngine(e));
  }

  /** What changed in the saved state since the last call (the first call: all of it). */
  saveDelta(): StateDelta {
    return this.saver.save(this.engine);
  }

  load(state: EngineState): void {
    // A state saved by the other store's engine restarts the daemon with that store.
    const store = state.store ?? 'overlay2';
    if (store !== this.store) this.engine = this.newEngine(store);
    loadEngine(this.engine, state);
    // The page holds this state already; the next delta starts a fresh layer list.
    this.saver = new StateSaver();
  }
}
