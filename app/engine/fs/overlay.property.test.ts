import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FsError } from './port.ts';
import type { DirNode } from './types.ts';
import type { Layer } from './layer.ts';
import { MergedView } from './merge.ts';
import { openOverlay } from './overlay.ts';
import { layerFromTar } from './tar-read.ts';
import { writeTar } from './tar-write.ts';
import { lookup, walk } from './tree.ts';
import { utf8 } from './testing/trees.ts';

type Op =
  | { op: 'write'; path: string; text: string }
  | { op: 'mkdir'; path: string }
  | { op: 'unlink'; path: string }
  | { op: 'rmrf'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'symlink'; path: string; target: string };

/** The model: a plain map of path -> description, no layers, no sharing. */
type Model = Map<string, string>;

const name = fc.constantFrom('a', 'b', 'c');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((p) => '/' + p.join('/'));
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('write' as const), path, text: fc.string({ maxLength: 3 }) }),
  fc.record({ op: fc.constant('mkdir' as const), path }),
  fc.record({ op: fc.constant('unlink' as const), path }),
  fc.record({ op: fc.constant('rmrf' as const), path }),
  fc.record({ op: fc.constant('rename' as const), from: path, to: path }),
  fc.record({
    op: fc.constant('chmod' as const),
    path,
    mode: fc.constantFrom(0o600, 0o644, 0o755),
  }),
);
// Link targets point below directories that never exist, so the model needs no path
// resolution: writing to or below a link fails as it does through a dangling link.
const linkArb = fc.record({
  op: fc.constant('symlink' as const),
  path,
  target: fc.constantFrom('/nowhere/x', '../gone/y', 'missing/z'),
});
const stepsArb = fc.array(fc.array(fc.oneof(opArb, linkArb), { maxLength: 8 }), {
  minLength: 1,
  maxLength: 5,
});

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';
const isDir = (m: Model, p: string): boolean => p === '/' || m.get(p)?.startsWith('dir') === true;
const under = (p: string, root: string): boolean => p.startsWith(root + '/');

/** Apply an op to the model; false when POSIX would refuse it. */
function applyModel(m: Model, o: Op): boolean {
  switch (o.op) {
    case 'write': {
      if (!isDir(m, parentOf(o.path)) || isDir(m, o.path)) return false;
      const old = m.get(o.path);
      if (old?.startsWith('symlink')) return false;
      const mode = old ? old.split(' ')[1]! : '644';
      m.set(o.path, `file ${mode} ${JSON.stringify(o.text)}`);
      return true;
    }
    case 'mkdir':
      if (!isDir(m, parentOf(o.path)) || m.has(o.path)) return false;
      m.set(o.path, 'dir 755');
      return true;
    case 'unlink':
      if (!m.has(o.path) || isDir(m, o.path)) return false;
      m.delete(o.path);
      return true;
    case 'rmrf':
      if (!isDir(m, o.path)) return false;
      for (const k of [...m.keys()]) if (k === o.path || under(k, o.path)) m.delete(k);
      return true;
    case 'symlink':
      if (!isDir(m, parentOf(o.path)) || m.has(o.path)) return false;
      m.set(o.path, `symlink -> ${o.target}`);
      return true;
    case 'chmod': {
      const old = m.get(o.path);
      // chmod follows a link, and these all dangle.
      if (!old || old.startsWith('symlink')) return false;
      const [type, , ...rest] = old.split(' ');
      m.set(o.path, [type, o.mode.toString(8), ...rest].join(' '));
      return true;
    }
    case 'rename': {
      const src = m.get(o.from);
      if (!src || !isDir(m, parentOf(o.to)) || under(o.to, o.from)) return false;
      if (o.from === o.to) return true;
      const dst = m.get(o.to);
      const srcDir = src.startsWith('dir');
      if (dst && srcDir !== dst.startsWith('dir')) return false;
      if (dst && [...m.keys()].some((k) => under(k, o.to))) return false;
      const moved = [...m].filter(([k]) => k === o.from || under(k, o.from));
      for (const [k] of moved) m.delete(k);
      for (const [k, v] of moved) m.set(o.to + k.slice(o.from.length), v);
      return true;
    }
  }
}

function applyFs(fs: ReturnType<typeof openOverlay>, o: Op): void {
  if (o.op === 'write') fs.writeFile(o.path, utf8(o.text));
  else if (o.op === 'mkdir') fs.mkdir(o.path);
  else if (o.op === 'unlink') fs.unlink(o.path);
  else if (o.op === 'rmrf') fs.rmdir(o.path, { recursive: true });
  else if (o.op === 'chmod') fs.chmod(o.path, o.mode);
  else if (o.op === 'symlink') fs.symlink(o.target, o.path);
  else fs.rename(o.from, o.to);
}

function flatten(root: DirNode): Model {
  const out: Model = new Map();
  for (const { parts, node } of walk(root)) {
    const p = '/' + parts.join('/');
    if (node.type === 'dir') out.set(p, `dir ${node.mode.toString(8)}`);
    else if (node.type === 'file') {
      const text = new TextDecoder().decode(node.data ?? new Uint8Array(node.size));
      out.set(p, `file ${node.mode.toString(8)} ${JSON.stringify(text)}`);
    } else if (node.type === 'symlink') out.set(p, `symlink -> ${node.target}`);
    else out.set(p, node.type);
  }
  return out;
}

/** Whiteout and opaque rules: each one stands for something the lower view had. */
function checkMarkers(layer: Layer, lower: DirNode): void {
  for (const r of layer.records()) {
    if (r.kind === 'whiteout') expect(lookup(lower, r.path), `whiteout ${r.name}`).toBeDefined();
    if (r.kind === 'opaque') expect(lookup(lower, r.path), `opaque ${r.name}`).toBeDefined();
  }
}

describe('overlay against a plain map model', () => {
  it('stacking the committed layers equals replaying the operations', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const model: Model = new Map();
        let view = MergedView.empty;
        const reread: Layer[] = [];
        for (const ops of steps) {
          const fs = openOverlay(view);
          const startedWith = new Map(model);
          for (const o of ops) {
            const before = new Map(model);
            const ok = applyModel(model, o);
            let threw: FsError | undefined;
            try {
              applyFs(fs, o);
            } catch (e) {
              if (!(e instanceof FsError)) throw e;
              threw = e;
            }
            if (threw?.code === 'EXDEV') {
              // Overlay refuses to move a directory from a lower layer; the model keeps still.
              expect(o.op === 'rename' && startedWith.get(o.from)?.startsWith('dir')).toBe(true);
              model.clear();
              for (const [k, v] of before) model.set(k, v);
              continue;
            }
            expect(threw === undefined, `${JSON.stringify(o)}: ${threw?.message}`).toBe(ok);
          }
          const layer = fs.commit();
          checkMarkers(layer, view.root);
          view = view.push(layer);
          expect(flatten(view.root)).toEqual(model);
          // The same stack read back from tars gives the same filesystem.
          reread.push(layerFromTar(writeTar(layer.root, { mtime: 'preserve' })));
        }
        expect(flatten(MergedView.of(reread).root)).toEqual(model);
      }),
      { numRuns: 500 },
    );
  });

  it('deleting a lower directory writes one whiteout and nothing below it', () => {
    fc.assert(
      fc.property(fc.array(path, { minLength: 1, maxLength: 10 }), name, (files, top) => {
        const fs = openOverlay(MergedView.empty);
        for (const f of files) fs.mkdir('/' + top + f, { recursive: true });
        const view = MergedView.of([fs.commit()]);
        const step = openOverlay(view);
        step.rmdir('/' + top, { recursive: true });
        expect([...step.commit().records()].map((r) => r.name)).toEqual(['.wh.' + top]);
        step.mkdir('/' + top);
        expect([...step.commit().records()].map((r) => r.name)).toEqual([
          top + '/',
          `${top}/.wh..wh..opq`,
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
