/**
 * The names lesson's claims (tag, image ID, repo digest, pull by digest), each held to what
 * Docker 28.5 did on both image stores (conformance/lessons/<store>/digests.txt, recorded by
 * record.sh against a local registry) and to what the lab does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageStoreKind } from '../images/stores.ts';
import type { SessionOptions } from '../session/session.ts';
import { loadCourse } from './index.ts';
import { recorded, recordedCommand } from './recorded.ts';
import { lessonImages, lessonSources, newSession } from './testing/sessions.ts';

const DOCKERFILE =
  'FROM debian:bookworm-slim\nARG VERSION=1\nRUN echo "version $VERSION" > /version\nCMD ["cat", "/version"]\n';
const lesson = loadCourse(lessonSources()).lessons.find((l) => l.id === 'names-and-digests')!;
const words = [
  lesson.intro,
  ...lesson.steps.flatMap((s) => [
    s.text,
    s.reveal ?? '',
    s.predict?.explain ?? '',
    s.myth?.fact ?? '',
  ]),
].join('\n');

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/** The lab on one store; `run` types a line and gives stdout and stderr together. */
function lab(store: ImageStoreKind) {
  const session = newSession({ ...opts, store });
  return (line: string) => {
    const r = session.command(line, [], DOCKERFILE);
    return { out: `${r.stdout}${r.stderr}`, exitCode: r.exitCode };
  };
}
const digestOf = (pushOutput: string) => /digest: (sha256:[0-9a-f]{64})/.exec(pushOutput)![1]!;
const idOf = (run: ReturnType<typeof lab>, ref: string) =>
  run(`docker inspect --format '{{.Id}}' ${ref}`).out.trim();

describe('names lesson: on the containerd store the pushed digest is the image ID', () => {
  it('is what Docker 28.5 recorded', () => {
    const built = recordedCommand('containerd', 'digests', 'docker build -q').output[0];
    const pushed = recordedCommand('containerd', 'digests', 'docker push').output[0]!;
    expect(digestOf(pushed)).toBe(built);
    const inspect = recordedCommand('containerd', 'digests', 'docker inspect --format', 1);
    expect(inspect.output[0]).toBe(`Id=${built} RepoDigests=[localhost:5000/names/app@${built}]`);
  });
  it('holds in the lab, and the lesson says it', () => {
    const run = lab('containerd');
    run('docker build -t me/app:1.0 .');
    const id = idOf(run, 'me/app:1.0');
    expect(digestOf(run('docker push me/app:1.0').out)).toBe(id);
    expect(run(`docker inspect --format '{{.RepoDigests}}' me/app:1.0`).out.trim()).toBe(
      `[me/app@${id}]`,
    );
    expect(lesson.start.store).toBe('containerd');
    expect(lesson.steps[1]!.predict!.answer).toBe(0);
    expect(words).toContain('it prints the image ID');
  });
});

describe('names lesson: on the overlay2 store the ID is the config digest, not the repo digest', () => {
  it('is what Docker 28.5 recorded', () => {
    const built = recordedCommand('overlay2', 'digests', 'docker build -q').output[0];
    const before = recordedCommand('overlay2', 'digests', 'docker images --digests').output[0];
    expect(before).toBe(`localhost:5000/names/app:1.0 <none> ${built!.slice(7, 19)}`);
    const pushed = recordedCommand('overlay2', 'digests', 'docker push').output[0]!;
    expect(digestOf(pushed)).not.toBe(built);
  });
  it('holds in the lab', () => {
    const run = lab('overlay2');
    run('docker build -t me/app:1.0 .');
    const digests = `docker images --digests --format '{{.Tag}} {{.Digest}}' me/app`;
    expect(run(digests).out).toBe('1.0 <none>\n');
    const repo = digestOf(run('docker push me/app:1.0').out);
    expect(repo).not.toBe(idOf(run, 'me/app:1.0'));
    expect(run(digests).out).toBe(`1.0 ${repo}\n`);
  });
});

describe('names lesson: a tag pushed again moves; the first digest still pulls version 1', () => {
  for (const store of ['overlay2', 'containerd'] as const) {
    it(`is what Docker 28.5 recorded (${store})`, () => {
      const runs = recorded(store, 'digests').filter((c) => c.line.startsWith('docker run'));
      expect(runs.map((c) => c.output[0])).toEqual(['version 2', 'version 1']);
      expect(runs[1]!.line).toBe('docker run --rm $(cat pinned.txt)');
    });
    it(`holds in the lab (${store})`, () => {
      const run = lab(store);
      run('docker build -t me/app:1.0 .');
      const first = digestOf(run('docker push me/app:1.0').out);
      run('docker build --build-arg VERSION=2 -t me/app:1.0 .');
      const second = digestOf(run('docker push me/app:1.0').out);
      expect(second).not.toBe(first);
      run('docker rmi me/app:1.0');
      expect(run('docker pull me/app:1.0').exitCode).toBe(0);
      expect(run('docker run --rm me/app:1.0').out).toBe('version 2\n');
      expect(run(`docker pull me/app@${first}`).exitCode).toBe(0);
      expect(run(`docker run --rm me/app@${first}`).out).toBe('version 1\n');
      expect(run(`docker tag me/app@${first} me/app:pinned`).exitCode).toBe(0);
      expect(run('docker run --rm me/app:pinned').out).toBe('version 1\n');
    });
  }
});

describe('names lesson: a digest the registry lacks is refused, in each store’s words', () => {
  const zero = `sha256:${'0'.repeat(64)}`;
  for (const store of ['overlay2', 'containerd'] as const) {
    it(`matches Docker 28.5 (${store})`, () => {
      const real = recordedCommand(
        store,
        'digests',
        `docker pull localhost:5000/names/app@${zero}`,
      );
      expect(real.exitCode).toBe(1);
      const run = lab(store);
      run('docker build -t localhost:5000/names/app:1.0 .');
      run('docker push localhost:5000/names/app:1.0');
      const mine = run(`docker pull localhost:5000/names/app@${zero}`);
      expect(mine.exitCode).toBe(1);
      // The lab's registry answers for docker.io names too, so only the name differs.
      expect(mine.out.trim()).toBe(real.output.join('\n'));
    });
  }
  it('is in the lesson', () => {
    expect(words).toContain('failed to resolve reference');
    expect(words).toContain('manifest unknown');
  });
});

describe('names lesson: an untagged image a registry knows is listed under its repository', () => {
  it('is what Docker 28.5 recorded (overlay2, after the tag moved)', () => {
    const list = recordedCommand('overlay2', 'digests', 'docker images --digests', 2).output;
    expect(list[1]).toMatch(/^localhost:5000\/names\/app:<none> sha256:[0-9a-f]{64} [0-9a-f]{12}$/);
  });
  it('holds in the lab', () => {
    const run = lab('overlay2');
    run('docker build -t me/app:1.0 .');
    const first = digestOf(run('docker push me/app:1.0').out);
    run('docker build --build-arg VERSION=2 -t me/app:1.0 .');
    const list = run(`docker images --digests --format '{{.Repository}}:{{.Tag}} {{.Digest}}'`);
    expect(list.out).toContain(`me/app:<none> ${first}\n`);
  });
});
