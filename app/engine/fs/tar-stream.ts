/**
 * A tar read as it arrives, chunk by chunk: ustar, PAX (`x`/`g` records) and GNU long names
 * (`L`/`K`), GNU base-256 numbers. Headers are announced as they complete; an entry's content
 * is handed on in the pieces it came in (views into the caller's chunks, never copied), so a
 * multi-gigabyte archive is read in constant memory. `readTar` (tar-read.ts) is this reader
 * over one buffer.
 */
import { concatBytes } from './bytes.ts';

/** One entry's header, with PAX and GNU long-name records applied. */
export interface TarHeader {
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
  /** Byte offset of the header in the archive. */
  readonly offset: number;
}

/** Receives one entry's content; both methods are optional. */
export interface TarEntrySink {
  /** A piece of the content: a view into the pushed chunk, valid only during the call. */
  data?(chunk: Uint8Array): void;
  end?(): void;
}

/** What went wrong in a tar, as a code and a sentence. */
export class TarFormatError extends Error {
  readonly code: 'not-a-tar' | 'bad-header' | 'truncated' | 'too-large';
  /** Byte offset in the archive. */
  readonly offset: number;
  constructor(code: TarFormatError['code'], offset: number, message: string) {
    super(message);
    this.name = 'TarFormatError';
    this.code = code;
    this.offset = offset;
  }
}

export const TAR_BLOCK = 512;
/** PAX and GNU long-name records larger than this are refused (real ones are a few hundred bytes). */
const MAX_META = 1 << 20;
const decoder = new TextDecoder();

/**
 * A push-based tar reader.
 *
 * @example
 * const names: string[] = [];
 * const tar = new TarStream((h) => { names.push(h.name); return undefined; });
 * for (const chunk of chunks) tar.push(chunk);
 * tar.end();
 */
export class TarStream {
  private readonly onEntry: (header: TarHeader) => TarEntrySink | undefined;
  private readonly head = new Uint8Array(TAR_BLOCK);
  private headFill = 0;
  /** Bytes of content (and then padding) still to come for the current entry. */
  private remaining = 0;
  private padding = 0;
  private sink: TarEntrySink | undefined;
  /** PAX or GNU long-name content being gathered. */
  private meta: { flag: string; parts: Uint8Array[]; size: number } | undefined;
  private pax: Record<string, string> = {};
  private global: Record<string, string> = {};
  private longName: string | undefined;
  private longLink: string | undefined;
  private offset = 0;
  private headerOffset = 0;
  private entries = 0;
  private done = false;

  constructor(onEntry: (header: TarHeader) => TarEntrySink | undefined) {
    this.onEntry = onEntry;
  }

  /** Bytes consumed so far. */
  get position(): number {
    return this.offset;
  }

  /** True once the end-of-archive block was read (the rest is ignored, as tar does). */
  get finished(): boolean {
    return this.done;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length && !this.done) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - at);
        this.content(chunk.subarray(at, at + n));
        this.remaining -= n;
        at += n;
        this.offset += n;
        if (this.remaining === 0) this.endContent();
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - at);
        this.padding -= n;
        at += n;
        this.offset += n;
        continue;
      }
      const n = Math.min(TAR_BLOCK - this.headFill, chunk.length - at);
      if (this.headFill === 0) this.headerOffset = this.offset;
      this.head.set(chunk.subarray(at, at + n), this.headFill);
      this.headFill += n;
      at += n;
      this.offset += n;
      if (this.headFill === TAR_BLOCK) {
        this.headFill = 0;
        this.header();
      }
    }
  }

  /** The input is over: an archive cut short (mid-entry or without any header) is an error. */
  end(): void {
    if (this.done) return;
    if (this.remaining > 0 || this.headFill > 0 || this.meta)
      throw new TarFormatError(
        'truncated',
        this.offset,
        `the archive ends in the middle of an entry (after ${this.offset} bytes)`,
      );
    // A missing end-of-archive marker after whole entries is accepted, as GNU tar does.
    this.done = true;
  }

  private header(): void {
    const h = this.head;
    if (isZeroBlock(h)) {
      // The end-of-archive marker (two zero blocks; one is enough to stop).
      this.done = true;
      return;
    }
    if (!checksumOk(h)) {
      throw new TarFormatError(
        this.entries === 0 ? 'not-a-tar' : 'bad-header',
        this.headerOffset,
        this.entries === 0
          ? 'the file does not start with a tar header'
          : `the tar header at byte ${this.headerOffset} is damaged (its checksum does not match)`,
      );
    }
    this.entries++;
    const flag = String.fromCharCode(h[156]!);
    const recs = { ...this.global, ...this.pax };
    const sizeField = octal(h, 124, 12);
    const size = recs.size !== undefined ? Number(recs.size) : sizeField;
    if (!Number.isSafeInteger(size) || size < 0)
      throw new TarFormatError(
        'bad-header',
        this.headerOffset,
        `the tar header at byte ${this.headerOffset} declares an impossible size`,
      );
    this.remaining = size;
    this.padding = (TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > MAX_META)
        throw new TarFormatError(
          'too-large',
          this.headerOffset,
          `a tar metadata record at byte ${this.headerOffset} is ${size} bytes long (real ones are a few hundred)`,
        );
      this.meta = { flag, parts: [], size };
      if (size === 0) this.endContent();
      return;
    }
    const prefix = str(h, 345, 155);
    const plain = str(h, 0, 100);
    const magic = str(h, 257, 6);
    const name =
      recs.path ?? this.longName ?? (magic === 'ustar' && prefix ? `${prefix}/${plain}` : plain);
    const header: TarHeader = {
      name,
      type: typeOf(flag, name),
      typeflag: flag,
      mode: octal(h, 100, 8) & 0o7777,
      uid: recs.uid !== undefined ? Number(recs.uid) : octal(h, 108, 8),
      gid: recs.gid !== undefined ? Number(recs.gid) : octal(h, 116, 8),
      size,
      mtime: recs.mtime !== undefined ? Math.floor(Number(recs.mtime)) : octal(h, 136, 12),
      linkname: recs.linkpath ?? this.longLink ?? str(h, 157, 100),
      uname: recs.uname ?? str(h, 265, 32),
      gname: recs.gname ?? str(h, 297, 32),
      offset: this.headerOffset,
    };
    this.pax = {};
    this.longName = undefined;
    this.longLink = undefined;
    this.sink = this.onEntry(header);
    if (size === 0) this.endContent();
  }

  private content(piece: Uint8Array): void {
    if (this.meta) {
      this.meta.parts.push(piece.slice());
      return;
    }
    this.sink?.data?.(piece);
  }

  private endContent(): void {
    const meta = this.meta;
    if (meta) {
      this.meta = undefined;
      const data = concatBytes(meta.parts);
      if (meta.flag === 'x') this.pax = parsePax(data);
      else if (meta.flag === 'g') this.global = { ...this.global, ...parsePax(data) };
      else {
        const text = decoder.decode(data).replace(/\0.*$/s, '');
        if (meta.flag === 'L') this.longName = text;
        else this.longLink = text;
      }
      return;
    }
    const sink = this.sink;
    this.sink = undefined;
    sink?.end?.();
  }
}

function isZeroBlock(h: Uint8Array): boolean {
  for (let i = 0; i < h.length; i++) if (h[i] !== 0) return false;
  return true;
}

/**
 * Whether a 512-byte block is a tar header (its checksum adds up) or the all-zero end block.
 *
 * @example
 * looksLikeTar(bytes.subarray(0, 512)); // true for any tar
 */
export function looksLikeTar(block: Uint8Array): boolean {
  return (
    block.length >= TAR_BLOCK && (isZeroBlock(block.subarray(0, TAR_BLOCK)) || checksumOk(block))
  );
}

function typeOf(flag: string, name: string): TarHeader['type'] {
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

function checksumOk(h: Uint8Array): boolean {
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  const field = str(h, 148, 8).trim();
  return field !== '' && /^[0-7]+$/.test(field) && sum === parseInt(field, 8);
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
