import { describe, expect, it } from 'vitest';
import { resolveTestImage } from '../build/testing/fixtures.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import { splitHostLine, substitute } from './hostLine.ts';
import { LabSession } from './session.ts';

describe('the terminal line as a shell reads it', () => {
  it('splits at &&, || and ; outside quotes and $(...)', () => {
    expect(splitHostLine(`docker build -t 'a&&b' . && docker run a; docker ps || true`)).toEqual({
      commands: [
        { text: `docker build -t 'a&&b' .`, after: ';' },
        { text: 'docker run a', after: '&&' },
        { text: 'docker ps', after: ';' },
        { text: 'true', after: '||' },
      ],
    });
    expect(splitHostLine('docker rm $(docker ps -q; echo) && x')).toMatchObject({
      commands: [{ text: 'docker rm $(docker ps -q; echo)' }, { text: 'x', after: '&&' }],
    });
    expect(splitHostLine('&& docker ps')).toEqual({
      error: "syntax error near unexpected token `&&'",
    });
    expect(splitHostLine('docker ps &&')).toEqual({ error: "syntax error: nothing after `&&'" });
    expect(splitHostLine('docker rm $(docker ps -q')).toEqual({
      error: 'unexpected end of line: a $( is not closed',
    });
  });

  it('substitutes $(...) with its output, words split unless in double quotes', () => {
    const run = (inner: string) => (inner === 'ids' ? 'a\nb\n' : '');
    expect(substitute('rm -f $(ids)', run)).toBe('rm -f a b');
    expect(substitute('echo "$(ids)"', run)).toBe('echo "a\nb"');
    expect(substitute("echo '$(ids)'", run)).toBe("echo '$(ids)'");
  });
});

describe('a line of several docker commands', () => {
  const session = () => new LabSession({ registry: resolveTestImage, catalog: builtinCatalog });
  const DF = 'FROM debian:bookworm-slim\nRUN echo hi > /hi\nCMD ["cat", "/hi"]\n';

  it('builds and runs with &&, in order, and records each command', () => {
    const s = session();
    const r = s.command('docker build -q -t app . && docker run --name one app', [], DF);
    expect(r.exitCode).toBe(0);
    expect(r.build).toBeDefined();
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\nhi\n$/);
    expect(r.chunks?.map((c) => c.text)).toEqual([r.stdout.split('\n')[0] + '\n', 'hi\n']);
    expect(s.command('docker ps -a --format {{.Names}}', [], DF).stdout).toBe('one\n');
  });

  it('stops at a failure with &&, goes on with || and ;', () => {
    const s = session();
    const r = s.command('docker run nosuch && docker ps; docker images -q || docker ps', [], DF);
    expect(r.exitCode).toBe(0);
    expect(r.chunks?.[0]).toMatchObject({ error: true });
    expect(r.stdout).toBe('');
  });

  it('removes every container with docker rm -f $(docker ps -aq)', () => {
    const s = session();
    s.command(
      'docker build -q -t app . ; docker run -d app sleep infinity; docker run app',
      [],
      DF,
    );
    expect(s.view().containers).toHaveLength(2);
    const r = s.command('docker rm -f $(docker ps -aq)', [], DF);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(s.view().containers).toHaveLength(0);
  });
});

describe('docker output piped into text filters', () => {
  const DF = 'FROM debian:bookworm-slim\nRUN echo hi > /hi\n';
  const session = () => {
    // overlay2's `docker images` table (REPOSITORY TAG ...), which these filters pick apart.
    const s = new LabSession({
      registry: resolveTestImage,
      catalog: builtinCatalog,
      store: 'overlay2',
    });
    s.command(
      'docker build -q -t app:1 . ; docker tag app:1 app:2; docker tag app:1 web:1',
      [],
      DF,
    );
    return s;
  };

  it('grep, wc, head, tail, sort, awk', () => {
    const s = session();
    const run = (line: string) => s.command(line, [], DF);
    expect(run('docker images | grep web').stdout).toMatch(/^web {10}1 /);
    expect(run('docker images --format {{.Repository}}:{{.Tag}} | sort -r').stdout).toBe(
      'web:1\napp:2\napp:1\n',
    );
    expect(run('docker images | wc -l').stdout).toBe('4\n');
    expect(run('docker images | tail -n 1 | awk "{print \\$1, \\$2}"').stdout).toBe('web 1\n');
    expect(run('docker images | head -1 | awk "{print \\$1}"').stdout).toBe('REPOSITORY\n');
    expect(run('docker images | grep -c app').stdout).toBe('2\n');
    expect(run('docker images | grep nothing-here')).toMatchObject({ exitCode: 1, stdout: '' });
  });

  it('says what it cannot pipe into, and refuses an empty stage', () => {
    const s = session();
    expect(s.command('docker images | less', [], DF)).toMatchObject({
      exitCode: 127,
      stderr: expect.stringMatching(
        /^less: command not found \(docker's output can be piped into grep, /,
      ),
    });
    expect(s.command('docker images |', [], DF).stderr).toBe(
      "syntax error near unexpected token `|'\n",
    );
  });
});
