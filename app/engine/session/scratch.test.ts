import { beforeAll, describe, expect, it } from 'vitest';
import { compressedLayer, compressing } from '../fs/index.ts';
import { gzipTar } from '../fs/digest.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import { lessonImages } from '../lessons/testing/sessions.ts';
import type { PackageCatalog } from '../shell/index.ts';
import { rehearsalTexts } from './rehearsal.ts';
import { rehearsalScratch } from './scratch.ts';
import { LabSession, type SessionOptions } from './session.ts';
import type { BuildInput } from './types.ts';

// Debian with apt and its package lists (the catalog's image, or the lessons' stand-in).
let images: SessionOptions;
beforeAll(async () => {
  images = await lessonImages();
});
const session = (store?: ImageStoreKind, catalog = images.catalog) =>
  new LabSession({ ...images, catalog, clock: () => 100, ...(store ? { store } : {}) });

const DF = [
  'FROM debian:bookworm-slim',
  'RUN apt-get update',
  'RUN apt-get install -y curl',
  'COPY a.txt /a.txt',
  'CMD ["curl"]',
].join('\n');
const files = [{ path: 'a.txt', content: 'mine\n' }];

const input = (dockerfile: string): BuildInput => ({
  dockerfile,
  files,
  builder: 'buildkit',
  noCache: false,
  buildArgs: {},
  tags: [],
});

/** Runs the pieces one after the other, as the rehearsal does; how many there were. */
function run(pieces: Iterable<() => void> | undefined): number {
  let n = 0;
  for (const piece of pieces ?? []) {
    piece();
    n++;
  }
  return n;
}

function scratchOn(store: ImageStoreKind) {
  const made: LabSession[] = [];
  const make = (catalog: PackageCatalog, on: ImageStoreKind) => {
    const s = session(on, catalog);
    made.push(s);
    return s;
  };
  return { scratch: rehearsalScratch(images.catalog, store, make), made };
}

describe('the rehearsal’s scratch session', () => {
  it('looks ahead at an apt install: one piece per package it unpacks, nothing built', () => {
    const { scratch, made } = scratchOn('containerd');
    const [, update, install] = rehearsalTexts(DF);
    scratch.build(input(update!));
    expect(scratch.before?.(input(update!)) ?? []).toHaveLength(0);
    const pieces = [...(scratch.before?.(input(install!)) ?? [])];
    // What the real build unpacks, in a session of its own.
    const real = session();
    const built = real.build(input(install!)).build;
    const unpacked = built.output.match(/^#\d+ [\d.]+ Unpacking /gm) ?? [];
    expect(unpacked.length).toBeGreaterThan(0);
    expect(pieces).toHaveLength(unpacked.length);
    for (const p of pieces) p();
    // The look-ahead stopped apt: the step failed in the scratch and left no image there.
    expect(made[0]!.view().images).toHaveLength(1);
    // The scratch's apt is itself again afterwards: the piece builds, and adds its image.
    scratch.build(input(install!));
    expect(made[0]!.view().images).toHaveLength(2);
  });

  it('builds on overlay2 and compresses the new layers afterwards for a containerd lab', () => {
    const { scratch, made } = scratchOn('containerd');
    expect(made[0]!.store).toBe('overlay2');
    scratch.build(input(rehearsalTexts(DF)[2]!));
    expect(run(scratch.after?.())).toBeGreaterThan(0);
    // Compressed once: the next piece compresses only the layer it adds (a small one).
    scratch.build(input(rehearsalTexts(DF)[3]!));
    expect(run(scratch.after?.())).toBe(1);
    const overlay = scratchOn('overlay2');
    overlay.scratch.build(input(DF));
    expect(run(overlay.scratch.after?.())).toBe(0);
  });

  it('leaves the learner’s first build as it would be without a rehearsal', () => {
    const want = session().build(input(DF));
    const warm = session();
    const pieces = warm.rehearsal({ dockerfile: DF, files })!;
    let n = 0;
    while (!pieces.next().done) n++;
    expect(n).toBeGreaterThan(rehearsalTexts(DF).length);
    const got = warm.build(input(DF));
    expect(got.build.output).toBe(want.build.output);
    expect(got.build.image?.id).toBe(want.build.image?.id);
    expect(got.engine).toEqual(want.engine);
  });
});

describe('compressing', () => {
  it('compresses in slices to what compressedLayer gives, and remembers it', () => {
    // Files no other test copies: a layer compressedLayer has not remembered yet.
    const text = (n: number) =>
      Array.from({ length: 3000 }, (_, i) => `line ${i * 7919} of file ${n}\n`).join('');
    const big = Array.from({ length: 8 }, (_, n) => ({ path: `big/${n}.txt`, content: text(n) }));
    const s = session('overlay2');
    const copy = { ...input('FROM debian:bookworm-slim\nCOPY big /big'), files: big };
    const id = s.build(copy).build.image!.id;
    const layer = s.engine.images.get(id)!.layers.at(-1)!;
    const parts: Uint8Array[] = [];
    gzipTar(layer, {}, (c: Uint8Array) => parts.push(c));
    const size = parts.reduce((n, c) => n + c.length, 0);
    const steps = compressing(layer, {}, 4096);
    let slices = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(step.value.size).toBeGreaterThanOrEqual(size);
    expect(compressedLayer(layer)).toBe(step.value);
  });
});
