import type { EntrySpec } from './tree.ts';
import type { Layer } from './layer.ts';
import { layerFromEntries } from './layer.ts';

/** One entry of a tar as read back, with PAX and GNU long-name records applied. */
export interface TarEntry {
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** The raw typeflag character. */
  readonly typeflag: string;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtime: number;
  readonly linkname: string;
  readonly uname: string;
  readonly gname: string;
  /** Content of a regular file (a view into the tar's buffer). */
  readonly data: Uint8Array;
}

const decoder = new TextDecoder();
const BLOCK = 512;

/**
 * Read a tar into its entries; accepts ustar, PAX (`x`/`g`) and GNU long names (`L`/`K`).
 * Throws on a bad header checksum or a truncated archive.
 *
 * @example
 * readTar(writeTar(layer.root)).map((e) => e.name); // ['app/', 'app/a.txt']
 */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let at = 0;
  let pax: Record<string, string> = {};
  let global: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (at + BLOCK <= bytes.length) {
    const h = bytes.subarray(at, at + BLOCK);
    if (h.every((x) => x === 0)) break;
    checkSum(h, at);
    const flag = String.fromCharCode(h[156]!);
    const sizeField = octal(h, 124, 12);
    const recs = { ...global, ...pax };
    const size = recs.size !== undefined ? Number(recs.size) : sizeField;
    const dataStart = at + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > bytes.length) throw new Error(`tar: entry at ${at} runs past the end`);
    const data = bytes.subarray(dataStart, dataEnd);
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x' || flag === 'g') {
      const parsed = parsePax(data);
      if (flag === 'x') pax = parsed;
      else global = { ...global, ...parsed };
      continue;
    }
    if (flag === 'L' || flag === 'K') {
      const text = decoder.decode(data).replace(/\0.*$/s, '');
      if (flag === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const prefix = str(h, 345, 155);
    const plain = str(h, 0, 100);
    const magic = str(h, 257, 6);
    const name =
      recs.path ?? longName ?? (magic === 'ustar' && prefix ? `${prefix}/${plain}` : plain);
    out.push({
      name,
      type: typeOf(flag, name),
      typeflag: flag,
      mode: octal(h, 100, 8) & 0o7777,
      uid: recs.uid !== undefined ? Number(recs.uid) : octal(h, 108, 8),
      gid: recs.gid !== undefined ? Number(recs.gid) : octal(h, 116, 8),
      size,
      mtime: recs.mtime !== undefined ? Math.floor(Number(recs.mtime)) : octal(h, 136, 12),
      linkname: recs.linkpath ?? longLink ?? str(h, 157, 100),
      uname: recs.uname ?? str(h, 265, 32),
      gname: recs.gname ?? str(h, 297, 32),
      data,
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return out;
}

function typeOf(flag: string, name: string): TarEntry['type'] {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      return name.endsWith('/') ? 'dir' : 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}

function checkSum(h: Uint8Array, at: number): void {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  if (sum !== octal(h, 148, 8)) throw new Error(`tar: bad header checksum at offset ${at}`);
}

function str(h: Uint8Array, at: number, len: number): string {
  const field = h.subarray(at, at + len);
  const end = field.indexOf(0);
  return decoder.decode(end < 0 ? field : field.subarray(0, end));
}

function octal(h: Uint8Array, at: number, len: number): number {
  // GNU's base-256 form for numbers too big for octal (Go writes it for GNU-format headers).
  if ((h[at]! & 0x80) !== 0) {
    let n = h[at]! & 0x7f;
    for (let i = 1; i < len; i++) n = n * 256 + h[at + i]!;
    return n;
  }
  const text = str(h, at, len).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    let sp = at;
    while (sp < data.length && data[sp] !== 0x20) sp++;
    const len = parseInt(decoder.decode(data.subarray(at, sp)), 10);
    if (!(len > 0)) break;
    const record = decoder.decode(data.subarray(sp + 1, at + len - 1));
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += len;
  }
  return out;
}

/**
 * Read a layer tar back into a {@link Layer}: `.wh.NAME` entries become whiteouts and
 * `.wh..wh..opq` opaque markers, wherever they stand in the tar.
 *
 * @example
 * const again = layerFromTar(writeTar(layer.root, { mtime: 'preserve' }));
 */
export function layerFromTar(bytes: Uint8Array): Layer {
  return layerFromEntries(tarToSpecs(readTar(bytes)));
}

function* tarToSpecs(entries: readonly TarEntry[]): Generator<EntrySpec> {
  for (const e of entries) {
    const path = '/' + e.name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    const meta = { mode: e.mode, uid: e.uid, gid: e.gid, mtime: e.mtime };
    if (e.type === 'dir') yield { path, type: 'dir', ...meta };
    else if (e.type === 'file') yield { path, type: 'file', ...meta, data: e.data.slice() };
    else if (e.type === 'symlink') yield { path, type: 'symlink', ...meta, target: e.linkname };
    else if (e.type === 'hardlink')
      yield { path, type: 'hardlink', target: '/' + e.linkname.replace(/^\.?\/+/, '') };
  }
}
