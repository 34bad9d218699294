import { concatBytes } from './bytes.ts';
import type { DirNode } from './types.ts';
import { FIXED_MTIME } from './types.ts';
import type { LayerRecord } from './layer.ts';
import { layerRecords } from './layer.ts';

/** How a layer is written as a tar. */
export interface TarOptions {
  /**
   * mtime written for every entry: a number (seconds) overrides them all; `'preserve'` writes
   * each entry's own. Fixed ({@link FIXED_MTIME}) by default, so a diffID depends only on
   * content, names, modes and owners.
   */
  mtime?: number | 'preserve';
  /** User and group names for owner ids (GNU tar shows them); `root` for 0 by default. */
  names?: (id: number) => string;
  /**
   * `omit` leaves out the zeros written for files whose bytes are not stored (the stream is
   * then no valid tar: only for estimating what the stored part compresses to).
   */
  standIns?: 'zeros' | 'omit';
}

const BLOCK = 512;
/** Content-less files are streamed as this shared zero chunk, never allocated whole. */
const CHUNK = 64 * 1024;
const ZERO_CHUNK = new Uint8Array(CHUNK);
const MAX_OCTAL_SIZE = 0o77777777777;
const MAX_OCTAL_ID = 0o7777777;
const encoder = new TextEncoder();

const defaultNames = (id: number): string => (id === 0 ? 'root' : '');

const TYPEFLAG: Record<LayerRecord['kind'], string> = {
  file: '0',
  dir: '5',
  symlink: '2',
  hardlink: '1',
  whiteout: '0',
  opaque: '0',
};

/**
 * Stream a layer as an uncompressed tar: ustar headers, PAX records for names over 100 bytes,
 * non-ASCII names, long link targets and sizes or ids beyond the octal fields; entries in
 * Docker's order; two zero blocks at the end, no further padding (as Go's archive/tar).
 * Files whose content is not stored are written as zero bytes of their size. Chunks may be
 * shared, read-only buffers (file content, a common zero block): never modify them.
 *
 * @example
 * for (const chunk of tarChunks(layer.root)) hash.update(chunk);
 */
export function* tarChunks(root: DirNode, opts: TarOptions = {}): Generator<Uint8Array> {
  for (const piece of coalesce(rawChunks(root, opts))) yield piece;
}

/**
 * Gather small pieces (headers, small files, padding) into 64 KiB chunks: a hash fed one
 * chunk per entry piece spends more time in calls than in hashing. Large pieces pass through.
 */
function* coalesce(pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  let buf = new Uint8Array(CHUNK);
  let len = 0;
  for (const piece of pieces) {
    if (piece.length >= CHUNK / 2) {
      if (len > 0) yield buf.subarray(0, len);
      if (len > 0) [buf, len] = [new Uint8Array(CHUNK), 0];
      yield piece;
      continue;
    }
    if (len + piece.length > CHUNK) {
      yield buf.subarray(0, len);
      [buf, len] = [new Uint8Array(CHUNK), 0];
    }
    buf.set(piece, len);
    len += piece.length;
  }
  if (len > 0) yield buf.subarray(0, len);
}

/**
 * The mtime a record is written with: fixed by default, the record's own with `'preserve'`.
 * Docker writes opaque markers with a zero mtime whatever the layer's time.
 */
export function entryMtime(r: LayerRecord, opts: TarOptions): number {
  return r.kind === 'opaque'
    ? 0
    : opts.mtime === undefined
      ? FIXED_MTIME
      : opts.mtime === 'preserve'
        ? r.mtime
        : opts.mtime;
}

/**
 * Bytes one record takes in the tar (its header, a PAX header when it needs one, its content
 * padded to the block), computed without writing it.
 *
 * @example
 * entryTarBytes(record, {}); // 512 + 1024 for a 600-byte file
 */
export function entryTarBytes(r: LayerRecord, opts: TarOptions): number {
  const pax = paxFields(r, Math.max(0, Math.floor(entryMtime(r, opts))));
  const paxBytes =
    pax.length === 0
      ? 0
      : BLOCK + blocks(encoder.encode(pax.map(([k, v]) => paxRecord(k, v)).join('')).length);
  return paxBytes + BLOCK + (r.kind === 'file' ? blocks(r.size) : 0);
}

/** The two zero blocks that end a tar. */
export const TAR_END_BYTES = 2 * BLOCK;

const blocks = (n: number) => Math.ceil(n / BLOCK) * BLOCK;

function* rawChunks(root: DirNode, opts: TarOptions): Generator<Uint8Array> {
  const names = opts.names ?? defaultNames;
  for (const r of layerRecords(root)) {
    const mtime = entryMtime(r, opts);
    yield* headerBlocks(r, mtime, names);
    if (r.kind !== 'file' || r.size === 0) continue;
    const data = r.node?.type === 'file' ? r.node.data : undefined;
    if (data) yield data;
    else if (opts.standIns === 'omit') continue;
    else {
      for (let left = r.size; left > 0; left -= ZERO_CHUNK.length) {
        yield left >= ZERO_CHUNK.length ? ZERO_CHUNK : ZERO_CHUNK.subarray(0, left);
      }
    }
    const pad = (BLOCK - (r.size % BLOCK)) % BLOCK;
    if (pad) yield ZERO_CHUNK.subarray(0, pad);
  }
  yield ZERO_CHUNK.subarray(0, 2 * BLOCK);
}

/**
 * The whole tar in one buffer (for `docker save` and tests; use {@link tarChunks} for large
 * layers).
 *
 * @example
 * const bytes = writeTar(layer.root);
 */
export function writeTar(root: DirNode, opts: TarOptions = {}): Uint8Array {
  return concatBytes([...tarChunks(root, opts)]);
}

function* headerBlocks(
  r: LayerRecord,
  mtime: number,
  names: (id: number) => string,
): Generator<Uint8Array> {
  const m = Math.max(0, Math.floor(mtime));
  const pax = paxFields(r, m);
  const link = r.linkname ?? '';
  if (pax.length > 0) {
    const body = encoder.encode(pax.map(([k, v]) => paxRecord(k, v)).join(''));
    yield header({
      name: paxName(r.name),
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: body.length,
      mtime: 0,
      type: 'x',
      linkname: '',
      uname: '',
      gname: '',
    });
    yield body;
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (pad) yield ZERO_CHUNK.subarray(0, pad);
  }
  yield header({
    name: r.name,
    mode: r.mode & 0o7777,
    uid: Math.min(r.uid, MAX_OCTAL_ID),
    gid: Math.min(r.gid, MAX_OCTAL_ID),
    size: r.size > MAX_OCTAL_SIZE ? 0 : r.size,
    mtime: Math.min(m, MAX_OCTAL_SIZE),
    type: TYPEFLAG[r.kind],
    linkname: link,
    uname: names(r.uid),
    gname: names(r.gid),
  });
}

/** What a record needs a PAX header for: names, link targets, sizes, ids or times too long. */
function paxFields(r: LayerRecord, m: number): [string, string][] {
  const pax: [string, string][] = [];
  if (!fitsUstar(r.name)) pax.push(['path', r.name]);
  const link = r.linkname ?? '';
  if (!fitsUstar(link)) pax.push(['linkpath', link]);
  if (r.size > MAX_OCTAL_SIZE) pax.push(['size', String(r.size)]);
  if (r.uid > MAX_OCTAL_ID) pax.push(['uid', String(r.uid)]);
  if (r.gid > MAX_OCTAL_ID) pax.push(['gid', String(r.gid)]);
  if (m > MAX_OCTAL_SIZE) pax.push(['mtime', String(m)]);
  return pax;
}

/** ASCII and at most 100 bytes: fits a ustar name field. */
function fitsUstar(s: string): boolean {
  return s.length <= 100 && isAscii(s);
}

/** Go names the PAX header after the entry, under a `PaxHeaders.0` directory. */
function paxName(name: string): string {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  const slash = trimmed.lastIndexOf('/');
  const dir = slash >= 0 ? trimmed.slice(0, slash + 1) : '';
  return asciiPrefix(dir + 'PaxHeaders.0/' + trimmed.slice(slash + 1), 100);
}

/** A PAX record is `<len> <key>=<value>\n`, where len counts its own digits. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const restLen = encoder.encode(rest).length;
  let len = restLen + String(restLen).length;
  if (String(len).length + restLen !== len) len = restLen + String(len).length;
  return `${len}${rest}`;
}

interface Header {
  name: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  type: string;
  linkname: string;
  uname: string;
  gname: string;
}

function header(h: Header): Uint8Array {
  const b = new Uint8Array(BLOCK);
  putString(b, 0, 100, asciiPrefix(h.name, 100));
  putOctal(b, 100, 8, h.mode);
  putOctal(b, 108, 8, h.uid);
  putOctal(b, 116, 8, h.gid);
  putOctal(b, 124, 12, h.size);
  putOctal(b, 136, 12, h.mtime);
  b.fill(0x20, 148, 156);
  b[156] = h.type.charCodeAt(0);
  putString(b, 157, 100, asciiPrefix(h.linkname, 100));
  putString(b, 257, 8, 'ustar\u000000');
  putString(b, 265, 32, asciiPrefix(h.uname, 32));
  putString(b, 297, 32, asciiPrefix(h.gname, 32));
  putOctal(b, 329, 8, 0);
  putOctal(b, 337, 8, 0);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += b[i]!;
  putString(b, 148, 8, sum.toString(8).padStart(6, '0') + '\u0000 ');
  return b;
}

function putString(b: Uint8Array, at: number, len: number, s: string): void {
  for (let i = 0; i < s.length && i < len; i++) b[at + i] = s.charCodeAt(i) & 0xff;
}

function putOctal(b: Uint8Array, at: number, len: number, n: number): void {
  putString(b, at, len, n.toString(8).padStart(len - 1, '0'));
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The ustar field for a name that goes in PAX: its ASCII characters, cut to the field. */
function asciiPrefix(s: string, len: number): string {
  if (isAscii(s)) return s.slice(0, len);
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) > 0x7f ? '_' : ch;
  return out.slice(0, len);
}
