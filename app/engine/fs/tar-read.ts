import type { EntrySpec } from './tree.ts';
import type { Layer } from './layer.ts';
import { layerFromEntries } from './layer.ts';
import { TarStream, type TarHeader } from './tar-stream.ts';

/** One entry of a tar as read back, with PAX and GNU long-name records applied. */
export interface TarEntry extends TarHeader {
  /** Content of a regular file. */
  readonly data: Uint8Array;
}

const EMPTY: Uint8Array = new Uint8Array(0);

/**
 * Read a tar held in memory into its entries; accepts ustar, PAX (`x`/`g`) and GNU long names
 * (`L`/`K`). Throws a {@link TarFormatError} on a bad header checksum or a truncated archive.
 *
 * @example
 * readTar(writeTar(layer.root)).map((e) => e.name); // ['app/', 'app/a.txt']
 */
export function readTar(bytes: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  const stream = new TarStream((header) => {
    // The whole archive is in memory: an entry's content is one view into it.
    const entry: { -readonly [K in keyof TarEntry]: TarEntry[K] } = { ...header, data: EMPTY };
    out.push(entry);
    const start = stream.position;
    return {
      end() {
        entry.data = bytes.subarray(start, start + header.size);
      },
    };
  });
  stream.push(bytes);
  stream.end();
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
