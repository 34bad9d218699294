/**
 * The docker CLI's host on Node: build contexts read from disk, files written to disk, the
 * process environment. Only the `layerlab` command imports this (it uses node:fs).
 */
import {
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  writeFileSync,
  openSync,
  readSync,
  closeSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { ContextFile } from '../engine/build/context.ts';
import type { CliHost } from '../engine/cli/types.ts';

/** More context files than this is almost certainly the wrong folder (a home directory). */
const MAX_FILES = 20_000;

function walk(root: string, dir: string, out: ContextFile[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const st = lstatSync(full);
    const path = relative(root, full).split('\\').join('/');
    if (st.isDirectory()) walk(root, full, out);
    else if (st.isSymbolicLink())
      out.push({
        path,
        content: '',
        symlink: readlinkSync(full),
        mtime: Math.floor(st.mtimeMs / 1000),
      });
    else if (st.isFile())
      out.push({
        path,
        content: readFileSync(full),
        mode: st.mode & 0o7777,
        mtime: Math.floor(st.mtimeMs / 1000),
      });
    if (out.length > MAX_FILES)
      throw new Error(`the build context ${root} has more than ${MAX_FILES} files`);
  }
}

export function nodeHost(cwd: string = process.cwd()): CliHost {
  return {
    env: process.env,
    readContext(dir, dockerfile) {
      const root = resolve(cwd, dir);
      let isDir: boolean;
      try {
        isDir = statSync(root).isDirectory();
      } catch {
        return { error: `unable to prepare context: path "${dir}" not found` };
      }
      if (!isDir)
        return { error: `unable to prepare context: context must be a directory: ${root}` };
      const files: ContextFile[] = [];
      try {
        walk(root, root, files);
      } catch (e) {
        return { error: `unable to prepare context: ${(e as Error).message}` };
      }
      const dfPath = dockerfile ? resolve(cwd, dockerfile) : join(root, 'Dockerfile');
      let text: string;
      try {
        text = readFileSync(dfPath, 'utf8');
      } catch {
        const shown = dockerfile ?? 'Dockerfile';
        return {
          error: `ERROR: failed to solve: failed to read dockerfile: open ${shown}: no such file or directory`,
        };
      }
      return { files, dockerfile: text, dockerfileName: basename(dfPath) };
    },
    writeFile(path, data) {
      writeFileSync(resolve(cwd, path), data);
    },
    openFile(path) {
      let fd: number;
      try {
        fd = openSync(resolve(cwd, path), 'r');
      } catch {
        return undefined;
      }
      return chunksOf(fd);
    },
    // Piped in (`layerlab docker load < app.tar`); a terminal on stdin is no input.
    stdin: process.stdin.isTTY ? undefined : chunksOf(0),
  };
}

/** A file read a megabyte at a time, as it is consumed (a `docker save` may be gigabytes). */
function* chunksOf(fd: number): Generator<Uint8Array> {
  const buffer = new Uint8Array(1 << 20);
  try {
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') return;
        throw e;
      }
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}
