/**
 * Package payloads written in bulk. What one package (or one maintainer script) writes is the
 * same tree every time, so that tree is made once, on an empty filesystem, by the very code that
 * writes it entry by entry, and merged into the layer in one go (`ShellFs.mergeTree`): an apt
 * install of python3 then costs a walk of the directories the packages share with the image,
 * not thousands of path lookups. Where the merge cannot be sure of the same result (another
 * user, a symlink or a file in the way, a budget), the entries are written one by one.
 */
import { openOverlay, type DirNode, type MergeTreeOptions, type ShellFs } from '../../fs/index.ts';
import type { Shell } from '../state.ts';

/** Writes entries to `fs`, calling `tick` once per entry the step budget counts. */
export type Writer = (fs: ShellFs, tick: () => void) => void;

interface Prebuilt {
  tree: DirNode;
  bytes: number;
  ticks: number;
}

const EMPTY: DirNode = { type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, children: new Map() };
const made = new WeakMap<object, Map<string, Prebuilt | null>>();

/** The tree `write` makes in an empty root filesystem at `now`, or null when it fails there. */
function prebuilt(key: object, variant: string, now: number, write: Writer): Prebuilt | null {
  let byVariant = made.get(key);
  if (!byVariant) made.set(key, (byVariant = new Map()));
  const slot = `${variant}\0${now}`;
  const known = byVariant.get(slot);
  if (known !== undefined) return known;
  let out: Prebuilt | null;
  try {
    const fs = openOverlay(EMPTY, { now: () => now });
    let ticks = 0;
    write(fs, () => ticks++);
    out = { tree: fs.commit().root, bytes: fs.bytesWritten, ticks };
  } catch {
    out = null;
  }
  byVariant.set(slot, out);
  return out;
}

/**
 * Makes ahead of time the tree `writeInBulk(sh, key, variant, write)` would make in a shell
 * whose clock says `now`: a rehearsal makes each package's tree in a step of its own, so that
 * no single step has to make them all (session/rehearsal.ts).
 */
export function prepareTree(key: object, variant: string, now: number, write: Writer): void {
  prebuilt(key, variant, now, write);
}

/**
 * Runs `write` against the shell's filesystem: in one merge of the tree it makes (memoised per
 * `key` and `variant`, which must name everything `write` depends on) when the shell runs as
 * root and the filesystem can merge, else entry by entry. `existingFiles` says what `write`
 * does to a file already there: 'replace' when it writes over it keeping its owner and setting
 * the mode, 'rewrite' when it keeps the mode too, 'refuse' when the result depends on the old
 * file otherwise (then it writes one by one).
 *
 * @example
 * writeInBulk(sh, pkg, 'apt', (fs, tick) => writeEntries(fs, pkg.files, '', tick), 'replace');
 */
export function writeInBulk(
  sh: Shell,
  key: object,
  variant: string,
  write: Writer,
  existingFiles: MergeTreeOptions['existingFiles'],
): void {
  const tick = (): void => sh.tick();
  if (sh.fs.mergeTree === undefined || sh.user.uid !== 0 || sh.user.gid !== 0)
    return write(sh.fs, tick);
  const p = prebuilt(key, variant, sh.now, write);
  const { steps, maxSteps } = sh.budget;
  if (p === null || steps + p.ticks > maxSteps) return write(sh.fs, tick);
  const opts = { owner: { uid: 0, gid: 0 }, mtime: sh.now, bytes: p.bytes, existingFiles };
  if (!sh.fs.mergeTree(p.tree, opts)) return write(sh.fs, tick);
  sh.budget.steps += p.ticks;
}
