/**
 * The docker CLI's host in the lab: the build context is the lab's files (the Dockerfile from
 * the editor), files a command writes (`docker save -o`, `docker cp`) are handed to the page,
 * and a build the command runs is reported back for the panels.
 */
import type { ContextFile } from '../build/context.ts';
import type { CliHost } from '../cli/types.ts';
import { chunksWithProgress, type BroughtFile, type ReadProgress } from './brought.ts';

/**
 * The build context a `docker build .` in the lab's folder sends: the lab's files and the
 * Dockerfile the editor holds (it is a file of that folder, so `COPY . .` copies it too).
 */
export function contextFiles(files: readonly ContextFile[], dockerfile: string): ContextFile[] {
  return files.some((f) => f.path === 'Dockerfile')
    ? [...files]
    : [...files, { path: 'Dockerfile', content: dockerfile }];
}

export function labHost(
  files: readonly ContextFile[],
  dockerfile: string,
  env: Record<string, string>,
  written: { path: string; data: Uint8Array }[],
  onBuild: NonNullable<CliHost['onBuild']>,
  brought: ReadonlyMap<string, BroughtFile> = new Map(),
  progress?: (p: ReadProgress) => void,
): CliHost {
  return {
    env,
    onBuild,
    readContext: (dir, name) => {
      if (dir !== '.' && dir !== './') {
        return {
          error: `unable to prepare context: path "${dir}" not found (the lab's files are the context: use .)`,
        };
      }
      const dfName = name ?? 'Dockerfile';
      const fromFiles = files.find((f) => f.path === dfName);
      const text =
        dfName === 'Dockerfile'
          ? dockerfile
          : fromFiles
            ? typeof fromFiles.content === 'string'
              ? fromFiles.content
              : new TextDecoder().decode(fromFiles.content)
            : undefined;
      if (text === undefined) {
        return { error: `failed to read dockerfile: open ${dfName}: no such file or directory` };
      }
      return { files: contextFiles(files, dockerfile), dockerfile: text, dockerfileName: dfName };
    },
    writeFile: (path, data) => written.push({ path, data }),
    // `docker load -i`: a file of the lab's workspace (one `docker save -o` wrote, say).
    openFile: (path) => {
      const name = path.replace(/^\.\//, '');
      const f = files.find((x) => x.path === name);
      if (!f) {
        // Else a file the learner brought (picked or dropped on the page).
        const own = brought.get(name);
        return own && chunksWithProgress(name, own, progress);
      }
      return [typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content];
    },
  };
}
