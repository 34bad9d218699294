/**
 * COPY and ADD: which files a step copies (from the context, another stage or an image), the
 * checksum its cache key is made of, and writing them into the step's layer with Docker's
 * destination rules.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { gunzipSync } from 'fflate';
import { EngineError } from '../common/diagnostics.ts';
import type { SourceRange } from '../common/diagnostics.ts';
import { readTar, type FsNode, type MergedView, type RecordingOverlay } from '../fs/index.ts';
import type { BuildContext } from './context.ts';
import { globToRegExp, matchesIgnore } from './dockerignore.ts';

export interface CopyItem {
  /** Where it came from, for messages and the cache panel (`src/app.py`). */
  source: string;
  /** Path below the destination (`app.py`, `lib/x.py`); '' for a single file. */
  rel: string;
  kind: 'file' | 'dir' | 'symlink';
  data: Uint8Array | undefined;
  size: number;
  digest: string | undefined;
  mode: number;
  uid: number;
  gid: number;
  target: string | undefined;
  /** `content|mode|owner|type`: what the cache compares. */
  checksum: string;
}

export interface Selection {
  items: CopyItem[];
  /** True when a source was a directory or a wildcard: the destination is a directory. */
  many: boolean;
  /**
   * How many paths the sources named once wildcards are expanded. More than one needs a
   * destination ending in `/`; one directory does not.
   */
  sources?: number;
}

const hex = (data: Uint8Array) => bytesToHex(sha256(data)).slice(0, 32);
const clean = (p: string) =>
  p
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');

/** `path.Clean("/" + p)` as BuildKit does, without the slash: `..` stops at the context root. */
function clampToContext(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '' && part !== '.') out.push(part);
  }
  return out.join('/');
}

function itemChecksum(i: Omit<CopyItem, 'checksum'>): string {
  const content = i.data
    ? hex(i.data)
    : i.kind === 'file'
      ? (i.digest ?? `size:${i.size}`)
      : (i.target ?? '');
  return `${content}|${i.mode.toString(8)}|${i.uid}:${i.gid}|${i.kind}`;
}

function withChecksum(i: Omit<CopyItem, 'checksum'>): CopyItem {
  return { ...i, checksum: itemChecksum(i) };
}

function notFound(source: string, range: SourceRange, ignored: boolean): never {
  const path = `/${clean(source)}`;
  throw new EngineError(
    'copy-not-found',
    `failed to compute cache key: "${path}": not found`,
    range,
    {
      classic: `COPY failed: file not found in build context or excluded by .dockerignore: stat ${clean(source)}: file does not exist`,
      hint: ignored
        ? `${clean(source)} is listed in .dockerignore, so it is not sent to the builder.`
        : `Check the file name: COPY paths are relative to the build context, not to the Dockerfile's WORKDIR.`,
    },
  );
}

/** Select files from the build context. `..` cannot leave the context: it is clamped at its root. */
export function selectFromContext(
  ctx: BuildContext,
  sources: readonly string[],
  range: SourceRange,
): Selection {
  const items: CopyItem[] = [];
  let many = sources.length > 1;
  let named = 0;
  for (const source of sources) {
    const path = clampToContext(source);
    const wildcard = /[*?[]/.test(path);
    const roots = wildcard ? matchContext(ctx, path) : [path];
    if (wildcard) many = true;
    let found = false;
    for (const root of roots) {
      const file = ctx.files.get(root);
      if (file || root === '' || ctx.dirs.has(root)) named++;
      if (file) {
        found = true;
        const base = root.split('/').pop()!;
        items.push(
          withChecksum({
            source: root,
            rel: wildcard ? base : '',
            kind: file.type,
            data: file.data,
            size: file.data.length,
            digest: undefined,
            mode: file.mode,
            uid: 0,
            gid: 0,
            target: file.target,
          }),
        );
        continue;
      }
      if (root === '' || ctx.dirs.has(root)) {
        found = true;
        many = true;
        const prefix = root === '' ? '' : `${root}/`;
        const below = [...ctx.files.values()].filter((f) => f.path.startsWith(prefix));
        const dirs = [...ctx.dirs].filter((d) => d.startsWith(prefix));
        for (const d of dirs.sort()) {
          items.push(
            withChecksum({
              source: d,
              rel: d.slice(prefix.length),
              kind: 'dir',
              data: undefined,
              size: 0,
              digest: undefined,
              mode: 0o755,
              uid: 0,
              gid: 0,
              target: undefined,
            }),
          );
        }
        for (const f of below.sort((a, b) => (a.path < b.path ? -1 : 1))) {
          items.push(
            withChecksum({
              source: f.path,
              rel: f.path.slice(prefix.length),
              kind: f.type,
              data: f.data,
              size: f.data.length,
              digest: undefined,
              mode: f.mode,
              uid: 0,
              gid: 0,
              target: f.target,
            }),
          );
        }
      }
    }
    if (!found) notFound(path, range, matchesIgnore(ctx.ignore, path));
  }
  return { items, many, sources: named };
}

function matchContext(ctx: BuildContext, pattern: string): string[] {
  const re = globToRegExp(pattern);
  const all = [...ctx.files.keys(), ...ctx.dirs];
  return all.filter((p) => re.test(p)).sort();
}

/** Select files from another stage's or image's filesystem (`COPY --from`). */
export function selectFromView(
  view: MergedView,
  sources: readonly string[],
  range: SourceRange,
  fromName: string,
): Selection {
  const items: CopyItem[] = [];
  let many = sources.length > 1;
  for (const source of sources) {
    const path = `/${clean(source)}`;
    const node = view.lookup(path);
    if (!node) {
      throw new EngineError(
        'copy-not-found',
        `failed to compute cache key: "${path}": not found`,
        range,
        {
          classic: `COPY failed: stat ${path}: file does not exist`,
          hint: `Stage or image "${fromName}" has no ${path}. List it with a RUN ls in that stage to check.`,
        },
      );
    }
    if (node.type === 'dir') {
      many = true;
      walkNode(node, '', (rel, n) => items.push(nodeItem(`${path}/${rel}`, rel, n)));
    } else items.push(nodeItem(path, '', node));
  }
  return { items, many, sources: sources.length };
}

function walkNode(
  dir: Extract<FsNode, { type: 'dir' }>,
  prefix: string,
  visit: (rel: string, n: FsNode) => void,
): void {
  for (const name of [...dir.children.keys()].sort()) {
    const child = dir.children.get(name) as FsNode;
    const rel = prefix ? `${prefix}/${name}` : name;
    visit(rel, child);
    if (child.type === 'dir') walkNode(child, rel, visit);
  }
}

function nodeItem(source: string, rel: string, n: FsNode): CopyItem {
  return withChecksum({
    source,
    rel,
    kind: n.type,
    data: n.type === 'file' ? n.data : undefined,
    size: n.type === 'file' ? n.size : 0,
    digest: n.type === 'file' ? n.digest : undefined,
    mode: n.mode,
    uid: n.uid,
    gid: n.gid,
    target: n.type === 'symlink' ? n.target : undefined,
  });
}

/** Heredoc sources (`COPY <<EOF /app/x`): inline files. */
export function selectHeredocs(heredocs: readonly { name: string; content: string }[]): Selection {
  const enc = new TextEncoder();
  return {
    items: heredocs.map((h) => {
      const data = enc.encode(h.content);
      return withChecksum({
        // One file named after its delimiter: at the destination itself, or inside it when the
        // destination is a directory (`COPY <<EOF /dir/` makes /dir/EOF), as BuildKit does.
        source: h.name,
        rel: '',
        kind: 'file',
        data,
        size: data.length,
        digest: undefined,
        mode: 0o644,
        uid: 0,
        gid: 0,
        target: undefined,
      });
    }),
    many: heredocs.length > 1,
  };
}

/** `file:<sha256>` / `dir:<sha256>`: the classic builder's name for what a COPY copied. */
export function classicSourceName(sel: Selection): string {
  const digest = bytesToHex(
    sha256(new TextEncoder().encode(sel.items.map((i) => `${i.rel}\0${i.checksum}`).join('\n'))),
  );
  const single = sel.items.length === 1 && !sel.many;
  return `${single ? 'file' : sel.items.length > 1 && !sel.items.some((i) => i.kind === 'dir') && sel.many ? 'multi' : 'dir'}:${digest}`;
}

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
