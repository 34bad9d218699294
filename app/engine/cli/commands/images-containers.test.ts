import { describe, expect, it } from 'vitest';
import { testBase } from '../../build/testing/fixtures.ts';
import { cmd, from, plan, run } from '../../build/testing/steps.ts';
import { lab } from '../testing/lab.ts';

const PLANS = {
  app: plan([
    from('debian:bookworm-slim'),
    run('mkdir /data && echo one > /data/a'),
    cmd(['sleep', 'infinity']),
  ]),
};

function setup() {
  const l = lab(PLANS);
  l.docker('build', '-t', 'app', '.');
  return l;
}

const short = (id: string) => id.replace('sha256:', '').slice(0, 12);

describe('docker images --digests and --format', () => {
  it('shows the registry digest for pulled images and <none> for local builds', () => {
    const { docker } = setup();
    docker('pull', 'debian:bookworm-slim');
    const lines = docker('images', '--digests').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY {3}TAG {13}DIGEST {4,}IMAGE ID {7}CREATED {5,}SIZE$/);
    const debian = lines.find((l) => l.startsWith('debian '))!.split(/\s{2,}/);
    // The registry's digest (of the index it serves), not the image ID (of the config).
    expect(debian[2]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(debian[2]).not.toBe(testBase.id);
    expect(docker('pull', 'debian:bookworm-slim').stdout).toContain(`Digest: ${debian[2]}\n`);
    expect(lines.find((l) => l.startsWith('app '))!.split(/\s{2,}/)[2]).toBe('<none>');
  });

  it('keeps RepoDigests after pull and push, and finds an image by name@digest', () => {
    const { docker } = setup();
    const pulled = docker('pull', 'debian:bookworm-slim').stdout;
    const digest = /Digest: (sha256:[0-9a-f]{64})/.exec(pulled)![1]!;
    expect(
      JSON.parse(
        docker('inspect', '--format', '{{json .RepoDigests}}', 'debian:bookworm-slim').stdout,
      ),
    ).toEqual([`debian@${digest}`]);
    expect(docker('inspect', '--format', '{{.Id}}', `debian@${digest}`).stdout.trim()).toBe(
      testBase.id,
    );
    expect(docker('pull', '-q', 'debian:bookworm-slim').stdout).toBe(
      'docker.io/library/debian:bookworm-slim\n',
    );
    docker('tag', 'app', 'me/app:1');
    const pushed = docker('push', 'me/app:1').stdout;
    const m = /^1: digest: (sha256:[0-9a-f]{64}) size: (\d+)$/m.exec(pushed)!;
    expect(m).not.toBeNull();
    expect(docker('inspect', '--format', '{{json .RepoDigests}}', 'me/app:1').stdout).toContain(
      `me/app@${m[1]}`,
    );
    // Pulling it back says the same digest.
    expect(docker('pull', 'me/app:1').stdout).toContain(`Digest: ${m[1]}`);
  });

  it('prints the fields a Go template names, one line per image', () => {
    const { docker, engine } = setup();
    const id = engine.images.resolve('app').id;
    expect(docker('images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}', 'app').stdout).toBe(
      `app:latest ${short(id)}\n`,
    );
    const table = docker('images', '--format', 'table {{.Repository}}\t{{.Digest}}', 'app');
    expect(table.stdout).toBe('REPOSITORY   DIGEST\napp          <none>\n');
  });
});

describe('rmi and image prune with containers', () => {
  it("refuses an image a stopped container uses, unless forced, in docker's words", () => {
    const { docker, engine } = setup();
    docker('create', '--name', 'box', 'app');
    const image = engine.images.resolve('app');
    const cid = engine.containers.resolve('box').id.slice(0, 12);
    expect(docker('rmi', short(image.id)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short(image.id)} (must be forced) - image is being used by stopped container ${cid}\n`,
    );
    expect(docker('rmi', 'app').stderr).toBe(
      `Error response from daemon: conflict: unable to remove repository reference "app" (must force) - container ${cid} is using its referenced image ${short(image.id)}\n`,
    );
    // -f takes it anyway; the container keeps its layers and still runs.
    expect(docker('rmi', '-f', 'app').stdout).toMatch(/^Untagged: app:latest\nDeleted: sha256:/);
    expect(engine.images.get(image.id)).toBeUndefined();
    expect(docker('start', 'box').exitCode).toBe(0);
    expect(docker('exec', 'box', 'cat', '/data/a').stdout).toBe('one\n');
  });

  it('cannot force the removal of an image a running container uses', () => {
    const { docker, engine } = setup();
    docker('run', '-d', '--name', 'web', 'app');
    const image = engine.images.resolve('app');
    const cid = engine.containers.resolve('web').id.slice(0, 12);
    expect(docker('rmi', '-f', short(image.id)).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${short(image.id)} (cannot be forced) - image is being used by running container ${cid}\n`,
    );
    // By name, -f removes the name only: the image stays, now dangling.
    expect(docker('rmi', '-f', 'app')).toMatchObject({
      exitCode: 0,
      stdout: 'Untagged: app:latest\n',
    });
    expect(engine.images.get(image.id)).toBeDefined();
    expect(engine.images.isDangling(image.id)).toBe(true);
  });

  it('image prune -a keeps images that containers use', () => {
    const { docker, engine } = setup();
    docker('pull', 'debian:bookworm-slim');
    docker('create', '--name', 'box', 'app');
    const out = docker('image', 'prune', '-a', '-f').stdout;
    expect(out).not.toContain('app:latest');
    expect(engine.images.find('app')).toBeDefined();
    docker('rm', 'box');
    expect(docker('image', 'prune', '-a', '-f').stdout).toContain('untagged: app:latest\n');
    expect(engine.images.find('app')).toBeUndefined();
  });
});

describe('containers: lifecycle, logs, size', () => {
  it('create, start, stop: docker ps shows each state', () => {
    const { docker, tick } = setup();
    docker('create', '--name', 'box', 'app');
    expect(docker('ps', '-a').stdout).toMatch(/"sleep infinity" .* Created .* box\n$/);
    expect(docker('start', 'box').stdout).toBe('box\n');
    tick(3);
    expect(docker('ps').stdout).toMatch(/ Up 3 seconds .* box\n$/);
    expect(docker('stop', 'box').stdout).toBe('box\n');
    tick(60);
    expect(docker('ps', '-a').stdout).toMatch(/ Exited \(137\) About a minute ago .* box\n$/);
    expect(docker('ps').stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('logs keeps what every start printed, and --tail keeps the last lines', () => {
    const { docker } = setup();
    docker('run', '--name', 'printer', 'app', 'sh', '-c', 'echo one; echo two; echo three');
    docker('start', 'printer');
    expect(docker('logs', 'printer').stdout).toBe('one\ntwo\nthree\none\ntwo\nthree\n');
    expect(docker('logs', '--tail', '2', 'printer').stdout).toBe('two\nthree\n');
    expect(docker('logs', '-n', '0', 'printer').stdout).toBe('');
    expect(docker('logs', '--tail', 'all', 'printer').stdout.split('\n')).toHaveLength(7);
    expect(docker('logs', 'nope').stderr).toBe(
      'Error response from daemon: No such container: nope\n',
    );
  });

  it('ps -s shows the writable layer and (virtual) the image on top', () => {
    const { docker, engine } = setup();
    docker('run', '-d', '--name', 'web', 'app');
    docker('exec', 'web', 'sh', '-c', 'echo 123456789 > /data/new');
    const virtual = engine.images.resolve('app').layers.reduce((n, l) => n + l.stats.size, 0) + 10;
    const size = docker('ps', '-s')
      .stdout.trimEnd()
      .split('\n')[1]!
      .split(/\s{2,}/)
      .pop();
    expect(size).toBe(`10B (virtual ${Number((virtual / 1000).toPrecision(3))}kB)`);
  });

  it('renaming an image directory fails with EXDEV underneath, so mv copies it', () => {
    const { docker, engine } = setup();
    docker('run', '-d', '--name', 'mover', 'app');
    const rw = engine.containers.resolve('mover').rw;
    expect(() => rw.rename('/data', '/moved')).toThrow(/Invalid cross-device link/);
    expect(docker('exec', 'mover', 'mv', '/data', '/moved').exitCode).toBe(0);
    expect(docker('diff', 'mover').stdout).toBe('D /data\nA /moved\nA /moved/a\n');
  });
});
