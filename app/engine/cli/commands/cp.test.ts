import { describe, expect, it } from 'vitest';
import { cmd, from, plan, run } from '../../build/testing/steps.ts';
import { lab } from '../testing/lab.ts';

const PLANS = {
  app: plan([
    from('debian:bookworm-slim'),
    run('mkdir -p /data/sub && echo one > /data/a && echo deep > /data/sub/b'),
    cmd(['sleep', 'infinity']),
  ]),
};

function setup() {
  const l = lab(PLANS, [
    { path: 'notes.txt', content: 'hello from the host\n' },
    { path: 'site/index.html', content: '<h1>hi</h1>\n' },
    { path: 'site/css/main.css', content: 'body{}\n', mode: 0o600 },
  ]);
  l.docker('build', '-t', 'app', '.');
  l.docker('run', '-d', '--name', 'web', 'app');
  return l;
}

describe('docker cp, container to host', () => {
  it('copies a file into the workspace under its own name or the name given', () => {
    const { docker, text } = setup();
    expect(docker('cp', 'web:/data/a', '.')).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(text('a')).toBe('one\n');
    expect(docker('cp', 'web:/data/a', 'copy.txt').exitCode).toBe(0);
    expect(text('copy.txt')).toBe('one\n');
    // An existing workspace directory receives the file under its base name.
    expect(docker('cp', 'web:/data/a', 'site').exitCode).toBe(0);
    expect(text('site/a')).toBe('one\n');
  });

  it('copies a directory whole, or only its contents with /.', () => {
    const { docker, text, workspace } = setup();
    expect(docker('cp', 'web:/data', 'out').exitCode).toBe(0);
    expect(text('out/a')).toBe('one\n');
    expect(text('out/sub/b')).toBe('deep\n');
    // `out` exists now: a second copy nests the directory inside it, as cp -a does.
    docker('cp', 'web:/data', 'out');
    expect(text('out/data/sub/b')).toBe('deep\n');
    docker('cp', 'web:/data/.', 'site');
    expect(text('site/a')).toBe('one\n');
    expect(workspace.has('site/data/a')).toBe(false);
  });

  it('sees what the container wrote, not only the image', () => {
    const { docker, text } = setup();
    docker('exec', 'web', 'sh', '-c', 'echo changed > /data/a');
    docker('cp', 'web:/data/a', 'a.txt');
    expect(text('a.txt')).toBe('changed\n');
  });

  it("answers missing paths and containers in docker's words", () => {
    const { docker } = setup();
    expect(docker('cp', 'web:/nope', '.')).toMatchObject({
      exitCode: 1,
      stderr: 'Error: No such container:path: web:/nope\n',
    });
    expect(docker('cp', 'ghost:/data/a', '.').stderr).toBe(
      'Error: No such container:path: ghost:/data/a\n',
    );
    expect(docker('cp', 'web:/data', 'notes.txt').stderr).toBe('cannot copy directory\n');
    expect(docker('cp', 'web:/data/a', 'missing-dir/').stderr).toBe('no such directory\n');
    expect(docker('cp', 'a', 'b').stderr).toBe('must specify at least one container source\n');
    expect(docker('cp', 'web:/a', 'web:/b').stderr).toBe(
      'copying between containers is not supported\n',
    );
    expect(docker('cp', 'web:/a').stderr).toMatch(/^"docker cp" requires exactly 2 arguments\./);
  });
});

describe('docker cp, host to container', () => {
  it('puts a workspace file into the writable layer, where docker diff shows it', () => {
    const { docker } = setup();
    expect(docker('cp', 'notes.txt', 'web:/data/')).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    expect(docker('exec', 'web', 'cat', '/data/notes.txt').stdout).toBe('hello from the host\n');
    expect(docker('cp', 'notes.txt', 'web:/data/a').exitCode).toBe(0);
    expect(docker('exec', 'web', 'cat', '/data/a').stdout).toBe('hello from the host\n');
    expect(docker('diff', 'web').stdout).toBe('C /data\nC /data/a\nA /data/notes.txt\n');
  });

  it('copies a directory with its modes, and . copies the contents', () => {
    const { docker, engine } = setup();
    expect(docker('cp', 'site', 'web:/srv').exitCode).toBe(0);
    expect(docker('exec', 'web', 'cat', '/srv/css/main.css').stdout).toBe('body{}\n');
    expect(engine.containers.resolve('web').rw.stat('/srv/css/main.css').mode).toBe(0o600);
    // /srv exists now, so the directory lands inside it.
    docker('cp', 'site', 'web:/srv');
    expect(docker('exec', 'web', 'cat', '/srv/site/index.html').stdout).toBe('<h1>hi</h1>\n');
    docker('cp', './site/.', 'web:/tmp');
    expect(docker('exec', 'web', 'cat', '/tmp/index.html').stdout).toBe('<h1>hi</h1>\n');
  });

  it('works on a stopped container too, and docker start sees the file', () => {
    const { docker } = setup();
    docker('create', '--name', 'later', 'app', 'cat', '/notes.txt');
    expect(docker('cp', 'notes.txt', 'later:/').exitCode).toBe(0);
    expect(docker('start', '-a', 'later').stdout).toBe('hello from the host\n');
  });

  it("answers missing paths in docker's words", () => {
    const { docker } = setup();
    expect(docker('cp', 'nothing.txt', 'web:/tmp').stderr).toBe(
      'lstat nothing.txt: no such file or directory\n',
    );
    expect(docker('cp', 'notes.txt', 'web:/no/such/place').stderr).toBe(
      'Error: No such container:path: web:/no/such\n',
    );
    expect(docker('cp', 'notes.txt', 'web:/newdir/').stderr).toBe('no such directory\n');
    expect(docker('cp', 'site', 'web:/data/a').stderr).toBe('cannot copy directory\n');
  });
});
