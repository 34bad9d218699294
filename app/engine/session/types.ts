/**
 * What the lab's panels get from the engine: plain, serialisable views (they cross from the
 * engine's worker to the page by structured clone). Sizes are bytes; indexes are 0-based.
 */
import type { BuildEvent, BuilderKind } from '../build/events.ts';
import type { ContextFile } from '../build/context.ts';
import type { Diagnostic } from '../common/diagnostics.ts';
import type { UnionMap } from '../fs/union.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { InteractiveShell } from './interactive.ts';

export type EntryType = 'file' | 'dir' | 'symlink';

/** One path of an image's merged filesystem, and the layers that say something about it. */
export interface FileRow {
  path: string;
  type: EntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  target?: string;
  /** The layer whose entry you see. */
  layer: number;
  /** Lower layers whose entry at this path it replaces (copy-up, rewrite): wasted bytes. */
  shadows: number[];
}

/** One entry of a layer's tar, with what it does to the layers below. */
export interface LayerEntry {
  /** The tar entry name as Docker writes it: `etc/`, `app/a.txt`, `data/.wh.del.txt`. */
  name: string;
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'whiteout' | 'opaque';
  size: number;
  mode: number;
  /** `docker diff`'s letter against the layers below: A added, C changed, D deleted. */
  change: 'A' | 'C' | 'D';
}

/**
 * One layer's tar entries with docker diff's letters, asked for when the panel shows a layer's
 * changes (`LabSession.layerEntries`), not sent with every build: a base layer has thousands.
 */
export interface LayerEntries {
  entries: LayerEntry[];
  /** Entries left out (past the first MAX_LAYER_ENTRIES; the file list has them all). */
  omitted: number;
}

export interface LayerView {
  index: number;
  diffId: string;
  /**
   * The diffID is a stand-in's: the layer holds files kept as a size and a digest, not their
   * bytes, so its ID is made from the tar headers and those digests (fs/stand-in.ts).
   */
  standInDigest: boolean;
  /** The files' bytes: `docker history` SIZE on the overlay2 store. */
  size: number;
  /** The snapshot on disk in 4 KiB blocks: `docker history` SIZE on the containerd store. */
  diskUsage: number;
  /** The history line that made it. */
  createdBy: string;
  /** Part of the base image (FROM), not made by this build. */
  fromBase: boolean;
  /** Other local images (their names) that contain this same layer. */
  sharedWith: string[];
  /** Bytes of this layer's files that later layers replace or delete. */
  hiddenBytes: number;
}

export interface HistoryView {
  createdBy: string;
  size: number;
  emptyLayer: boolean;
  /** The layer it made, if any. */
  layer: number | undefined;
  /**
   * The local image this line ends (`docker history`'s IMAGE column), or undefined where
   * docker prints `<missing>`: a line no local image stands for.
   */
  image: string | undefined;
}

export interface ImageView {
  id: string;
  names: string[];
  size: number;
  layers: LayerView[];
  history: HistoryView[];
  config: Record<string, unknown>;
  efficiency: { score: number; wastedBytes: number; reclaimableBytes: number };
}

export interface BuildInput {
  dockerfile: string;
  files: readonly ContextFile[];
  builder: BuilderKind;
  noCache: boolean;
  buildArgs: Record<string, string>;
  tags: string[];
  target?: string;
}

export interface BuildView {
  ok: boolean;
  events: BuildEvent[];
  diagnostics: Diagnostic[];
  /** Docker's own output of the build, as `docker build` prints it. */
  output: string;
  image: ImageView | undefined;
  /** Wall time the engine took, ms. */
  elapsedMs: number;
}

/** The Build button's reply: the build, and the engine's images and containers after it. */
export interface BuildResult {
  build: BuildView;
  engine: EngineView;
}

export interface ImageSummary {
  id: string;
  names: string[];
  size: number;
  layers: number;
  /** diffIDs bottom-up, and each layer's size: equal IDs in two images are one shared layer. */
  layerIds: string[];
  layerSizes: number[];
  dangling: boolean;
  /**
   * What `docker images` says the image takes in the store in use: overlay2's SIZE (the
   * layers' file bytes, = size), or the containerd store's DISK USAGE (the unpacked snapshots
   * in 4 KiB blocks plus the compressed content).
   */
  diskUsage: number;
  /** containerd store: CONTENT SIZE, the compressed blobs, config and manifest(s). */
  contentSize?: number;
}

export interface ContainerView {
  id: string;
  name: string;
  /** The image as the container was started from it (`app:1`). */
  image: string;
  /** The image's ID. */
  imageId: string;
  state: string;
  /** The writable layer, as `docker diff` lists it. */
  changes: { kind: 'A' | 'C' | 'D'; path: string }[];
  writableBytes: number;
}

/** An image's union filesystem for the picture, with a container's writable layer on top. */
export interface UnionView {
  image: string;
  /** The image's layers, then the container's writable layer when there is a container. */
  map: UnionMap;
  container: { id: string; name: string } | undefined;
}

export interface EngineView {
  images: ImageSummary[];
  containers: ContainerView[];
  /**
   * The daemon's image store: it decides what an image ID is and how sizes are counted
   * (absent in views made before stores could be switched: overlay2).
   */
  store?: ImageStoreKind;
}

export interface CommandView {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** A build the command ran (`docker build`), for the panels. */
  build: BuildView | undefined;
  engine: EngineView;
  /**
   * `docker run -it IMAGE sh`, `docker exec -it CONTAINER sh`: the shell the terminal is now
   * attached to (lines typed next go to `shellLine` until it exits).
   */
  shell?: InteractiveShell;
  /**
   * For a line of several commands: the output in the order it was printed, each piece marked
   * as coming from a command that failed (for the terminal's colours).
   */
  chunks?: { text: string; error: boolean }[];
}
