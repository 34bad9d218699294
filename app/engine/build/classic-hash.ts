/**
 * The legacy builder's name for what a COPY or ADD copied from the build context, as its
 * history shows it (`COPY file:<hex> in /a.txt`). moby v28.5.2 builder/remotecontext
 * (filehash.go, lazycontext.go) and builder/dockerfile (copy.go, internals.go): each path's
 * hash is sha256 of its tarsum v1 header (name, mode, uid, gid, size, typeflag, linkname,
 * uname, gname, devmajor, devminor; no mtime) followed by its content; a directory is `dir:`
 * and the sha256 of its entries' hashes, sorted and joined by commas; several sources are
 * `multi:` and the sha256 of their names joined by commas. The context arrives unpacked as root,
 * so uid and gid are 0 and the user names empty.
 */
import { createSha256 } from '../fs/hash.ts';
import type { CopyItem, Selection } from './copy.ts';

const encoder = new TextEncoder();

const hexOf = (...parts: Uint8Array[]) => {
  const h = createSha256();
  for (const p of parts) h.update(p);
  return h.hex();
};

/** tarsum v1's header selection, as pkg/tarsum WriteV1Header writes it. */
function headerText(item: CopyItem): string {
  const typeflag = item.kind === 'dir' ? '5' : item.kind === 'symlink' ? '2' : '0';
  const fields: [string, string][] = [
    ['name', item.kind === 'dir' ? `${item.source}/` : item.source],
    ['mode', String(item.mode & 0o7777)],
    ['uid', '0'],
    ['gid', '0'],
    ['size', String(item.kind === 'file' ? item.size : 0)],
    ['typeflag', typeflag],
    ['linkname', item.kind === 'symlink' ? (item.target ?? '') : ''],
    ['uname', ''],
    ['gname', ''],
    ['devmajor', '0'],
    ['devminor', '0'],
  ];
  return fields.map(([k, v]) => k + v).join('');
}

/** One path's hash: its header, then its bytes. */
function pathHash(item: CopyItem): string {
  const head = encoder.encode(headerText(item));
  return item.kind === 'file' && item.data && item.data.length > 0
    ? hexOf(head, item.data)
    : hexOf(head);
}

const listHash = (prefix: string, hashes: readonly string[]) =>
  `${prefix}:${hexOf(encoder.encode(hashes.join(',')))}`;

/** The root directory of a source as an item (the context gives directories mode 0755). */
const dirItem = (path: string): CopyItem => ({
  source: path,
  rel: '',
  kind: 'dir',
  data: undefined,
  size: 0,
  digest: undefined,
  mode: 0o755,
  uid: 0,
  gid: 0,
  target: undefined,
  checksum: '',
});

/**
 * `file:<hex>`, `dir:<hex>` or `multi:<hex>` for a selection from the build context.
 * @example classicContextName(selectFromContext(ctx, ['a.txt'], range)) // 'file:00ec1633…'
 */
export function classicContextName(sel: Selection & { roots: readonly string[] }): string {
  const names = sel.roots.map((root) => {
    const file = sel.items.find((i) => i.source === root && i.kind !== 'dir');
    if (file) return `file:${pathHash(file)}`;
    const below = sel.items.filter((i) => root === '' || i.source.startsWith(`${root}/`));
    const entries = root === '' ? below : [dirItem(root), ...below];
    return listHash('dir', entries.map(pathHash).sort());
  });
  return names.length === 1 ? names[0]! : listHash('multi', names);
}
