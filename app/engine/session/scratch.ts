/**
 * The rehearsal's scratch session (rehearsal.ts), with the work of a long build step cut into
 * pieces:
 * - before a RUN that installs packages with apt, it looks ahead: the same build runs with apt
 *   told to stop before it unpacks anything (the catalog's `unpacking`), and each package it
 *   was about to unpack gets its files made (shell `preparePackage`), one package per piece;
 * - it builds on the overlay2 store, whose images need no compressed layers; for a lab on the
 *   containerd store, whose image IDs name compressed layers, each new layer is compressed
 *   afterwards a slice at a time (fs `compressing`), and remembered by the tar it was made
 *   from, so the learner's build finds it compressed.
 */
import type { Layer } from '../fs/index.ts';
import { compressing } from '../fs/index.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import { preparePackage, type CatalogPackage, type PackageCatalog } from '../shell/index.ts';
import type { Scratch } from './rehearsal.ts';
import type { LabSession } from './session.ts';
import type { BuildResult } from './types.ts';

/** What the rehearsal uses of its scratch session. */
export type ScratchSession = Pick<LabSession, 'build' | 'engine'>;

/** Tar bytes compressed per piece. */
const SLICE = 1 << 20;

/**
 * The rehearsal's scratch for a lab on `store`: `make` makes the session (on the catalog and
 * store given).
 */
export function rehearsalScratch(
  catalog: PackageCatalog,
  store: ImageStoreKind,
  make: (catalog: PackageCatalog, store: ImageStoreKind) => ScratchSession,
): Scratch {
  let looking = false;
  let seen: { packages: readonly CatalogPackage[]; now: number } | undefined;
  const unpacking = (packages: readonly CatalogPackage[], now: number): boolean => {
    if (!looking) return true;
    seen ??= { packages, now };
    return false;
  };
  // Read through: the catalog's lists keep loading into the original.
  const session = make(
    Object.create(catalog, { unpacking: { value: unpacking } }) as PackageCatalog,
    'overlay2',
  );
  const compressed = new Set<Layer>();
  let last: BuildResult | undefined;
  let built = '';
  return {
    build: (input) => {
      built = input.dockerfile;
      last = session.build(input);
    },
    before: (input) => {
      const added = input.dockerfile.startsWith(built)
        ? input.dockerfile.slice(built.length)
        : input.dockerfile;
      if (!APT_INSTALL.test(added)) return [];
      looking = true;
      seen = undefined;
      try {
        session.build(input);
      } finally {
        looking = false;
      }
      const { packages, now } = seen ?? { packages: [], now: 0 };
      return packages.map((p) => () => preparePackage(p, now));
    },
    after: () => {
      const id = last?.build.image?.id;
      if (store !== 'containerd' || !id) return [];
      const layers = session.engine.images.get(id)?.layers ?? [];
      const fresh = layers.filter((l) => !compressed.has(l));
      for (const l of fresh) compressed.add(l);
      return slices(fresh);
    },
  };
}

/** A RUN that may install packages with apt (looking ahead at any other RUN would cost a build). */
const APT_INSTALL = /(^|\n)\s*RUN\b[\s\S]*\bapt(-get)?\b[\s\S]*\binstall\b/i;

/** The layers compressed a slice per piece. */
function* slices(layers: readonly Layer[]): Generator<() => void, void, void> {
  for (const layer of layers) {
    const steps = compressing(layer, {}, SLICE);
    let done = false;
    while (!done)
      yield () => {
        // A slice that fails ends this layer (the learner's build compresses it then).
        done = true;
        done = steps.next().done === true;
      };
  }
}
