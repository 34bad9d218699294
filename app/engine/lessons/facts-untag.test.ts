/**
 * What a moved tag leaves behind, and what `docker rmi` / `docker image prune` print for it, on
 * both image stores: the lab replays conformance/lessons/<store>/digests.txt (Docker 28.5, a
 * local registry) and prints the same lines, digests and IDs aside.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageStoreKind } from '../images/stores.ts';
import type { SessionOptions } from '../session/session.ts';
import { recordedCommand } from './recorded.ts';
import { lessonImages, newSession } from './testing/sessions.ts';

const DOCKERFILE =
  'FROM debian:bookworm-slim\nARG VERSION=1\nRUN echo "version $VERSION" > /version\nCMD ["cat", "/version"]\n';
/** conformance/lessons/<store>/rebuild-tag.txt's Dockerfile. */
const REBUILT =
  'FROM debian:bookworm-slim\nARG VERSION=1\nRUN echo "version $VERSION" > /version\n';
const APP = 'localhost:5000/names/app';

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

function lab(store: ImageStoreKind, dockerfile = DOCKERFILE) {
  const session = newSession({ ...opts, store });
  return (line: string) => {
    const r = session.command(line, [], dockerfile);
    return `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '');
  };
}
/** Digests and IDs differ between Docker and the lab (other base bytes): compare the rest. */
const shape = (lines: readonly string[]) =>
  lines.map((l) => l.replace(/[0-9a-f]{64}/g, '<digest>').replace(/\b[0-9a-f]{12}\b/g, '<id>'));
/** The prune's lines about this transcript's repository (the daemon held another one too). */
const aboutApp = (lines: readonly string[]) =>
  lines.filter(
    (l, i) => l.includes(APP) || (l.startsWith('deleted:') && lines[i - 1]?.includes(APP)),
  );

/** The transcript's commands up to the moved tag: two builds under one tag, each pushed. */
function moveTag(store: ImageStoreKind) {
  const run = lab(store);
  run(`docker build -q -t ${APP}:1.0 .`);
  const first = run(`docker push ${APP}:1.0`).at(-1)!;
  run(`docker build -q --build-arg VERSION=2 -t ${APP}:1.0 .`);
  const second = run(`docker push ${APP}:1.0`).at(-1)!;
  return { run, first: first.split(' ')[2]!, second: second.split(' ')[2]! };
}

const DANGLING = `docker images --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}' --filter dangling=true`;

describe('a rebuilt tag on the containerd store leaves no dangling image', () => {
  it('matches Docker 28.5: nothing dangles, nothing to prune, rmi deletes the image', () => {
    expect(recordedCommand('containerd', 'digests', DANGLING).output).toEqual([]);
    const { run } = moveTag('containerd');
    expect(run(DANGLING)).toEqual([]);
    expect(run('docker images -a -q')).toHaveLength(1);
    expect(run('docker image prune -f')).toEqual(
      recordedCommand('containerd', 'digests', 'docker image prune -f').output,
    );
    expect(shape(run(`docker rmi ${APP}:1.0`))).toEqual(
      shape(recordedCommand('containerd', 'digests', `docker rmi ${APP}:1.0`).output),
    );
  });
});

describe('on the overlay2 store a digest reference is a name that rmi and prune take off', () => {
  it('prune untags the old image’s repo digest before deleting it, as 28.5 printed', () => {
    const { run, first } = moveTag('overlay2');
    expect(run(DANGLING)).toEqual([expect.stringMatching(`^${APP}:<none> ${first} `)]);
    const real = aboutApp(recordedCommand('overlay2', 'digests', 'docker image prune -f').output);
    const mine = run('docker image prune -f');
    expect(shape(aboutApp(mine))).toEqual(shape(real));
    expect(mine).toContain(`untagged: ${APP}@${first}`);
  });
  it('rmi of the last tag also untags the repository’s digest, as 28.5 printed', () => {
    const { run, second } = moveTag('overlay2');
    const real = recordedCommand('overlay2', 'digests', `docker rmi ${APP}:1.0`).output;
    const mine = run(`docker rmi ${APP}:1.0`);
    expect(shape(mine)).toEqual(shape(real));
    expect(mine[1]).toBe(`Untagged: ${APP}@${second}`);
  });
  it('a tag in another repository keeps the image; its digest goes with its own repository', () => {
    const { run, second } = moveTag('overlay2');
    run(`docker tag ${APP}:1.0 other:1`);
    expect(run(`docker rmi ${APP}:1.0`)).toEqual([
      `Untagged: ${APP}:1.0`,
      `Untagged: ${APP}@${second}`,
    ]);
    expect(run(`docker images -q other:1`)).toHaveLength(1);
  });
  it('rmi by digest takes off that reference only', () => {
    const { run, first } = moveTag('overlay2');
    expect(run(`docker rmi ${APP}@${first}`)).toEqual([
      `Untagged: ${APP}@${first}`,
      expect.stringMatching(/^Deleted: sha256:/),
    ]);
  });
});

/** The rebuild-tag transcript's command `prefix` (the nth), its output. */
const rebuilt = (store: ImageStoreKind, prefix: string, nth = 0) =>
  recordedCommand(store, 'rebuild-tag', prefix, nth).output;
const LIST = `docker images -a --format '{{.Repository}}:{{.Tag}} {{.ID}}'`;
/** `docker images -a` as the transcript filtered it (the base image left out). */
const listed = (run: ReturnType<typeof lab>) =>
  run(LIST).filter((l) => !l.startsWith('debian:') && !l.startsWith('localhost/base'));
const PS = `docker ps -a --format '{{.Names}} {{.Image}}'`;

describe('a rebuild with BuildKit while a container uses the old image', () => {
  for (const store of ['overlay2', 'containerd'] as const) {
    it(`lists what Docker 28.5 listed, and ps shows the old image by ID (${store})`, () => {
      const run = lab(store, REBUILT);
      const [first] = run('docker build -q -t app:1 .');
      run('docker create --name keep app:1');
      run('docker build -q --build-arg VERSION=2 -t app:1 .');
      // Both images were made in the same second in the lab: compare the rows, not their order.
      expect(shape(listed(run)).sort()).toEqual(shape(rebuilt(store, `${LIST} |`)).sort());
      expect(run(PS)).toEqual([`keep ${first!.slice(7, 19)}`]);
      expect(shape(run(PS))).toEqual(shape(rebuilt(store, 'docker ps -a')));
    });
  }
});

describe('the legacy builder keeps the old image dangling on both stores', () => {
  for (const store of ['overlay2', 'containerd'] as const) {
    it(`dangles, and image prune removes it as Docker 28.5 printed (${store})`, () => {
      const run = lab(store, REBUILT);
      run('DOCKER_BUILDKIT=0 docker build -q -t old:1 .');
      run('DOCKER_BUILDKIT=0 docker build -q --build-arg VERSION=2 -t old:1 .');
      const dangling = `docker images --filter dangling=true --format '{{.Repository}}:{{.Tag}} {{.ID}}'`;
      expect(shape(run(dangling))).toEqual(shape(rebuilt(store, dangling, 1)));
      const [dangled] = run(dangling);
      const real = rebuilt(store, 'docker image prune -f', 2).filter((l) => l !== '');
      const mine = run('docker image prune -f');
      if (store === 'containerd') {
        // The dangling image, then the ARG step's image it was built on (old:1 builds on it
        // too): each untagged from its moby-dangling name, then deleted.
        expect(shape(mine.slice(0, -1))).toEqual(shape(real.slice(0, -1)));
      } else {
        // 28.5 deleted one more image, which `docker images -a` never listed; the dangling
        // image goes first in both, and the reclaimed bytes (the RUN step's 10) are the same.
        expect(mine[1]).toMatch(`deleted: sha256:${dangled!.split(' ')[1]}`);
        expect(mine.at(-1)).toBe(real.at(-1));
      }
    });
  }
});
