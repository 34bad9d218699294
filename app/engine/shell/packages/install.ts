import type { ShellFs } from '../../fs/index.ts';
import type { Shell } from '../state.ts';
import { prepareTree, writeInBulk, type Writer } from './bulk.ts';
import type { CatalogFile } from './catalog.ts';

/**
 * Writes a package's files under `root` (sized unless the catalog gives content), as dpkg
 * unpacks them: in one merge of the package's tree when it can (bulk.ts), else one by one.
 * `key` names the file list for the memo of trees (default: the list itself; pass the package
 * when the list is made afresh on each call). Returns the bytes the catalog gives the files.
 *
 * @example
 * installFiles(sh, builtinCatalog.apt.lookup('curl')?.files ?? []);
 */
export function installFiles(
  sh: Shell,
  files: CatalogFile[],
  root = '',
  key: { key: object; tag: string } = { key: files, tag: '' },
): number {
  writeInBulk(sh, key.key, `install:${key.tag}:${root}`, entriesWriter(files, root), 'replace');
  let bytes = 0;
  for (const f of files) if ((f.type ?? 'file') === 'file') bytes += f.size;
  return bytes;
}

/** Makes ahead of time the tree `installFiles(sh, files)` merges in a shell at `now`. */
export function prepareFiles(files: CatalogFile[], now: number): void {
  prepareTree(files, 'install::', now, entriesWriter(files, ''));
}

function entriesWriter(files: CatalogFile[], root: string): Writer {
  return (fs, tick) => writeEntries(fs, files, root, tick);
}

/** Writes the entries one by one: `mkdir -p` of each parent, then the entry. */
function writeEntries(fs: ShellFs, files: CatalogFile[], root: string, tick: () => void): void {
  for (const f of files) {
    tick();
    const path = `${root}${f.path.startsWith('/') || root === '' ? '' : '/'}${f.path}`;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    fs.mkdir(parent, { recursive: true });
    const type = f.type ?? 'file';
    if (type === 'dir') {
      fs.mkdir(path, { recursive: true, ...(f.mode !== undefined ? { mode: f.mode } : {}) });
      continue;
    }
    if (type === 'symlink') {
      if (fs.exists(path) || isLink(fs, path)) fs.unlink(path);
      fs.symlink(f.target ?? '', path);
      continue;
    }
    const mode = f.mode ?? (/\/s?bin\//.test(path) ? 0o755 : 0o644);
    if (f.content !== undefined) fs.writeFile(path, new TextEncoder().encode(f.content), { mode });
    else fs.writeSizedFile(path, f.size, { mode });
    fs.chmod(path, mode);
  }
}

function isLink(fs: ShellFs, path: string): boolean {
  try {
    return fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

/**
 * Size as apt prints it (SI units: `390 kB`, `13.1 MB`).
 *
 * @example
 * aptSize(390_000); // '390 kB'
 * aptSize(13_100_000); // '13.1 MB'
 */
export function aptSize(bytes: number): string {
  const ext = ['', 'k', 'M', 'G', 'T'];
  let n = bytes;
  for (let i = 0; i < ext.length; i++) {
    if (n < 100 && i !== 0) return `${n.toFixed(1)} ${ext[i]}B`;
    if (n < 10000) return `${Math.round(n)} ${ext[i]}B`;
    n /= 1000;
  }
  return `${Math.round(n)} PB`;
}

/**
 * Wraps package names as apt lists them: two-space indent, lines up to 80 columns.
 *
 * @example
 * aptList(['curl', 'libcurl4']); // '  curl libcurl4\n'
 */
export function aptList(names: string[]): string {
  const out: string[] = [];
  let line = ' ';
  for (const n of names) {
    if (line.length + n.length + 1 > 79 && line.trim() !== '') {
      out.push(line);
      line = ' ';
    }
    line += ` ${n}`;
  }
  out.push(line);
  return out.join('\n') + '\n';
}
