/**
 * The claims the lessons make, each held to what Docker 28.5 did (conformance/lessons, recorded
 * by its record.sh) and to what the lab does: a lesson that says it, and an engine that does it.
 * One test per statement an expert review found wrong or misleading.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContextFile } from '../build/context.ts';
import type { SessionOptions } from '../session/session.ts';
import { loadCourse } from './index.ts';
import { recorded, recordedCommand } from './recorded.ts';
import { lessonImages, lessonSources, newSession } from './testing/sessions.ts';
import type { Lesson } from './types.ts';

const course = loadCourse(lessonSources());
const lesson = (id: string): Lesson => {
  const l = course.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};
/** Everything a learner reads in a lesson: prose, reveals, predicts, myths, goals and hints. */
const words = (l: Lesson): string =>
  [
    l.summary,
    l.intro,
    ...l.steps.flatMap((s) => [
      s.text,
      s.reveal ?? '',
      s.predict ? `${s.predict.question} ${s.predict.choices.join(' ')} ${s.predict.explain}` : '',
      s.myth ? `${s.myth.myth} ${s.myth.fact}` : '',
    ]),
    ...l.goals.map((g) => g.text),
    ...l.hints,
  ].join('\n');

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/**
 * A lab with these files; `run` types a line in its terminal. It runs the overlay2 store: every
 * recording these claims are held to was made on Docker 28.5's overlay2 daemon.
 */
function lab(dockerfile: string, files: Record<string, string> = {}) {
  const session = newSession({ ...opts, store: 'overlay2' });
  let context: ContextFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  let df = dockerfile;
  return {
    session,
    run: (line: string) => session.command(line, context, df),
    edit: (next: { dockerfile?: string; files?: Record<string, string> }) => {
      df = next.dockerfile ?? df;
      for (const [path, content] of Object.entries(next.files ?? {}))
        context = [...context.filter((f) => f.path !== path), { path, content }];
    },
  };
}

const lines = (text: string) => text.split('\n').filter(Boolean);
/** Step lines of a BuildKit build log (`#6 [2/3] COPY a.txt /a.txt`), with CACHED marked. */
const buildkitSteps = (log: string[]): string[] => {
  const out: string[] = [];
  for (const l of log) {
    const step = /^#(\d+) \[\d+\/\d+\] (.*)$/.exec(l);
    if (step && !step[2]!.startsWith('FROM')) out.push(step[2]!);
    else if (/^#\d+ CACHED$/.test(l) && out.length > 0 && !out.at(-1)!.endsWith(' CACHED'))
      out[out.length - 1] += ' CACHED';
  }
  return out;
};

describe('lesson 02: a layer of directories is 0B, and it is a layer', () => {
  const dockerfile = [
    'FROM debian:bookworm-slim',
    'ENV NOTES=/srv/notes',
    'RUN mkdir -p /srv/notes',
    'RUN echo "buy milk" > /srv/notes/todo.txt',
    'RUN echo "call mum" >> /srv/notes/todo.txt',
    'WORKDIR /srv/app',
    'RUN rm /etc/debian_version',
    'LABEL org.opencontainers.image.title=notes',
    'CMD ["cat", "/srv/notes/todo.txt"]',
  ].join('\n');

  it('counts 6 layers, with the mkdir, WORKDIR and rm rows at 0B, as Docker 28.5 does', () => {
    const l = lab(dockerfile);
    l.run('docker build -q -t notes:1 .');
    const inspect = "docker inspect --format '{{len .RootFS.Layers}} layers' notes:1";
    expect(l.run(inspect).stdout.trim()).toBe(
      recordedCommand('overlay2', 'layer-sizes', 'docker inspect').output[0],
    );
    const format = "docker history --format '{{.CreatedBy}}\\t{{.Size}}' notes:1";
    const ours = lines(l.run(format).stdout).slice(0, -1);
    const docker = recordedCommand('overlay2', 'layer-sizes', 'docker history').output.slice(0, -1);
    expect(ours).toEqual(docker);
    expect(docker.filter((r) => r.endsWith('\t0B'))).toContain(
      'RUN /bin/sh -c mkdir -p /srv/notes # buildkit\t0B',
    );
  });

  it("gives the lesson's own start Dockerfile 4 layers, one of them 0B", () => {
    const l = lab(lesson('layers-and-history').start.dockerfile);
    l.run('docker build -q -t notes:1 .');
    expect(l.session.engine.images.find('notes:1')!.layers).toHaveLength(4);
    const text = words(lesson('layers-and-history'));
    expect(text).not.toContain('The rows with a size are layers');
    expect(text).toContain('`0B` does not mean "no layer"');
    expect(lesson('layers-and-history').summary).toContain('WORKDIR');
  });
});

describe('lesson 03: pulling an image that is already here', () => {
  it('says Already exists per layer after a BuildKit FROM, then Image is up to date', () => {
    const docker = recorded('overlay2', 'pull-after-from');
    const first = docker.find((c) => c.line.startsWith('docker pull'))!.output;
    expect(first.filter((o) => o.endsWith(': Already exists'))).toHaveLength(2);
    const pulledLocal = recordedCommand('overlay2', 'pull-local', 'docker pull', 0).output;
    expect(pulledLocal).toContain(
      'Status: Image is up to date for localhost:5000/debian:bookworm-slim',
    );
    const l = lab('FROM debian:bookworm-slim\nCOPY a.txt /a.txt\n', { 'a.txt': 'a\n' });
    l.run('docker build -t api:1 .');
    const once = lines(l.run('docker pull debian:bookworm-slim').stdout);
    expect(once.some((o) => o.endsWith(': Already exists'))).toBe(true);
    const twice = lines(l.run('docker pull debian:bookworm-slim').stdout);
    expect(twice).toContain('Status: Image is up to date for debian:bookworm-slim');
    expect(twice.some((o) => o.endsWith(': Already exists'))).toBe(false);
    expect(words(lesson('base-images-and-sharing'))).toContain('Image is up to date');
  });
});

describe('lesson 06: .dockerignore patterns start at the top of the context', () => {
  it('*.log keeps logs/app.log; **/*.log leaves both out', () => {
    const docker = recorded('overlay2', 'dockerignore').filter((c) =>
      c.line.startsWith('docker run'),
    );
    expect(docker.map((c) => c.output)).toEqual([['/site/logs/app.log'], []]);
    const files = { 'index.html': 'x\n', 'debug.log': 'a\n', 'logs/app.log': 'b\n' };
    const l = lab('FROM debian:bookworm-slim\nCOPY . /site/\n', {
      ...files,
      '.dockerignore': '*.log\n',
    });
    l.run('docker build -q -t site:1 .');
    expect(lines(l.run("docker run --rm site:1 find /site -name '*.log'").stdout)).toEqual(
      docker[0]!.output,
    );
    l.edit({ files: { '.dockerignore': '**/*.log\n' } });
    l.run('docker build -q -t site:2 .');
    expect(l.run("docker run --rm site:2 find /site -name '*.log'").stdout).toBe('');
    const copyCache = lesson('copy-cache');
    expect(copyCache.hints.join('\n')).toContain('`**/*.log`');
    expect(copyCache.solution.files?.['.dockerignore']?.content).toBe('**/*.log\n');
  });
});

describe('lesson 08: bytes from /dev/zero compress to almost nothing', () => {
  it('recorded a 30 MB layer of zeros as a 62 kB blob, and of random bytes as 31 MB', () => {
    const sizes = (tag: string) =>
      recordedCommand(
        'overlay2',
        'compressed',
        `docker manifest inspect --insecure localhost:5000/tool:${tag}`,
      ).output.map((o) => Number(/"size": (\d+)/.exec(o)?.[1]));
    // The config, the base layer, the 30 MB layer, the whiteout layer.
    const zero = sizes('zero')[2]!;
    const random = sizes('random')[2]!;
    expect(zero).toBeLessThan(100_000);
    expect(random).toBeGreaterThan(30_000_000);
    const l = lesson('deleting-does-not-shrink');
    expect(l.start.dockerfile).toContain('if=/dev/urandom');
    expect(l.start.dockerfile).not.toContain('/dev/zero');
  });
});

describe('lesson 10: docker commit keeps the container command as CMD', () => {
  it('so motd:hand prints nothing, as on Docker 28.5', () => {
    const cmd = recordedCommand(
      'overlay2',
      'commit',
      "docker inspect --format '{{json .Config.Cmd}}'",
    );
    const run = recordedCommand('overlay2', 'commit', 'docker run --rm motd:hand', 0);
    expect(run.line).toBe('docker run --rm motd:hand');
    const l = lab('FROM debian:bookworm-slim\nCMD ["cat", "/etc/motd"]\n');
    l.run('docker build -q -t base:1 .');
    l.run("docker run --name tinker base:1 sh -c 'echo Welcome aboard > /etc/motd'");
    l.run('docker commit tinker motd:hand');
    expect(l.run(cmd.line).stdout.trim()).toBe(cmd.output[0]);
    expect(lines(l.run(run.line).stdout)).toEqual(run.output);
    const fixed = recordedCommand('overlay2', 'commit', 'docker commit --change');
    l.run(fixed.line);
    expect(lines(l.run('docker run --rm motd:fixed').stdout)).toEqual(
      recordedCommand('overlay2', 'commit', 'docker run --rm motd:fixed').output,
    );
    expect(words(lesson('commit-versus-dockerfile'))).toContain('its command becomes the image');
  });
});

describe('lesson 11: a tag in a registry can move; latest is not the newest', () => {
  it('a second push of the same tag gives another digest, and a pull brings the new image', () => {
    const pushes = recorded('overlay2', 'retag').filter((c) => c.line.startsWith('docker push'));
    expect(pushes[0]!.output[0]).not.toBe(pushes[1]!.output[0]);
    const l = lab(
      'FROM debian:bookworm-slim\nARG VERSION=1\nRUN echo "version $VERSION" > /version\n',
    );
    l.run('docker build -q -t me/app:1.0 .');
    const first = l.run('docker push me/app:1.0').stdout.trim().split('\n').at(-1);
    l.run('docker build -q --build-arg VERSION=2 -t me/app:1.0 .');
    const second = l.run('docker push me/app:1.0').stdout.trim().split('\n').at(-1);
    expect(second).not.toBe(first);
    l.run('docker rmi me/app:1.0');
    l.run('docker pull me/app:1.0');
    expect(l.run('docker run --rm me/app:1.0 cat /version').stdout).toBe('version 2\n');
    const text = words(lesson('tags-and-versions'));
    expect(text).not.toContain('pinning a version tag is safe');
    expect(text).toContain('Only a **digest**');
    const goals = lesson('tags-and-versions').goals.map((g) => g.check);
    expect(goals).toContainEqual({ name: 'sameImage', args: ['app:3.0', 'app:latest'] });
  });
});

describe('lesson 12: <missing> rows with the legacy builder', () => {
  it('a base built elsewhere in several steps keeps <missing> inner rows; intermediates run', () => {
    const docker = recordedCommand('overlay2', 'legacy-history', 'docker history').output.map(
      (r) => r.split('\t')[0] === '<missing>',
    );
    // Three own steps and the base's top row have IDs; the base's inner rows do not.
    expect(docker).toEqual([false, false, false, false, true, true]);
    expect(recordedCommand('overlay2', 'legacy-history', 'docker run --rm').output).toEqual([
      'two',
    ]);
    const l = lab('FROM debian:bookworm-slim\nRUN echo a > /a\nRUN echo b > /b\n', {
      'three.txt': 'step three\n',
    });
    l.run('docker build -q -t base2:1 .');
    l.edit({
      dockerfile:
        'FROM base2:1\nRUN mkdir -p /srv && echo "step two" > /srv/two\nCOPY three.txt /srv/three\nCMD ["ls", "/srv"]\n',
    });
    l.run('DOCKER_BUILDKIT=0 docker build -q -t classic:1 .');
    const ours = lines(l.run("docker history --format '{{.ID}}' classic:1").stdout);
    expect(ours.map((id) => id === '<missing>')).toEqual(docker);
    expect(
      l.run('docker run --rm $(docker history -q classic:1 | head -3 | tail -1) ls /srv').stdout,
    ).toBe('two\n');
    expect(words(lesson('intermediate-images'))).toContain('whichever builder you use');
  });
});

describe('lesson 13: a changed ENV and the steps after it', () => {
  it('BuildKit keeps the COPY after it cached and reruns the RUN; the classic builder reruns both', () => {
    const builds = recorded('overlay2', 'env-arg').filter((c) => c.line.includes('-t env:1'));
    expect(buildkitSteps(builds[1]!.output)).toEqual([
      'COPY a.txt /a.txt CACHED',
      'RUN cat /a.txt > /b.txt',
    ]);
    const before =
      'FROM debian:bookworm-slim\nENV APP_MODE=dev\nCOPY a.txt /a.txt\nRUN cat /a.txt > /b.txt\n';
    const after = before.replace('APP_MODE=dev', 'APP_MODE=prod');
    for (const builder of ['buildkit', 'classic'] as const) {
      const l = lab(before, { 'a.txt': 'a\n' });
      const env = builder === 'classic' ? 'DOCKER_BUILDKIT=0 ' : '';
      l.run(`${env}docker build -t env:1 .`);
      l.edit({ dockerfile: after });
      const build = l.run(`${env}docker build -t env:1 .`).build!;
      const start = build.events.find((e) => e.type === 'build-start')!;
      const steps = start.type === 'build-start' ? start.steps : [];
      const outcome = (match: string) => {
        const i = steps.findIndex((s) => s.text.startsWith(match));
        const done = build.events.find((e) => e.type === 'step-done' && e.step === i);
        return done?.type === 'step-done' ? done.outcome : undefined;
      };
      expect([outcome('COPY'), outcome('RUN')]).toEqual(
        builder === 'buildkit' ? ['cached', 'built'] : ['built', 'built'],
      );
    }
    expect(words(lesson('arg-env-cache'))).not.toContain('the steps below it rebuild once too');
  });
});

describe('lesson 14: --squash', () => {
  it('needs experimental mode; the legacy builder is deprecated', () => {
    const docker = recordedCommand('overlay2', 'squash', 'DOCKER_BUILDKIT=0 docker build --squash');
    expect(docker.exitCode).toBe(1);
    const refusal = docker.output.at(-1)!;
    expect(docker.output[0]).toMatch(/^DEPRECATED: The legacy builder is deprecated/);
    const l = lab('FROM debian:bookworm-slim\nRUN echo a > /a\n');
    const r = l.run('DOCKER_BUILDKIT=0 docker build --squash -t sq:1 .');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(refusal);
    const smaller = lesson('smaller-images');
    expect(smaller.start.daemon.experimental).toBe(true);
    expect(course.lessons.filter((x) => x.start.daemon.experimental).map((x) => x.id)).toEqual([
      'smaller-images',
    ]);
    expect(words(smaller)).toContain('experimental');
    expect(words(smaller)).toContain('deprecated');
  });
});

describe('lesson 15: what rmi deletes decides what a pull downloads', () => {
  it('the build cache keeps a removed image layer until it is pruned', () => {
    const docker = recorded('overlay2', 'registry').filter((c) =>
      c.line.startsWith('docker pull localhost:5000/me/app:2'),
    );
    // The statuses that say what became of each layer (not the download's own progress).
    const status = (o: string[]) =>
      o
        .filter((x) => /^[0-9a-f]{12}: /.test(x))
        .map((x) => x.slice(14))
        .filter(
          (x) =>
            x !== 'Pulling fs layer' && x !== 'Verifying Checksum' && x !== 'Download complete',
        );
    expect(status(docker[0]!.output)).toEqual([
      'Already exists',
      'Already exists',
      'Already exists',
    ]);
    expect(status(docker[2]!.output)).toEqual([
      'Already exists',
      'Already exists',
      'Pull complete',
    ]);
    const l = lab(lesson('registries').start.dockerfile, { 'app.txt': 'release one\n' });
    l.run('docker build -q -t me/app:1 .');
    l.run('docker push me/app:1');
    l.edit({ files: { 'app.txt': 'release two\n' } });
    l.run('docker build -q -t me/app:2 .');
    l.run('docker push me/app:2');
    l.run('docker rmi me/app:2');
    expect(status(lines(l.run('docker pull me/app:2').stdout))).toEqual(status(docker[0]!.output));
    l.run('docker rmi me/app:2');
    l.run('docker builder prune -a -f');
    expect(status(lines(l.run('docker pull me/app:2').stdout))).toEqual([
      'Already exists',
      'Already exists',
      'Pull complete',
    ]);
    const text = words(lesson('registries'));
    expect(text).toContain('*compressed* bytes');
    expect(text).toContain('diffID');
    expect(text).not.toContain('only the one layer you removed is');
  });
});

describe('lessons 05 and 16: package managers', () => {
  it('npm ci needs the lock file; --no-install-recommends is about Recommends', () => {
    expect(words(lesson('cache-order'))).toContain('`package-lock.json`');
    const apt = recordedCommand('overlay2', 'apt-defaults', 'docker run').output;
    expect(apt).toEqual(['APT::Install-Recommends "1";', 'APT::Install-Suggests "0";']);
    const golf = lesson('image-golf').hints.join('\n');
    expect(golf).not.toContain('apt only suggests');
    expect(golf).toContain('recommends');
  });
});
