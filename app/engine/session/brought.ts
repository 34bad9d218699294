/**
 * Files the learner brought from their computer (a `docker save` tar picked or dropped on the
 * page): the page hands the worker the File itself (structured clone, no copy), and a command
 * reads it in slices as it goes (`FileReaderSync` in the worker), never whole in memory.
 */

/** A brought file: the page's File (a Blob), or bytes (tests, Node). */
export type BroughtFile = Blob | Uint8Array;

const SLICE = 4 << 20;

type SyncReader = new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

/**
 * The file's bytes in slices, read as they are consumed; undefined where a Blob cannot be read
 * synchronously (outside a worker).
 * @example for (const chunk of chunksOf(file) ?? []) reader.push(chunk);
 */
export function chunksOf(data: BroughtFile): Iterable<Uint8Array> | undefined {
  if (data instanceof Uint8Array)
    return (function* () {
      for (let at = 0; at < data.length; at += SLICE) yield data.subarray(at, at + SLICE);
    })();
  const Reader = (globalThis as { FileReaderSync?: SyncReader }).FileReaderSync;
  if (!Reader) return undefined;
  const reader = new Reader();
  return (function* () {
    for (let at = 0; at < data.size; at += SLICE)
      yield new Uint8Array(reader.readAsArrayBuffer(data.slice(at, at + SLICE)));
  })();
}
