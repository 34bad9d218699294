/**
 * Whether a file dropped on the page can be what `docker load` reads: a tar, or a tar
 * compressed with gzip or zstd (docker load unpacks those itself). Read from its first block on
 * the page, so a photo dropped by mistake is told apart at once instead of going to the engine.
 */

const HEAD = 512;

/**
 * @example await isArchive(file) // false for a PNG, true for what docker save wrote
 */
export async function isArchive(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  // Loaded on a drop only: the tar and decompression readers stay out of the page's first load.
  const { looksLikeTar, sniffCompression } = await import('../engine/fs/index.ts');
  return sniffCompression(head) !== 'none' || looksLikeTar(head);
}
