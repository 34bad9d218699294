import { describe, expect, it } from 'vitest';
import { resolveTestImage, simpleExpand } from '../build/testing/fixtures.ts';
import { cmd, from, plan, run as runStep } from '../build/testing/steps.ts';
import { Engine } from '../daemon/engine.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { runDocker } from './docker.ts';
import type { CliHost } from './types.ts';

function setup() {
  let now = 1000;
  const engine = new Engine({
    planner: () => ({
      plan: plan([
        from('debian:bookworm-slim'),
        runStep('mkdir /data && echo one > /data/a && echo two > /data/b'),
        cmd(['cat', '/data/a']),
      ]),
      diagnostics: [],
    }),
    expand: simpleExpand,
    catalog: builtinCatalog,
    registry: resolveTestImage,
    clock: () => now,
  });
  const host: CliHost = {
    readContext: () => ({ files: [], dockerfile: 'x', dockerfileName: 'Dockerfile' }),
    writeFile: () => undefined,
    env: {},
  };
  const docker = (...argv: string[]) => runDocker(engine, argv, host);
  docker('build', '-t', 'app', '.');
  return { engine, docker, tick: (s: number) => (now += s) };
}

describe('containers', () => {
  it('ps -l shows the latest container; --filter keeps those it names, as dockerd does', () => {
    const { docker } = setup();
    docker('run', '--name', 'first', 'app');
    docker('run', '--name', 'second', 'app', 'sh', '-c', 'exit 3');
    docker('create', '--name', 'third', 'app');
    const names = (...argv: string[]) =>
      docker('ps', ...argv, '--format', '{{.Names}}')
        .stdout.trim()
        .split('\n');
    expect(names('-l')).toEqual(['third']);
    expect(docker('ps', '-lq').stdout).toMatch(/^[0-9a-f]{12}\n$/);
    expect(names('-a', '--filter', 'name=sec')).toEqual(['second']);
    expect(names('-a', '-f', 'status=exited')).toEqual(['second', 'first']);
    expect(names('-a', '-f', 'exited=3')).toEqual(['second']);
    expect(names('-a', '-f', 'ancestor=app')).toEqual(['third', 'second', 'first']);
    expect(names('-a', '-f', 'status=exited', '-f', 'name=^/fir')).toEqual(['first']);
    expect(docker('ps', '-a', '-f', 'status=sleeping')).toMatchObject({
      exitCode: 1,
      stderr:
        "Error response from daemon: invalid filter 'status=sleeping': invalid value for state (sleeping): must be one of created, running, paused, restarting, removing, exited, dead\n",
    });
    expect(docker('ps', '-a', '-f', 'colour=red').stderr).toBe(
      "Error response from daemon: invalid filter 'colour'\n",
    );
    // A status filter lists stopped containers without -a; exited= does not.
    expect(names('-f', 'status=created')).toEqual(['third']);
    expect(names('-f', 'exited=0')).toEqual(['']);
    expect(names('-n', '2')).toEqual(['third', 'second']);
    expect(names('-a', '-f', 'before=third')).toEqual(['second', 'first']);
    expect(names('-a', '-f', 'since=first')).toEqual(['third', 'second']);
    expect(names('-a', '-f', 'before=third', '-n', '1')).toEqual(['second']);
    expect(docker('ps', '-f', 'before=nobody').stderr).toBe(
      'Error response from daemon: No such container: nobody\n',
    );
    expect(docker('ps', '-f', 'colour').stderr).toBe(
      `invalid argument "colour" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ps --help'.\n`,
    );
    expect(docker('ps', '-a', '-f', 'exited=x').stderr).toBe(
      `Error response from daemon: invalid filter 'exited=x': strconv.Atoi: parsing "x": invalid syntax\n`,
    );
    // An image nobody has: no container matches.
    expect(names('-a', '-f', 'ancestor=nothing:here')).toEqual(['']);
  });

  it('ps --filter label= reads the labels a container has from its image; ancestor follows the legacy builder only', () => {
    const { docker } = setup();
    docker('create', '--name', 'plain', 'app');
    docker('commit', '--change', 'LABEL team=web tier=back', 'plain', 'labelled');
    docker('create', '--name', 'web', 'labelled');
    const names = (...argv: string[]) =>
      docker('ps', '-a', ...argv, '--format', '{{.Names}}')
        .stdout.trim()
        .split('\n');
    expect(names('-f', 'label=team')).toEqual(['web']);
    expect(names('-f', 'label=team=web', '-f', 'label=tier')).toEqual(['web']);
    expect(names('-f', 'label=team=db')).toEqual(['']);
    // BuildKit's `app` links no parent, so its containers are not debian's descendants; the
    // committed image names its parent, so `ancestor=app` reaches it (moby daemon/list.go).
    expect(names('-f', 'ancestor=debian:bookworm-slim')).toEqual(['']);
    expect(names('-f', 'ancestor=app')).toEqual(['web', 'plain']);
  });

  it('runs the image CMD and keeps the exited container', () => {
    const { docker } = setup();
    expect(docker('run', '--name', 'first', 'app')).toMatchObject({ exitCode: 0, stdout: 'one\n' });
    const ps = docker('ps', '-a').stdout.split('\n');
    expect(ps[0]).toMatch(
      /^CONTAINER ID {3}IMAGE {5}COMMAND {9,}CREATED {9,}STATUS {9,}PORTS {5}NAMES$/,
    );
    expect(ps[1]).toMatch(/^[0-9a-f]{12} {3}app {7}"cat \/data\/a" {3}.*Exited \(0\) .* first$/);
    expect(docker('ps').stdout.split('\n')).toHaveLength(2);
  });

  it('checks names as Docker does: two characters at least, no clash', () => {
    const { docker } = setup();
    expect(docker('run', '--name', 'c', 'app')).toMatchObject({
      exitCode: 125,
      stderr:
        "docker: Error response from daemon: Invalid container name (c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.\n",
    });
    expect(docker('create', '--name', 'c', 'app')).toMatchObject({
      exitCode: 1,
      stderr:
        'Error response from daemon: Invalid container name (c), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n',
    });
    expect(docker('run', '--name', 'c1', 'app').exitCode).toBe(0);
    const again = docker('run', '--name', 'c1', 'app');
    expect(again.exitCode).toBe(125);
    expect(again.stderr).toMatch(
      /^docker: Error response from daemon: Conflict\. The container name "\/c1" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\nSee 'docker run --help'\.\n$/,
    );
  });

  it('inspects a container: its state, command, and the overlay directories behind it', () => {
    const { docker } = setup();
    docker('run', '-d', '--name', 'box', 'app', 'sleep', 'infinity');
    const [c] = JSON.parse(docker('inspect', 'box').stdout) as {
      GraphDriver: { Data: Record<string, string> };
    }[];
    expect(c).toMatchObject({
      Name: '/box',
      Path: 'sleep',
      Args: ['infinity'],
      State: { Status: 'running', Running: true, ExitCode: 0 },
      Config: { Image: 'app', Cmd: ['sleep', 'infinity'] },
      Driver: 'overlay2',
    });
    // One writable upper directory over the image's layers (and the init layer).
    const data = c!.GraphDriver.Data;
    expect(data.UpperDir).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{24}\/diff$/);
    expect(data.LowerDir!.split(':')).toHaveLength(3);
    docker('stop', 'box');
    expect(
      docker('inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', 'box').stdout,
    ).toBe('exited 137\n');
    expect(docker('container', 'inspect', 'app').stderr).toBe('Error: No such container: app\n');
    expect(docker('image', 'inspect', '--format', '{{.Config.Cmd}}', 'app').stdout).toBe(
      '[cat /data/a]\n',
    );
  });

  it('publishes ports with -p, shows them in ps and port, and binds a host port once', () => {
    const { docker } = setup();
    expect(
      docker('run', '-d', '--name', 'web', '-p', '8080:80', 'app', 'sleep', 'infinity').exitCode,
    ).toBe(0);
    expect(docker('ps', '--format', '{{.Names}} {{.Ports}}').stdout).toBe(
      'web 0.0.0.0:8080->80/tcp, :::8080->80/tcp\n',
    );
    expect(docker('port', 'web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    const clash = docker(
      'run',
      '-d',
      '--name',
      'web2',
      '-p',
      '8080:80',
      'app',
      'sleep',
      'infinity',
    );
    expect(clash.exitCode).toBe(125);
    expect(clash.stderr).toMatch(
      /^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.\nSee 'docker run --help'\.\n$/,
    );
    expect(docker('ps', '-a', '--format', '{{.Names}} {{.Status}}').stdout).toContain(
      'web2 Created',
    );
    docker('stop', 'web');
    expect(docker('start', 'web2').stdout).toBe('web2\n');
    const [c] = JSON.parse(docker('inspect', 'web2').stdout) as {
      HostConfig: { PortBindings: unknown };
    }[];
    expect(c!.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '', HostPort: '8080' }] });
  });

  it('copies a file up on append and on chmod, leaves a whiteout on delete, and shows it in docker diff', () => {
    const { docker, engine } = setup();
    docker('run', '-d', '--name', 'web', 'app', 'sleep', 'infinity');
    expect(
      docker(
        'exec',
        'web',
        'sh',
        '-c',
        'echo more >> /data/a && chmod 600 /data/b && rm /etc/apt/sources.list && touch /tmp/new',
      ).exitCode,
    ).toBe(0);
    expect(docker('diff', 'web').stdout).toBe(
      [
        'C /data',
        'C /data/a',
        'C /data/b',
        'C /etc',
        'C /etc/apt',
        'D /etc/apt/sources.list',
        'C /tmp',
        'A /tmp/new',
        '',
      ].join('\n'),
    );
    const rw = engine.containers.resolve('web').rw.commit();
    // The whole file is copied up, not just the appended bytes.
    expect(rw.stats.size).toBe('one\nmore\n'.length + 'two\n'.length);
    expect(rw.stats.whiteouts).toBe(1);
    expect(docker('ps', '-s').stdout).toMatch(/ 13B \(virtual [\d.]+kB\)\n$/);
  });

  it('keeps two containers from one image apart while they share its layers', () => {
    const { docker, engine } = setup();
    docker('run', '-d', '--name', 'one', 'app', 'sleep', 'infinity');
    docker('run', '-d', '--name', 'two', 'app', 'sleep', 'infinity');
    docker('exec', 'one', 'sh', '-c', 'echo mine > /data/a');
    expect(docker('exec', 'two', 'cat', '/data/a').stdout).toBe('one\n');
    expect(docker('exec', 'one', 'cat', '/data/a').stdout).toBe('mine\n');
    const [a, b] = [engine.containers.resolve('one'), engine.containers.resolve('two')];
    expect(a.lower.layers[0]).toBe(b.lower.layers[0]);
  });

  it('renames an image directory by copying it, since overlay refuses the rename (EXDEV)', () => {
    const { docker } = setup();
    docker('run', '-d', '--name', 'box', 'app', 'sleep', 'infinity');
    // rename(2) fails with EXDEV on overlay; mv then copies and deletes, as coreutils does.
    expect(docker('exec', 'box', 'mv', '/data', '/moved').exitCode).toBe(0);
    expect(docker('diff', 'box').stdout).toBe('D /data\nA /moved\nA /moved/a\nA /moved/b\n');
  });

  it('commits the writable layer as a new image layer that history shows', () => {
    const { docker } = setup();
    docker('run', '--name', 'writer', 'app', 'sh', '-c', 'echo hi > /hello');
    expect(docker('commit', '-m', 'add hello', 'writer', 'app:hello').stdout).toMatch(
      /^sha256:[0-9a-f]{64}\n$/,
    );
    const h = docker('history', 'app:hello').stdout.split('\n');
    expect(h[1]).toMatch(/^[0-9a-f]{12} .*sh -c echo hi > \/hello .*3B {8}add hello$/);
    expect(docker('run', '--rm', 'app:hello', 'cat', '/hello').stdout).toBe('hi\n');
  });

  it("keeps the container's command as CMD, and --change sets settings as dockerd does", () => {
    // conformance/lessons/overlay2/commit.txt (Docker 28.5): the committed image re-runs the
    // container's own command, so it prints nothing; --change replaces the CMD.
    const { docker } = setup();
    docker('run', '--name', 'tinker', 'app', 'sh', '-c', 'echo Welcome aboard > /etc/motd');
    docker('commit', 'tinker', 'motd:hand');
    expect(docker('inspect', '--format', '{{json .Config.Cmd}}', 'motd:hand').stdout).toBe(
      '["sh","-c","echo Welcome aboard > /etc/motd"]\n',
    );
    expect(docker('run', '--rm', 'motd:hand').stdout).toBe('');
    const changes = ['CMD cat /etc/motd', 'WORKDIR /srv', 'ENV A=1 B=2'];
    docker('commit', ...changes.flatMap((c) => ['--change', c]), 'tinker', 'motd:fixed');
    expect(
      docker('inspect', '--format', '{{json .Config.Cmd}} {{.Config.WorkingDir}}', 'motd:fixed')
        .stdout,
    ).toBe('["/bin/sh","-c","cat /etc/motd"] /srv\n');
    expect(docker('run', '--rm', 'motd:fixed').stdout).toBe('Welcome aboard\n');
    const refused = docker('commit', '--change', 'RUN echo', 'tinker', 'motd:bad');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe('Error response from daemon: RUN is not a valid change command\n');
  });

  it('refuses to remove an image a container uses, and stop/rm work', () => {
    const { docker } = setup();
    docker('run', '-d', '--name', 'web', 'app', 'sleep', 'infinity');
    expect(docker('rmi', 'app').stderr).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "app" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/,
    );
    expect(docker('rm', 'web').stderr).toMatch(/You cannot remove a running container/);
    expect(docker('stop', 'web').stdout).toBe('web\n');
    expect(docker('rm', 'web').stdout).toBe('web\n');
    expect(docker('rmi', 'app').exitCode).toBe(0);
  });

  it('restart stops a running container and starts it again; a stopped one starts', () => {
    const { engine, docker, tick } = setup();
    docker('run', '--name', 'once', 'app');
    expect(engine.containers.resolve('once').state).toBe('exited');
    expect(docker('restart', 'once')).toMatchObject({ exitCode: 0, stdout: 'once\n' });
    // The main process ran again: its output is in the logs twice.
    expect(docker('logs', 'once').stdout).toBe('one\none\n');
    docker('run', '-d', '--rm', '--name', 'web', 'app', 'sleep', 'infinity');
    const started = engine.containers.resolve('web').startedAt;
    tick(5);
    expect(docker('restart', '-t', '0', 'web').stdout).toBe('web\n');
    const web = engine.containers.resolve('web');
    expect(web.state).toBe('running');
    expect(web.startedAt).toBeGreaterThan(started!);
    expect(docker('restart')).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/^"docker restart" requires at least 1 argument\./),
    });
    expect(docker('restart', 'nosuch').stderr).toBe(
      'Error response from daemon: No such container: nosuch\n',
    );
  });

  it('pulls a missing image on run, and says so', () => {
    const { docker } = setup();
    const r = docker('run', '--rm', 'debian:bookworm-slim', 'cat', '/etc/apt/sources.list');
    expect(r.stderr).toMatch(
      /^Unable to find image 'debian:bookworm-slim' locally\nbookworm-slim: Pulling from library\/debian\n[0-9a-f]{12}: Already exists\n/,
    );
    expect(r.stdout).toBe('deb http://deb.debian.org/debian bookworm main\n');
    expect(docker('run', 'nosuch').stderr).toMatch(
      /pull access denied for nosuch, repository does not exist/,
    );
  });
});
