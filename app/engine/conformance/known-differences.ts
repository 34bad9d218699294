/**
 * Where Layerlab and real Docker 28.5 (Debian sid's docker.io 28.5.2, buildx 0.29, containerd
 * 2.1; both image stores) knowingly differ in the conformance scenarios, each with what the
 * recording shows. Mirrors conformance/KNOWN-DIFFERENCES.md (one heading per id). Anything not
 * matched here fails the replay test; an entry that no longer matches anything fails it too,
 * so the list stays true.
 */
import type { KnownDifference } from './compare.ts';

/** Lines of a BuildKit log about where the build context and the base image come in. */
const CONTEXT_OR_FROM =
  /^[-+] (?:#\d+ (?:\[internal\] (?:load build context|preparing inline document)|transferring context: <size> done|DONE <t>|CACHED|\.\.\.|\[[^\]]*\b1\/\d+\] FROM .*|resolve .*)|)$/;

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'base-image-history-row',
    scenario: '*',
    line: /^history /,
    field: /stdout\[\d+\]/,
    detail: /^expected "\|[\d.]+[kMG]?B" got "# debian\.sh |^expected undefined got "# debian\.sh /,
    reason:
      "The recorder makes debian:bookworm-slim with `docker import`, whose one history entry has an empty CREATED BY; the catalog image carries the official image's `# debian.sh …` line. Same files, same size.",
  },
  {
    id: 'base-image-version',
    scenario: '*',
    field: /stdout\[\d+\]/,
    detail: /Size.{0,4}: 740\d+|DockerVersion|\(virtual /,
    reason:
      "The recorder imported the catalog's rootfs as regenerated on 2026-12-06; Layerlab's public/catalog was generated earlier from a slightly different bookworm (74,026,674 against 74,019,151 bytes). And the oracle is Debian's build, which reports DockerVersion `28.5.2+dfsg4`; Layerlab says `28.5.2`.",
  },
  {
    id: 'buildkit-etc-dir',
    scenario: '*',
    builder: 'buildkit',
    store: 'overlay2',
    field: /layers\[\d+\]/,
    detail: /^- dir etc$/,
    reason:
      "With the overlay2 store BuildKit 28.5 mounts /etc/hosts and /etc/resolv.conf into RUN containers, and every RUN layer gets an `etc/` directory entry though nothing in it changed (recorded; the containerd store's layers have none). It is noise with nothing to learn, so Layerlab's RUN layers leave it out.",
  },
  {
    id: 'buildkit-cached-vertex-order',
    scenario: ['11-arg-build-arg', '17-multi-stage'],
    builder: 'buildkit',
    store: 'overlay2',
    line: /^build /,
    field: /log\.stderr/,
    detail: /^[-+] #\d+ \[(?:build )?\d\/[34]\] (?:RUN|COPY) /,
    reason:
      'When every step comes from the cache, BuildKit 28.5 prints each CACHED vertex when its own cache load returns, and those loads run side by side (moby/buildkit solver/jobs.go sharedOp.LoadCache), so the order varies between runs: with overlay2 it printed `#5 [3/4] RUN …` before `#6 [2/4] RUN …` in 11 and `[build 3/3] RUN` before `[build 2/3] COPY` in 17, while the containerd store printed the same builds in Dockerfile order, as 18 of the 20 fully cached builds recorded are. Layerlab prints them in the order of the Dockerfile.',
  },
  {
    id: 'buildkit-context-after-cached-from',
    scenario: '*',
    builder: 'buildkit',
    field: /log\.stderr/,
    detail: CONTEXT_OR_FROM,
    reason:
      "When an earlier build of the scenario left the FROM in the cache and a later step misses, BuildKit 28.5 loads the build context first and prints the FROM after it as `CACHED` (recorded in 05, 07, 09, 18, 35, 36); with the containerd store it prints the context vertex in two parts around the FROM it resolves, and sometimes a FROM twice (resolved, then CACHED), as its progress arrives, and a heredoc's `[internal] preparing inline document` before the FROM (recorded in 19; after it with overlay2). Layerlab always prints the FROM (DONE) and then the context or the inline document.",
  },
  {
    id: 'buildkit-lint-warnings',
    scenario: '*',
    builder: 'buildkit',
    store: 'containerd',
    field: /log\.stderr/,
    detail: /WARN: |warnings? found|\[0m - |^- $/,
    reason:
      "With the containerd store the recorded log of 20-exec-vs-shell has no `#1 WARN: JSONArgsRecommended …` line under the definition's vertex (that vertex's progress arrived before the check ran); Layerlab prints it there, as the overlay2 recording shows.",
  },
  {
    id: 'classic-global-arg-step',
    scenario: '42-step-names',
    builder: 'classic',
    field: /steps|log\.stdout|builtId/,
    reason:
      'The legacy builder counts an ARG before the first FROM as a step (recorded: `Step 1/7 : ARG MODE=dev`, then `Step 2/7 : FROM …`); Layerlab leaves it out of the numbering.',
  },
  {
    id: 'eager-cache-key-vertex-numbers',
    scenario: '21-err-copy-missing',
    builder: 'buildkit',
    store: 'containerd',
    field: /log\.stderr/,
    line: /^build /,
    detail:
      /RUN echo before|COPY missing\.txt|CANCELED|runc run failed|failed to calculate checksum|^[-+] #\d+ \.\.\.$|^[-+] $|^[-+] #\d+ (\[internal\] load build context|transferring context|DONE <t>|\[1\/4\] FROM|resolve )/,
    reason:
      "With the containerd store, 28.5 gave the canceled `RUN echo before` its vertex number only when it printed CANCELED, after the COPY's error (`#6 [3/4] COPY …` ERROR, then `#7 [2/4] RUN …` CANCELED); with overlay2 it printed the RUN first (`#6 …`), as Layerlab does for both stores.",
  },
  {
    id: 'eager-cache-key-failure',
    scenario: '40-cache-key-error',
    builder: 'buildkit',
    field: /steps|log\.stderr/,
    line: /^build /,
    reason:
      'The eager cache-key failure races with the RUN steps above the missing COPY (recorded): with the containerd store `[2/5] RUN echo one` was CANCELED, with overlay2 it finished (`DONE`) and was CACHED in the next build; in both, `[3/5] RUN echo two` was printed as CACHED though it had never run (the next build ran it). Layerlab cancels the running step as the containerd store did, never starts the ones after it, and caches none of them.',
  },
  {
    id: 'copy-from-stage-checksum',
    scenario: '17-multi-stage',
    builder: 'classic',
    field: /history\[\d+\]\.created_by|stdout/,
    detail: /COPY file:/,
    reason:
      "The legacy builder names a COPY --from=stage by the tarsum of the file as it lies in the stage's layer (uid, gid and names from there); Layerlab computes it only for files from the build context.",
  },
  {
    id: 'offline-registry',
    scenario: '*',
    field: /error|log\.stderr/,
    detail:
      /pull access denied|registry-1\.docker\.io|no such host|load metadata for|^[-+] (-+| > .*|Dockerfile:\d+|\s*\d+ \|.*|#\d+ (ERROR: .*|DONE <t>|CANCELED|\[.*\] FROM .*|\[internal\] load .*|transferring .*)|)$/,
    line: /^build /,
    reason:
      "The recorder has no network, so a missing image fails while BuildKit loads its metadata, with a DNS error (`lookup registry-1.docker.io … no such host`) and the excerpt under that vertex (the other image's metadata load is CANCELED); Layerlab answers as Docker Hub does for a name that does not exist (`pull access denied … repository does not exist`) and prints the FROM step with the error under it.",
  },
  {
    id: 'missing-image-step',
    scenario: '*',
    builder: 'buildkit',
    field: /steps\.length|log\.stderr/,
    line: /^build /,
    detail: /^expected [01] got [12]$|COPY --from=nosuchstage/,
    reason:
      'BuildKit fails on a missing image while loading its metadata, before the step that uses it is printed (no `[1/2] FROM` for a missing base, no `COPY --from` step for a missing image); Layerlab prints that step and the error under it.',
  },
  {
    id: 'save-oci-layout',
    scenario: '43-save-layout',
    field: /save\./,
    reason:
      "docker save writes 28.5's layout (OCI `oci-layout`, `index.json`, `blobs/sha256/…`, `manifest.json`, and `repositories` with overlay2; checked byte for byte against 28.5's saves in conformance/load/), with two differences here. overlay2: 28.5 also writes one legacy v1 JSON blob per layer that nothing in the archive points at (moby tarexport saveConfigAndLayer, kept for Docker before 1.9); Layerlab leaves them out, so the file list is shorter by one blob per layer. containerd: the recorder's base image carries Docker's media type for one layer (`application/vnd.docker.image.rootfs.diff.tar.gzip`) in the manifest the content store keeps; the catalog's base is described with the OCI type.",
  },
  {
    id: 'image-inspect-config',
    scenario: '45-inspect',
    line: /^image inspect /,
    field: /stdout\[\d+\]/,
    detail:
      /Size|size|ArgsEscaped|Cmd|bash|Entrypoint|Env|PATH=|X=1|\]|Labels|OnBuild|User|Volumes|WorkingDir|Descriptor|mediaType|digest|\}|undefined/,
    reason:
      "The compressed size of the base differs (the catalog gives its layers a measured gzip size; Docker gzipped this rootfs to 30,023,640 bytes), so the containerd store's Size and manifest sizes differ. Docker 28.5 shows `ArgsEscaped: true` for this image (inherited from the imported base, whose `CMD [\"bash\"]` came from `docker import --change`); the catalog's base has none, so Layerlab's Config starts at Cmd and every line after it shifts.",
  },
  {
    id: 'digests-of-imported-base',
    scenario: '45-inspect',
    line: /^images --digests|^inspect --format/,
    field: /stdout\[\d+\]/,
    detail: /debian {2}bookworm-slim|size/,
    reason:
      "The recorder `docker import`s its base, which has no registry digest (`<none>`); Layerlab pulls it from its registry, which gives it one. With the containerd store Docker shows the image's own digest.",
  },
  {
    id: 'containerd-images-view',
    scenario: '*',
    store: 'containerd',
    line: /^images/,
    field: /stdout\[\d+\]|stderr\[\d+\]/,
    reason:
      "Docker 29's CLI lists images as IMAGE / ID / DISK USAGE / CONTENT SIZE / EXTRA with the containerd store (docker/cli v29 cli/command/image/list.go, tree.go), which Layerlab follows; the recordings come from the 28.5 CLI, whose table has REPOSITORY / TAG / IMAGE ID / CREATED / SIZE.",
  },
  {
    id: 'containerd-container-sizes',
    scenario: '*',
    store: 'containerd',
    line: /^ps |^system df/,
    field: /stdout\[\d+\]/,
    detail: /kB|MB|0B/,
    reason:
      "With the containerd store a container's writable layer is counted in 4 KiB blocks of its snapshot (recorded: an untouched container is 4.1kB, an appended file 24.6kB) and `(virtual …)` is the unpacked image; Layerlab counts the changed files' bytes there.",
  },
  {
    id: 'containerd-rmi-wording',
    scenario: '37-rmi-in-use',
    store: 'containerd',
    line: /^rmi /,
    field: /stderr\[\d+\]/,
    reason:
      'With the containerd store, 28.5 refuses `rmi t` with `conflict: unable to delete t:latest (must be forced) - container <id> is using its referenced image <id>`; Layerlab gives the overlay2 store\'s words (`unable to remove repository reference "t" (must force)`).',
  },
  {
    id: 'containerd-opaque',
    scenario: '15-whiteout-opaque',
    store: 'containerd',
    field: /layers\[\d+\]/,
    reason:
      'Both builders with the containerd store write a directory deleted and re-created in one step as whiteouts of its old entries (`repl/.wh.old`, `repl/.wh.old2`), not as an opaque directory (recorded); Layerlab writes the opaque marker, as overlay2 does.',
  },
  {
    id: 'prune-and-build-cache',
    scenario: '35-tags-dangling',
    store: 'overlay2',
    line: /^image prune/,
    field: /stdout\[\d+\]/,
    reason:
      "With BuildKit, a dangling image's layer is still held by the build cache, so real Docker frees nothing (0B); Layerlab deletes the dangling image and counts its own layers as reclaimed. (On the containerd store a BuildKit rebuild leaves no dangling image at all, in 28.5 and in Layerlab, so its prune matches.)",
  },
  {
    id: 'system-df-size-precision',
    scenario: '36-system-df',
    store: 'overlay2',
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
