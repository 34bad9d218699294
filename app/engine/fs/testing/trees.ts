import type { DirNode } from '../types.ts';
import { layerFromEntries, type Layer } from '../layer.ts';
import { treeFromEntries } from '../tree.ts';
import type { EntrySpec } from '../tree.ts';

const encoder = new TextEncoder();

/** Bytes of a string, for tests and examples. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * A Debian-like base of about `n` entries: a few wide directories (like /usr/bin and
 * /usr/share/doc) and many narrow ones, files of stored content and content-less sized files.
 */
export function syntheticBase(n: number): DirNode {
  const entries: EntrySpec[] = [
    { path: '/bin', type: 'symlink', target: 'usr/bin' },
    { path: '/etc/os-release', type: 'file', data: 'ID=debian\n' },
    { path: '/tmp', type: 'dir', mode: 0o1777 },
  ];
  for (let i = 0; entries.length < n; i++) {
    if (i % 5 === 0)
      entries.push({ path: `/usr/bin/tool${i}`, type: 'file', mode: 0o755, size: 20_000 + i });
    else if (i % 5 === 1)
      entries.push({
        path: `/usr/share/doc/pkg${i % 400}/changelog${i}`,
        type: 'file',
        data: `pkg ${i}\n`,
      });
    else
      entries.push({
        path: `/usr/lib/x86_64-linux-gnu/lib${i % 300}/m${i}.so`,
        type: 'file',
        size: 1000 + i,
      });
  }
  return treeFromEntries(entries);
}

/**
 * The layers of oracle/observed/bkit.layers.txt (base replaced by a small one): a base, a RUN
 * that writes files, a WORKDIR, and a RUN that deletes a file, deletes a directory and makes
 * an opaque directory.
 */
export function whiteoutStack(): [base: Layer, run1: Layer, workdir: Layer, run2: Layer] {
  return [
    layerFromEntries([{ path: '/etc/passwd', type: 'file', data: 'root\n' }]),
    layerFromEntries([
      { path: '/data/del.txt', type: 'file', data: 'two\n' },
      { path: '/data/f1', type: 'file', data: 'one\n' },
      { path: '/gone/sub/g', type: 'file', data: 'x\n' },
      { path: '/repl/old', type: 'file', data: 'y\n' },
    ]),
    layerFromEntries([{ path: '/app', type: 'dir' }]),
    layerFromEntries([
      { path: '/data/.wh.del.txt', type: 'file' },
      { path: '/data/greet', type: 'file', data: 'hi\n' },
      { path: '/.wh.gone', type: 'file' },
      // The marker comes after the new child here: opaque markers apply first whatever the order.
      { path: '/repl/new', type: 'file', data: 'new\n' },
      { path: '/repl/.wh..wh..opq', type: 'file' },
    ]),
  ];
}
