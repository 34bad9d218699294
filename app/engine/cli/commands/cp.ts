/**
 * `docker cp` both ways. The host side is the CLI's workspace: the build context files it can
 * read (for the page, the lab's files) and the files it writes back. Wording follows the
 * docker 20.10 CLI: silent on success, `Error: No such container:path: ...` for what is missing.
 */
import type { ContextFile } from '../../build/context.ts';
import {
  cleanPath,
  readEntries,
  statIn,
  writeEntries,
  type CopyEntry,
} from '../../containers/copy.ts';
import type { Container } from '../../containers/container.ts';
import type { Engine } from '../../daemon/engine.ts';
import { parseArgs } from '../argv.ts';
import { fail, ok, usageError, type CliHost, type CliResult, type Command } from '../types.ts';

const USAGE =
  'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH';
const SUMMARY = 'Copy files/folders between a container and the local filesystem';

/** docker's splitCpArg: a local path when absolute or starting with `.`, else CONTAINER:PATH. */
function splitArg(arg: string): { container: string | undefined; path: string } {
  if (arg.startsWith('/') || arg.startsWith('.')) return { container: undefined, path: arg };
  const i = arg.indexOf(':');
  return i < 0
    ? { container: undefined, path: arg }
    : { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

/** A host path relative to the workspace root ('' is the root itself). */
function hostPath(p: string): string {
  return p
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

const join = (dir: string, name: string) => (dir ? (name ? `${dir}/${name}` : dir) : name);
const baseName = (p: string) => p.split('/').filter(Boolean).pop() ?? '';
const endsWithDot = (p: string) => p === '.' || p.endsWith('/.');

function notFound(ref: string, path: string): CliResult {
  return fail(`Error: No such container:path: ${ref}:${path}`);
}

function hostFiles(host: CliHost): readonly ContextFile[] {
  const ctx = host.readContext('.', undefined);
  return 'error' in ctx ? [] : ctx.files;
}

function fromContainer(
  c: Container,
  ref: string,
  src: string,
  dst: string,
  host: CliHost,
  follow: boolean,
): CliResult {
  const from = cleanPath(src);
  const kind = statIn(c, from, follow);
  if (!kind) return notFound(ref, src);
  const files = hostFiles(host);
  const to = hostPath(dst);
  const dstIsFile = to !== '' && files.some((f) => f.path === to);
  const dstIsDir = to === '' || files.some((f) => f.path.startsWith(`${to}/`));
  let base: string;
  if (kind === 'dir') {
    if (dstIsFile) return fail('cannot copy directory');
    base = dstIsDir && !endsWithDot(src) ? join(to, baseName(from)) : to;
  } else if (dstIsDir) base = join(to, baseName(from));
  else if (dst.endsWith('/')) return fail('no such directory');
  else base = to;
  for (const e of readEntries(c, from, follow)) {
    // The workspace holds regular files only: directories are implied, links have no place.
    if (e.type !== 'file') continue;
    try {
      host.writeFile(join(base, e.path), e.data);
    } catch (err) {
      return fail(`open ${join(base, e.path)}: ${(err as Error).message}`);
    }
  }
  return ok();
}

/** The entries of a workspace path as a tar of it would hold them, or undefined if missing. */
function workspaceEntries(files: readonly ContextFile[], from: string): CopyEntry[] | undefined {
  const enc = new TextEncoder();
  const entry = (path: string, f: ContextFile): CopyEntry => ({
    path,
    type: f.symlink !== undefined ? 'symlink' : 'file',
    mode: f.mode ?? 0o644,
    data: typeof f.content === 'string' ? enc.encode(f.content) : f.content,
    target: f.symlink ?? '',
  });
  const exact = files.find((f) => f.path === from);
  if (exact && from !== '') return [entry('', exact)];
  const prefix = from ? `${from}/` : '';
  const below = files
    .filter((f) => f.path.startsWith(prefix))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  if (below.length === 0 && from !== '') return undefined;
  const out: CopyEntry[] = [
    { path: '', type: 'dir', mode: 0o755, data: new Uint8Array(0), target: '' },
  ];
  const dirs = new Set<string>();
  for (const f of below) {
    const rel = f.path.slice(prefix.length);
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (!dirs.has(d)) {
        dirs.add(d);
        out.push({ path: d, type: 'dir', mode: 0o755, data: new Uint8Array(0), target: '' });
      }
    }
    out.push(entry(rel, f));
  }
  return out;
}

function intoContainer(
  c: Container,
  ref: string,
  src: string,
  dst: string,
  host: CliHost,
): CliResult {
  const from = hostPath(src);
  const entries = workspaceEntries(hostFiles(host), from);
  if (!entries) return fail(`lstat ${src}: no such file or directory`);
  const isDir = entries[0]?.type === 'dir';
  const to = cleanPath(dst);
  const there = statIn(c, to, true);
  let target: string;
  if (there === 'dir') {
    target = isDir && (from === '' || endsWithDot(src)) ? to : cleanPath(baseName(from), to);
  } else if (there !== undefined) {
    if (isDir) return fail('cannot copy directory');
    target = to;
  } else {
    if (!isDir && dst.endsWith('/')) return fail('no such directory');
    const parent = cleanPath('..', to);
    if (statIn(c, parent, true) !== 'dir') return notFound(ref, parent);
    target = to;
  }
  writeEntries(c, target, entries);
  return ok();
}

export const cp: Command = ({ engine, host, argv }) => {
  const args = parseArgs(
    argv,
    [
      { name: 'archive', short: 'a', type: 'bool' },
      { name: 'follow-link', short: 'L', type: 'bool' },
      { name: 'quiet', short: 'q', type: 'bool' },
    ],
    { command: 'cp' },
  );
  if (args.positional.length !== 2) return usageError('cp', 'exactly 2 arguments', USAGE, SUMMARY);
  const [srcArg, dstArg] = args.positional as [string, string];
  const src = splitArg(srcArg);
  const dst = splitArg(dstArg);
  if (src.container !== undefined && dst.container !== undefined)
    return fail('copying between containers is not supported');
  if (src.container === undefined && dst.container === undefined)
    return fail('must specify at least one container source');
  if (srcArg === '-' || dstArg === '-')
    return fail(
      'This terminal cannot stream a tar archive through "-": give a file or directory path instead.',
    );
  const ref = (src.container ?? dst.container)!;
  const c = findContainer(engine, ref);
  if (!c) return notFound(ref, src.container !== undefined ? src.path : dst.path);
  return src.container !== undefined
    ? fromContainer(c, ref, src.path, dst.path, host, args.bool('follow-link'))
    : intoContainer(c, ref, src.path, dst.path, host);
};

function findContainer(engine: Engine, ref: string): Container | undefined {
  return engine.containers.find(ref);
}
