/**
 * COPY and ADD, second half: writing what was selected (copy.ts) into the step's layer with
 * Docker's destination rules, and ADD's unpacking of local tar archives, never outside the
 * destination.
 */
import { gunzipSync } from 'fflate';
import { EngineError } from '../common/diagnostics.ts';
import type { SourceRange } from '../common/diagnostics.ts';
import { readTar, type RecordingOverlay } from '../fs/index.ts';
import { clampToContext, clean, type CopyItem, type Selection } from './copy.ts';

export interface WriteOptions {
  dest: string;
  workdir: string;
  owner: { uid: number; gid: number } | undefined;
  chmod: number | undefined;
  /** ADD: unpack local tar archives into the destination. */
  unpack: boolean;
  range: SourceRange;
  keyword: 'COPY' | 'ADD';
}

function resolveDest(dest: string, workdir: string): string {
  const abs = dest.startsWith('/') ? dest : `${workdir.replace(/\/$/, '')}/${dest}`;
  return `/${clean(abs.replace(/(^|\/)[^/]+\/\.\.(?=\/|$)/g, ''))}`;
}

/** Write a selection into the step's overlay with Docker's destination rules. */
export function writeSelection(fs: RecordingOverlay, sel: Selection, opts: WriteOptions): void {
  const destAbs = resolveDest(opts.dest, opts.workdir);
  const existing = fs.exists(destAbs) ? fs.stat(destAbs) : undefined;
  const destIsDir = opts.dest.endsWith('/') || opts.dest === '.' || existing?.type === 'dir';
  const files = sel.items.filter((i) => i.kind !== 'dir');
  if (
    ((sel.sources === undefined ? sel.many && files.length > 1 : sel.sources > 1) ||
      (sel.items.length > 1 && sel.items.every((i) => i.rel === ''))) &&
    !destIsDir
  ) {
    throw new EngineError(
      'copy-dest-not-dir',
      `When using ${opts.keyword} with more than one source file, the destination must be a directory and end with a /`,
      opts.range,
    );
  }
  const place = (item: CopyItem) => {
    if (item.rel === '') {
      const base = item.source.split('/').pop()!;
      return destIsDir ? `${destAbs === '/' ? '' : destAbs}/${base}` : destAbs;
    }
    return `${destAbs === '/' ? '' : destAbs}/${item.rel}`;
  };
  if (destIsDir || sel.many) ensureDir(fs, destAbs, opts);
  for (const item of sel.items) {
    const target = place(item);
    ensureDir(fs, target.slice(0, target.lastIndexOf('/')) || '/', opts);
    if (item.kind === 'dir') {
      if (!fs.exists(target)) fs.mkdir(target, { mode: opts.chmod ?? item.mode });
    } else if (opts.unpack && item.data && /\.(tar|tar\.gz|tgz)$/.test(item.source)) {
      unpack(fs, item.data, destIsDir ? destAbs : target, opts);
      continue;
    } else {
      if (fs.exists(target) && fs.lstat(target).type !== 'dir') fs.unlink(target);
      if (item.kind === 'symlink') fs.symlink(item.target ?? '', target);
      else if (item.data) fs.writeFile(target, item.data, { mode: item.mode });
      else
        fs.writeSizedFile(target, item.size, {
          mode: item.mode,
          ...(item.digest ? { digest: item.digest } : {}),
        });
    }
    if (item.kind !== 'symlink') fs.chmod(target, opts.chmod ?? item.mode);
    const owner = opts.owner ?? { uid: item.uid, gid: item.gid };
    // A copied symlink is owned itself; following it could chown another file or loop.
    if (item.kind === 'symlink') fs.lchown(target, owner.uid, owner.gid);
    else fs.chown(target, owner.uid, owner.gid);
  }
}

function ensureDir(fs: RecordingOverlay, dir: string, opts: WriteOptions): void {
  if (dir === '/' || fs.exists(dir)) {
    if (dir !== '/' && fs.stat(dir).type !== 'dir') {
      throw new EngineError(
        'copy-dest-not-dir',
        `cannot copy to non-directory: ${dir}`,
        opts.range,
      );
    }
    return;
  }
  ensureDir(fs, dir.slice(0, dir.lastIndexOf('/')) || '/', opts);
  fs.mkdir(dir, { mode: 0o755 });
  if (opts.owner) fs.chown(dir, opts.owner.uid, opts.owner.gid);
}

function lstatOrNull(fs: RecordingOverlay, path: string): { type: string } | null {
  try {
    return fs.lstat(path);
  } catch {
    return null;
  }
}

/**
 * Refuses a member whose parent directories lead out of the destination through a symlink an
 * earlier member made (`link -> /etc`, then `link/passwd`), in Docker's words.
 */
function staysInside(
  fs: RecordingOverlay,
  dest: string,
  target: string,
  name: string,
  opts: WriteOptions,
): void {
  const root = fs.exists(dest) ? fs.realpath(dest) : dest;
  const parts = target.slice(dest === '/' ? 1 : dest.length + 1).split('/');
  let at = dest === '/' ? '' : dest;
  for (const part of parts.slice(0, -1)) {
    at = `${at}/${part}`;
    if (!fs.exists(at)) return;
    const real = fs.realpath(at);
    if (root !== '/' && real !== root && !real.startsWith(`${root}/`)) {
      throw new EngineError('add-breakout', `"${name}" is outside of "${dest}"`, opts.range);
    }
  }
}

function unpack(fs: RecordingOverlay, data: Uint8Array, dest: string, opts: WriteOptions): void {
  let bytes = data;
  if (data[0] === 0x1f && data[1] === 0x8b) bytes = gunzipSync(data);
  for (const e of readTar(bytes)) {
    // `..` in an archive member stops at the destination, as Docker refuses breakouts.
    const target = `${dest === '/' ? '' : dest}/${clampToContext(e.name)}`;
    if (target === dest) continue;
    staysInside(fs, dest, target, e.name, opts);
    ensureDir(fs, target.slice(0, target.lastIndexOf('/')) || '/', opts);
    if (e.type === 'dir') {
      if (!fs.exists(target)) fs.mkdir(target, { mode: e.mode });
      continue;
    }
    // A later member replaces an earlier one of the same name, as tar does.
    const old = lstatOrNull(fs, target);
    if (old && old.type !== 'dir') fs.unlink(target);
    if (e.type === 'symlink') fs.symlink(e.linkname, target);
    else if (e.type === 'file') fs.writeFile(target, e.data, { mode: e.mode });
  }
}
