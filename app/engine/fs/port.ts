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
import type { DirNode } from './types.ts';

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

/** How {@link ShellFs.mergeTree} writes a prebuilt tree. */
export interface MergeTreeOptions {
  /** Owner and mtime the tree's new entries were made with (the writer's). */
  owner: { uid: number; gid: number };
  mtime: number;
  /** Bytes writing the tree entry by entry charges against the size budget. */
  bytes: number;
  /**
   * A file of the tree over an existing file: written over, keeping the old file's owner
   * ('replace': the tree's mode, as a write and a chmod; 'rewrite': the old mode too, as a
   * write alone), or refused.
   */
  existingFiles: 'replace' | 'rewrite' | 'refuse';
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
  /**
   * Optional: write a prebuilt tree (rooted at `/`; what writing its entries one by one into an
   * empty filesystem made) as writing those entries here one by one would: `mkdir -p` for its
   * directories, files and symlinks written (a symlink replacing a file or symlink). Returns
   * false, having changed nothing, when it cannot tell that the result would be the same (a
   * symlink or a file in the way, the budget, another owner or clock); the caller then writes
   * entry by entry. What a package manager unpacks, in one step instead of thousands.
   */
  mergeTree?(tree: DirNode, opts: MergeTreeOptions): boolean;
}
