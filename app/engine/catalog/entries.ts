/**
 * Reads the catalog's compact listings (see ENTRY_LINE in format.ts) into filesystem entries
 * (for image layers) or package files (for apt, pip, npm).
 */
import type { EntrySpec } from '../fs/index.ts';
import type { CatalogFile } from '../shell/packages/catalog.ts';

export interface ListedEntry {
  type: 'f' | 'd' | 'l' | 'h';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  path: string;
  target: string | undefined;
}

export class CatalogFormatError extends Error {
  constructor(where: string, line: number, reason: string) {
    super(`catalog ${where}, line ${line}: ${reason}`);
    this.name = 'CatalogFormatError';
  }
}

const TYPES = new Set(['f', 'd', 'l', 'h']);

/**
 * Parses a listing; a malformed line is a CatalogFormatError naming the file and the line.
 *
 * @example
 * parseListing('f\t644\t0\t0\t12\t/etc/hostname', 'debian')[0]?.size; // 12
 */
export function parseListing(text: string, where: string): ListedEntry[] {
  const out: ListedEntry[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const f = line.split('\t');
    const [type, mode, uid, gid, size, path, target] = f;
    const bad = (reason: string): never => {
      throw new CatalogFormatError(where, i + 1, reason);
    };
    if (f.length < 6 || f.length > 7) bad(`expected 6 or 7 tab-separated fields, got ${f.length}`);
    if (!type || !TYPES.has(type)) bad(`unknown entry type ${JSON.stringify(type)}`);
    const num = (s: string | undefined, radix: number, name: string): number => {
      const n = Number.parseInt(s ?? '', radix);
      return Number.isFinite(n) && n >= 0 ? n : bad(`${name} ${JSON.stringify(s)} is not a number`);
    };
    if (!path) bad('empty path');
    if ((type === 'l' || type === 'h') && !target) bad(`${path} needs a link target`);
    out.push({
      type: type as ListedEntry['type'],
      mode: num(mode, 8, 'mode'),
      uid: num(uid, 10, 'uid'),
      gid: num(gid, 10, 'gid'),
      size: num(size, 10, 'size'),
      path: path!,
      target: target || undefined,
    });
  }
  return out;
}

/**
 * Layer entries from a listing: small files get their stored content, the others only a size
 * (they read as zero bytes, which is all a simulator needs of a binary).
 */
export function* layerEntries(
  listing: readonly ListedEntry[],
  contents: Readonly<Record<string, string>>,
): Generator<EntrySpec> {
  for (const e of listing) {
    const meta = { mode: e.mode, uid: e.uid, gid: e.gid };
    if (e.type === 'd') yield { path: e.path, type: 'dir', ...meta };
    else if (e.type === 'l') yield { path: e.path, type: 'symlink', target: e.target!, ...meta };
    else if (e.type === 'h') yield { path: e.path, type: 'hardlink', target: e.target! };
    else {
      const text = contents[e.path];
      yield text !== undefined
        ? { path: e.path, type: 'file', data: text, ...meta }
        : { path: e.path, type: 'file', size: e.size, ...meta };
    }
  }
}

/**
 * Package files from a listing, as the shell's package managers install them. Hard links
 * become copies (a package manager writes them as files of the same size).
 */
export function packageFiles(
  listing: readonly ListedEntry[],
  contents: Readonly<Record<string, string>> = {},
): CatalogFile[] {
  const sizes = new Map(listing.map((e) => [e.path, e.size]));
  return listing.map((e): CatalogFile => {
    if (e.type === 'd') return { path: e.path, size: 0, type: 'dir', mode: e.mode };
    if (e.type === 'l') return { path: e.path, size: 0, type: 'symlink', target: e.target! };
    const size = e.type === 'h' ? (sizes.get(e.target!) ?? 0) : e.size;
    const content = contents[e.path];
    return {
      path: e.path,
      size: content !== undefined ? new TextEncoder().encode(content).length : size,
      mode: e.mode,
      ...(content !== undefined ? { content } : {}),
    };
  });
}
