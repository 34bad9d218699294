/**
 * Where Layerlab and real Docker (dockerd 20.10.24 from Debian, its built-in BuildKit and the
 * classic builder) knowingly differ in the conformance scenarios, each with its reason. Mirrors
 * conformance/KNOWN-DIFFERENCES.md (one heading per id). Anything not matched here fails the
 * replay test; an entry that no longer matches anything fails it too, so the list stays true.
 */
import type { KnownDifference } from './compare.ts';

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'base-image-history-row',
    scenario: '*',
    line: /^history /,
    field: /stdout\[\d+\]/,
    detail: /^expected "\|[\d.]+[kMG]?B" got "# debian\.sh /,
    reason:
      "The recorder makes debian:bookworm-slim with `docker import`, whose one history entry has an empty CREATED BY; the catalog image carries the official image's `# debian.sh …` line. Same files, same size.",
  },
  {
    id: 'buildkit-etc-dir',
    scenario: '*',
    builder: 'buildkit',
    field: /layers\[\d+\]/,
    detail: /^- dir etc$/,
    reason:
      "BuildKit 20.10 mounts /etc/hosts and /etc/resolv.conf into RUN containers, and every RUN layer gets an `etc/` directory entry though nothing in it changed. It is noise with nothing to learn, so Layerlab's RUN layers leave it out.",
  },
  {
    id: 'buildkit-empty-run-layer',
    scenario: '20-exec-vs-shell',
    builder: 'buildkit',
    line: /^@image /,
    field: /history\[3\]\.empty_layer|layers\.length/,
    reason:
      'A RUN that changes no file (`RUN ["/bin/echo", "$NAME"]`) still gets a layer in BuildKit 20.10, because of the `etc/` entry above. Layerlab commits no layer for it (empty_layer, as BuildKit does for a truly empty diff).',
  },
  {
    id: 'buildkit-progress-expands-variables',
    scenario: '*',
    builder: 'buildkit',
    field: /steps\[\d+\]\.step/,
    detail: /^expected "\[[^\]]+\] RUN .*" got "\[[^\]]+\] RUN .*\$/,
    reason:
      'BuildKit 20.10 names a RUN step with ENV and ARG values substituted (`RUN echo "hi"`); Layerlab prints the instruction as written (`RUN echo "$GREETING"`), as later BuildKit releases do.',
  },
  {
    id: 'buildkit-arg-history-value',
    scenario: '11-arg-build-arg',
    builder: 'buildkit',
    line: /^history /,
    field: /stdout\[\d+\]/,
    detail: /ARG /,
    reason:
      "BuildKit 20.10's history shows an ARG with its Dockerfile default (`ARG FLAVOR=plain`) even when --build-arg set it; Layerlab shows the value the build used (`ARG FLAVOR=spicy`), as later BuildKit releases do.",
  },
  {
    id: 'buildkit-workdir-layers',
    scenario: '03-workdir',
    builder: 'buildkit',
    field: /steps|history\[\d+\]\.empty_layer|layers/,
    reason:
      'BuildKit 20.10 commits a layer for every WORKDIR but `/`, an empty one when the directory already exists (`WORKDIR /tmp`), and prints no step for `WORKDIR /`. Layerlab makes a layer only when WORKDIR creates a directory, and numbers every WORKDIR as a step; the files in the image are the same.',
  },
  {
    id: 'buildkit-shared-from-vertex',
    scenario: '17-multi-stage',
    builder: 'buildkit',
    field: /steps/,
    reason:
      "Two stages FROM the same image are one vertex in BuildKit, printed once (under the last stage's name); Layerlab prints a FROM step for each stage.",
  },
  {
    id: 'heredocs-need-newer-frontend',
    scenario: '19-heredocs',
    field: /exitCode|steps|error/,
    reason:
      "Heredocs (`RUN <<EOT`) came with the Dockerfile frontend 1.4 (2022). dockerd 20.10's built-in frontend and its classic builder do not know them and fail with `unknown instruction: ECHO`; pulling a newer frontend (`# syntax=`) needs a registry the recorder does not use. Layerlab supports heredocs as current Docker does.",
  },
  {
    id: 'buildkit-error-wording',
    scenario: '*',
    builder: 'buildkit',
    field: /error/,
    detail: /^expected "(executor failed running|failed to compute cache key)/,
    reason:
      'BuildKit 20.10 words a failed RUN `executor failed running [/bin/sh -c exit 3]: exit code: 3` and prints no `ERROR: failed to solve:` prefix; Layerlab uses current BuildKit\'s words (`ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3`).',
  },
  {
    id: 'buildkit-cached-before-cache-key-error',
    scenario: '21-err-copy-missing',
    builder: 'buildkit',
    field: /steps\[1\]\.cached/,
    reason:
      'When a later COPY cannot compute its cache key, BuildKit 20.10 stops the solve and reports the RUN before it as CACHED although it never ran; Layerlab reports that RUN as run.',
  },
  {
    id: 'offline-registry',
    scenario: '*',
    field: /error/,
    detail: /registry-1\.docker\.io.*no such host/,
    reason:
      'The recorder has no network, so a missing image fails with a DNS error; Layerlab answers as Docker Hub does for a name that does not exist (`pull access denied … repository does not exist`).',
  },
  {
    id: 'missing-image-step',
    scenario: '*',
    builder: 'buildkit',
    field: /steps\.length/,
    line: /^build /,
    detail: /^expected [01] got [12]$/,
    reason:
      'BuildKit fails on a missing image while loading its metadata, before the step that uses it is printed (no `[1/2] FROM` for a missing base, no `COPY --from` step for a missing image); Layerlab prints that step and the error under it.',
  },
  {
    id: 'prune-and-build-cache',
    scenario: '35-tags-dangling',
    line: /^image prune/,
    field: /stdout\[\d+\]/,
    detail: /Total reclaimed space/,
    reason:
      "With BuildKit, a dangling image's layer is still held by the build cache, so real Docker frees nothing (0B); Layerlab counts the dangling image's own layers (3B) as reclaimed.",
  },
  {
    id: 'system-df-size-precision',
    scenario: '36-system-df',
    line: /^system df/,
    field: /stdout\[[3-5]\]/,
    detail: /MB/,
    reason:
      '`docker system df -v` prints sizes with four significant digits (74.03MB); Layerlab prints three (74MB), as `docker images` does. The bytes are the same.',
  },
  {
    id: 'system-df-build-cache',
    scenario: '36-system-df',
    line: /^system df/,
    field: /stdout\[(1[6-9]|2\d)\]/,
    reason:
      "`docker system df -v` lists BuildKit's cache records (random IDs, source.local entries for the context); Layerlab prints only the build cache total, which counts the layers its cache holds.",
  },
];
