/**
 * Hand-made tar archives for tests: names our writer would never produce (`../../etc/x`),
 * so archive readers can be tried on hostile input.
 */

export interface CraftEntry {
  name: string;
  type?: 'file' | 'dir' | 'symlink';
  data?: string;
  linkname?: string;
}

const enc = new TextEncoder();

function put(buf: Uint8Array, offset: number, length: number, text: string): void {
  buf.set(enc.encode(text).slice(0, length), offset);
}

const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0';

/**
 * A ustar archive of `entries`, written field by field (POSIX.1-1988 header layout).
 *
 * @example
 * craftTar([{ name: '../escape', data: 'x' }]).length; // 2048
 */
export function craftTar(entries: readonly CraftEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const e of entries) {
    const data = enc.encode(e.data ?? '');
    const h = new Uint8Array(512);
    put(h, 0, 100, e.name);
    put(h, 100, 8, octal(e.type === 'dir' ? 0o755 : 0o644, 8));
    put(h, 108, 8, octal(0, 8));
    put(h, 116, 8, octal(0, 8));
    put(h, 124, 12, octal(e.type === 'file' || e.type === undefined ? data.length : 0, 12));
    put(h, 136, 12, octal(0, 12));
    put(h, 148, 8, '        ');
    put(h, 156, 1, e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0');
    put(h, 157, 100, e.linkname ?? '');
    put(h, 257, 8, 'ustar\x0000');
    let sum = 0;
    for (const b of h) sum += b;
    put(h, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
    blocks.push(h);
    if (e.type === 'file' || e.type === undefined) {
      const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
      body.set(data);
      blocks.push(body);
    }
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
