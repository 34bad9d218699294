import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { LabSession } from './session.ts';

const session = () =>
  new LabSession({ registry: resolveTestImage, catalog: builtinCatalog, clock: () => 100 });

describe('interactive shells', () => {
  it('`docker run -it` attaches; lines follow cd and export; writes land in the container', () => {
    const s = session();
    const opened = s.command('docker run -it --name box debian:bookworm-slim sh', [], '');
    expect(opened.exitCode).toBe(0);
    expect(opened.stderr).not.toContain('keeps running');
    const shell = opened.shell!;
    expect(shell).toMatchObject({ name: 'box', user: 'root', cwd: '/', stopOnExit: true });
    expect(shell.hostname).toBe(shell.container.slice(0, 12));

    let r = s.shellLine(shell, `cd /etc && export GREETING=hi && echo "it's here" > note`);
    expect(r).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(r.shell?.cwd).toBe('/etc');
    r = s.shellLine(r.shell!, 'cat note; echo $GREETING; false');
    expect(r.stdout).toBe("it's here\nhi\n");
    expect(r.exitCode).toBe(1);
    expect(r.shell).toBeDefined();
    expect(s.command('docker diff box', [], '').stdout).toContain('A /etc/note');

    r = s.shellLine(r.shell!, 'exit 3');
    expect(r.shell).toBeUndefined();
    expect(r.exitCode).toBe(3);
    expect(r.engine.containers.find((c) => c.name === 'box')?.state).toBe('exited');
    expect(s.command('docker ps -a --format "{{.Status}}"', [], '').stdout).toMatch(
      /^Exited \(3\)/,
    );
  });

  it('`docker exec -it` attaches to a running container and leaves it running', () => {
    const s = session();
    s.command('docker run -d --name web debian:bookworm-slim sleep infinity', [], '');
    const opened = s.command('docker exec -it -w /tmp -u nobody web bash', [], '');
    const shell = opened.shell!;
    expect(shell).toMatchObject({ name: 'web', user: 'nobody', cwd: '/tmp', stopOnExit: false });
    const r = s.shellLine(shell, 'id -un; pwd; exit');
    expect(r.stdout).toBe('nobody\n/tmp\n');
    expect(r.shell).toBeUndefined();
    expect(r.engine.containers.find((c) => c.name === 'web')?.state).toBe('running');
  });

  it('closing a `run -it` shell stops its container; --rm removes it', () => {
    const s = session();
    const shell = s.command('docker run -it --rm --name tmp debian:bookworm-slim', [], '').shell!;
    expect(shell.stopOnExit).toBe(true);
    const view = s.shellClose(shell);
    expect(view.containers.find((c) => c.name === 'tmp')).toBeUndefined();
  });

  it('attaches only with -i and -t to a bare shell, never when detached', () => {
    const s = session();
    expect(s.command('docker run -d -it debian:bookworm-slim sh', [], '').shell).toBeUndefined();
    expect(s.command('docker run -i debian:bookworm-slim sh', [], '').shell).toBeUndefined();
    expect(s.command('docker run -it debian:bookworm-slim ls /', [], '').shell).toBeUndefined();
  });

  it('a shell whose container is gone says so, as docker does', () => {
    const s = session();
    const stopped = s.command('docker run --name done debian:bookworm-slim true', [], '');
    expect(stopped.exitCode).toBe(0);
    expect(s.command('docker exec -it done sh', [], '').stderr).toMatch(/is not running/);
    const shell = s.command('docker run -it --name gone debian:bookworm-slim sh', [], '').shell!;
    s.command('docker rm -f gone', [], '');
    const r = s.shellLine(shell, 'ls');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/No such container/);
    expect(r.shell).toBeUndefined();
  });
});
