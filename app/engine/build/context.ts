/**
 * The build context: the files `docker build` sends, after `.dockerignore`, and the checksums
 * COPY/ADD cache keys are made of (content, name, mode, type, link target; never mtime).
 */
import { createSha256 } from '../fs/hash.ts';
import { matchesIgnore, parseDockerignore, type IgnoreRules } from './dockerignore.ts';

export interface ContextFile {
  /** Relative, `/`-separated (`src/app.py`). */
  path: string;
  content: Uint8Array | string;
  /** Permission bits; 0o644 when absent. */
  mode?: number;
  /** Seconds since the epoch; never part of a cache key. */
  mtime?: number;
  /** A symlink's target, when the entry is a symlink. */
  symlink?: string;
}

export interface ContextEntry {
  path: string;
  type: 'file' | 'symlink';
  data: Uint8Array;
  mode: number;
  mtime: number;
  target: string | undefined;
  /** sha256 over type, mode, link target and content: what the cache looks at for this file. */
  checksum: string;
}

export interface BuildContext {
  /** Files that survive `.dockerignore`, by path. */
  files: ReadonlyMap<string, ContextEntry>;
  /** Directories implied by the files. */
  dirs: ReadonlySet<string>;
  ignore: IgnoreRules;
  /** Bytes sent to the daemon (what classic's "Sending build context" shows). */
  bytes: number;
  /** Paths left out by `.dockerignore`. */
  ignored: string[];
}

const encoder = new TextEncoder();

function normalise(path: string): string {
  return path
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

function checksumOf(
  type: string,
  mode: number,
  target: string | undefined,
  data: Uint8Array,
): string {
  const h = createSha256();
  h.update(encoder.encode(`${type}\0${mode.toString(8)}\0${target ?? ''}\0`));
  h.update(data);
  return h.hex();
}

/**
 * Read the context files, applying `.dockerignore` (the file itself is sent, as Docker does).
 * @example makeContext([{ path: 'app.py', content: 'print(1)' }]).files.get('app.py')?.checksum
 */
export function makeContext(files: readonly ContextFile[]): BuildContext {
  const ignoreFile = files.find((f) => normalise(f.path) === '.dockerignore');
  const ignore = parseDockerignore(
    ignoreFile
      ? typeof ignoreFile.content === 'string'
        ? ignoreFile.content
        : new TextDecoder().decode(ignoreFile.content)
      : '',
  );
  const entries = new Map<string, ContextEntry>();
  const dirs = new Set<string>();
  const ignored: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const path = normalise(f.path);
    if (path === '' || path.split('/').includes('..')) continue;
    if (matchesIgnore(ignore, path)) {
      ignored.push(path);
      continue;
    }
    const data = typeof f.content === 'string' ? encoder.encode(f.content) : f.content;
    const type = f.symlink !== undefined ? 'symlink' : 'file';
    const mode = f.mode ?? 0o644;
    entries.set(path, {
      path,
      type,
      data,
      mode,
      mtime: f.mtime ?? 0,
      target: f.symlink,
      checksum: checksumOf(type, mode, f.symlink, data),
    });
    // tar headers of 512 bytes plus content padded to 512, as the context is sent.
    bytes += 512 + Math.ceil(data.length / 512) * 512;
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  bytes += dirs.size * 512 + 1024;
  return { files: entries, dirs, ignore, bytes, ignored: ignored.sort() };
}

/** The files under a context path: the file itself, or everything below a directory. */
export function filesUnder(ctx: BuildContext, path: string): ContextEntry[] {
  const clean = normalise(path);
  const exact = ctx.files.get(clean);
  if (exact) return [exact];
  const prefix = clean === '' ? '' : `${clean}/`;
  return [...ctx.files.values()]
    .filter((f) => f.path.startsWith(prefix))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** One checksum over a selection of files (names relative to the selection root included). */
export function selectionChecksum(entries: readonly { rel: string; checksum: string }[]): string {
  const h = createSha256();
  for (const e of entries) h.update(encoder.encode(`${e.rel}\0${e.checksum}\n`));
  return `sha256:${h.hex()}`;
}

export { encoder as textEncoder };
