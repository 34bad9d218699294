/**
 * The filesystem the RUN shell works on: a POSIX-like view of the image so far, whose writes
 * are recorded into the step's layer. `app/engine/fs` provides the real implementation (an
 * overlay over the parent layers that records a diff); tests may use any implementation.
 *
 * Paths are absolute and normalised (`/a/b`, no trailing slash, no `.` or `..`); the shell
 * resolves relative paths against its working directory before calling. Methods that fail
 * throw a `FsError` with a POSIX code, which the shell turns into messages such as
 * `rm: cannot remove '/x': No such file or directory`.
 */
export type FileType = 'file' | 'dir' | 'symlink';

export interface Stat {
  type: FileType;
  /** Permission bits and setuid/setgid/sticky (e.g. 0o755), without the type bits. */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch. Deterministic in the simulator. */
  mtime: number;
  /** Number of hard links to the same file (1 for most files). */
  nlink: number;
}

export type FsErrorCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'EACCES'
  | 'EINVAL'
  | 'ELOOP'
  | 'EXDEV'
  | 'ENOSPC'
  | 'ENXIO';

export class FsError extends Error {
  readonly code: FsErrorCode;
  readonly path: string;
  constructor(code: FsErrorCode, path: string, message?: string) {
    super(message ?? `${code}: ${path}`);
    this.name = 'FsError';
    this.code = code;
    this.path = path;
  }
}

export interface ShellFs {
  /** stat follows symlinks; lstat does not. Both throw ENOENT when absent. */
  stat(path: string): Stat;
  lstat(path: string): Stat;
  exists(path: string): boolean;
  /** File content as bytes. Large catalog files without stored content read as zero bytes of their size. */
  readFile(path: string): Uint8Array;
  /** Create or replace a regular file (follows a symlink at `path`). */
  writeFile(path: string, data: Uint8Array, opts?: { mode?: number; append?: boolean }): void;
  /** A file of `size` bytes whose content is not stored (dd from /dev/zero, package payloads). */
  writeSizedFile(path: string, size: number, opts?: { mode?: number; digest?: string }): void;
  mkdir(path: string, opts?: { recursive?: boolean; mode?: number }): void;
  /** Names in a directory, sorted. */
  readdir(path: string): string[];
  unlink(path: string): void;
  /** Remove a directory; with recursive, its whole subtree (rm -rf). */
  rmdir(path: string, opts?: { recursive?: boolean }): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  link(existing: string, path: string): void;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, mtime: number): void;
  /** Resolve symlinks in every component (realpath); throws ELOOP on a loop. */
  realpath(path: string): string;
  /**
   * Optional: copy a regular file's content (stored or sized) to `to`, created with `mode`.
   * Lets `cp` copy big sized files without materialising their bytes; when absent the shell
   * falls back to readFile + writeFile.
   */
  copyFile?(from: string, to: string, opts?: { mode?: number }): void;
}
