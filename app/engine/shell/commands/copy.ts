import type { Stat } from '../../fs/port.ts';
import type { Shell } from '../state.ts';

/** Files at or above this size are copied with copyFile when the fs has it (sized content). */
const BIG = 64 * 1024;

/**
 * Copies one entry (recursively for directories). `preserve` keeps owner and mtime (cp -a/-p);
 * otherwise the copy belongs to the running user, as with real cp.
 *
 * @example
 * copyEntry(sh, '/src', '/dst', sh.fs.lstat('/src'), false, true);
 */
export function copyEntry(
  sh: Shell,
  src: string,
  dst: string,
  st: Stat,
  preserve: boolean,
  recursive: boolean,
): void {
  if (st.type === 'symlink') {
    sh.fs.symlink(sh.fs.readlink(src), dst);
  } else if (st.type === 'dir') {
    if (!sh.fs.exists(dst)) sh.fs.mkdir(dst, { mode: st.mode });
    if (recursive) {
      for (const name of sh.fs.readdir(src)) {
        const from = `${src === '/' ? '' : src}/${name}`;
        copyEntry(sh, from, `${dst}/${name}`, sh.fs.lstat(from), preserve, true);
      }
    }
  } else if (sh.fs.copyFile && st.size >= BIG) {
    sh.fs.copyFile(src, dst, { mode: st.mode });
  } else {
    sh.fs.writeFile(dst, sh.fs.readFile(src), { mode: st.mode });
  }
  if (st.type === 'symlink') return;
  sh.fs.chmod(dst, st.mode);
  if (preserve) {
    sh.fs.chown(dst, st.uid, st.gid);
    sh.fs.utimes(dst, st.mtime);
  } else sh.fs.chown(dst, sh.user.uid, sh.user.gid);
}
