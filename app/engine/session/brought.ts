/**
 * Files the learner brought from their computer (a `docker save` tar picked or dropped on the
 * page): the page hands the worker the File itself (structured clone, no copy), and a command
 * reads it in slices as it goes (`FileReaderSync` in the worker), never whole in memory.
 */

/** A brought file: the page's File (a Blob), or bytes (tests, Node). */
export type BroughtFile = Blob | Uint8Array;

/** How far a command has read a brought file (the page draws a progress bar from it). */
export interface ReadProgress {
  name: string;
  /** Bytes handed to the command so far. */
  read: number;
  total: number;
}

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

/**
 * The file's slices as {@link chunksOf} gives them, telling `progress` how far the reading
 * got: before the first slice, and after each one is consumed.
 */
export function chunksWithProgress(
  name: string,
  data: BroughtFile,
  progress: ((p: ReadProgress) => void) | undefined,
): Iterable<Uint8Array> | undefined {
  const chunks = chunksOf(data);
  if (!chunks || !progress) return chunks;
  const total = data instanceof Uint8Array ? data.length : data.size;
  return (function* () {
    let read = 0;
    progress({ name, read, total });
    for (const chunk of chunks) {
      yield chunk;
      read += chunk.length;
      progress({ name, read, total });
    }
  })();
}
