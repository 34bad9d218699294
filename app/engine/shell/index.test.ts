import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN_COMMANDS, runExec, runShell } from './index.ts';
import { builtinCatalog } from './packages/builtin.ts';
import { debianFs, sh } from './testing/helpers.ts';
import type { ShellContext } from './types.ts';

const ctx = (over: Partial<ShellContext> = {}): ShellContext => ({
  fs: debianFs(),
  env: {},
  cwd: '/',
  user: { uid: 0, gid: 0, name: 'root' },
  catalog: builtinCatalog,
  ...over,
});

describe('runShell', () => {
  it('returns exported variables and the working directory after the run', () => {
    const r = runShell('export A=1; B=2; cd /tmp', ctx());
    expect(r.env['A']).toBe('1');
    expect(r.env['B']).toBeUndefined();
    expect(r.cwd).toBe('/tmp');
  });
  it('sets up the environment in docker order, HOME from /etc/passwd', () => {
    const fs = debianFs();
    fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\napp:x:1000:1000::/home/app:/bin/sh\n');
    const r = runShell(
      'env',
      ctx({ fs, env: { LANG: 'C.UTF-8' }, user: { uid: 1000, gid: 1000, name: 'app' } }),
    );
    expect(r.stdout).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=buildkitsandbox\nLANG=C.UTF-8\nHOME=/home/app\nPWD=/\n',
    );
  });
  it('feeds stdin to the script', () => {
    expect(runShell('cat', ctx({ stdin: 'in\n' })).stdout).toBe('in\n');
  });
  it('stops when the filesystem runs out of space', () => {
    const r = sh('dd if=/dev/zero of=/big bs=1M count=50; echo after', {
      fs: debianFs(10 * 1024 * 1024),
    });
    expect(r.budgetExceeded).toBe('size');
    expect(r.message).toMatch(/no space left/);
    expect(r.stdout).toBe('');
  });
  it('stops runaway output', () => {
    const r = sh('yes', { limits: { steps: 1_000_000, outputBytes: 100_000 } });
    expect(r.budgetExceeded).toBeDefined();
  });
  it('reports servers in the foreground as long-running', () => {
    const fs = debianFs();
    fs.put('/usr/sbin/nginx', '', 0o755);
    expect(runShell("nginx -g 'daemon off;'", ctx({ fs })).longRunning).toBe(true);
    expect(runShell('nginx', ctx({ fs })).longRunning).toBeUndefined();
  });
  it('knows its commands for completion', () => {
    expect(KNOWN_COMMANDS).toContain('apt-get');
    expect(KNOWN_COMMANDS).toContain('cd');
    expect([...KNOWN_COMMANDS].sort()).toEqual(KNOWN_COMMANDS);
  });
});

describe('runExec', () => {
  it('runs argv without a shell', () => {
    const r = runExec(['echo', '$HOME', 'a b'], ctx());
    expect(r.stdout).toBe('$HOME a b\n');
  });
  it('runs /bin/sh -c as the builder and containers do', () => {
    const r = runExec(['/bin/sh', '-c', 'echo $0; exit 4'], ctx());
    expect(r.stdout).toBe('/bin/sh\n');
    expect(r.exitCode).toBe(4);
  });
  it('runs an entrypoint script that execs its arguments', () => {
    const fs = debianFs();
    fs.put('/usr/bin/python3', '', 0o755);
    fs.put('/entry.sh', '#!/bin/sh\nset -e\necho "starting $1"\nexec "$@"\n', 0o755);
    const r = runExec(['/entry.sh', 'python3', '-m', 'http.server'], ctx({ fs }));
    expect(r.stdout).toBe('starting python3\n');
    expect(r.foreverCommand).toBe('python3 -m http.server');
  });
  it('fails like docker when the program is missing', () => {
    const r = runExec(['nope'], ctx());
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toBe('exec: "nope": executable file not found in $PATH\n');
  });
  it('treats sleep infinity and unknown binaries as running', () => {
    expect(runExec(['sleep', 'infinity'], ctx()).longRunning).toBe(true);
    const fs = debianFs();
    fs.writeSizedFile('/usr/local/bin/server', 1000, { mode: 0o755 });
    expect(runExec(['server'], ctx({ fs })).longRunning).toBe(true);
    expect(runShell('server --version', ctx({ fs })).longRunning).toBeUndefined();
  });
  it('runs python servers forever and reports missing scripts', () => {
    const fs = debianFs();
    fs.put('/usr/bin/python3', '', 0o755);
    fs.put(
      '/app/app.py',
      'from http.server import HTTPServer\nHTTPServer(("", 8000), H).serve_forever()\n',
    );
    expect(runExec(['python3', '/app/app.py'], ctx({ fs })).longRunning).toBe(true);
    expect(runExec(['python3', '-m', 'http.server'], ctx({ fs })).longRunning).toBe(true);
    const r = runExec(['python3', 'x.py'], ctx({ fs, cwd: '/app' }));
    expect(r.stderr).toBe(
      "python3: can't open file '/app/x.py': [Errno 2] No such file or directory\n",
    );
    expect(r.exitCode).toBe(2);
  });
});

describe('robustness', () => {
  const pieces = [
    'echo a',
    'cat /x',
    '|',
    '&&',
    '||',
    ';',
    '(',
    ')',
    '{',
    '}',
    '$(',
    '`',
    '"',
    "'",
    '<<EOF',
    'EOF',
    '\n',
    'if',
    'then',
    'fi',
    'for i in 1 2',
    'do',
    'done',
    'while false',
    'case x in',
    'x)',
    ';;',
    'esac',
    '$X',
    '${X:-y}',
    '${',
    '$((1/0))',
    '*',
    '>',
    '>>',
    '2>&1',
    '<',
    '/tmp/f',
    'f()',
    'f',
    'exit',
    'set -e',
    'ls -la',
    'rm -rf /tmp',
    'mkdir -p /a/b',
    'sed s/a/b/',
    'grep -r x /',
    'find / -name "*"',
    'tar -czf /t /etc',
    'apt-get install -y curl',
    'yes',
    'seq 1 1000000',
    '!',
    '&',
    'read v',
    'shift',
    'break',
    'return',
  ];
  it('never throws out of runShell, whatever the script', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 14 }),
        fc.string({ maxLength: 8 }),
        (parts, noise) => {
          const script = parts.join(' ') + noise;
          const r = runShell(script, ctx({ limits: { steps: 2000, outputBytes: 200_000 } }));
          expect(typeof r.exitCode).toBe('number');
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 4000 },
    );
  });
  it('never throws on mutated real scripts', () => {
    const scripts = [
      'set -eux; apt-get update; apt-get install -y --no-install-recommends curl; rm -rf /var/lib/apt/lists/*',
      'for f in /etc/*; do case "$f" in *.conf) echo "$f";; esac; done > /tmp/list 2>&1',
      'cat > /app.sh <<EOF\n#!/bin/sh\necho ${NAME:-x} $(date +%s)\nEOF\nchmod +x /app.sh && /app.sh',
      'f() { [ "$1" -gt 0 ] && f $(($1 - 1)); echo "$1"; }; f 3 | sort -r | head -n 2',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...scripts),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.nat(3),
            fc.constantFrom(
              '"',
              "'",
              '$',
              '(',
              ')',
              '{',
              '}',
              '`',
              '\\',
              '<<',
              '|',
              ';',
              '\n',
              '*',
              '&',
            ),
          ),
          { maxLength: 6 },
        ),
        (script, edits) => {
          let s = script;
          for (const [at, kind, ch] of edits) {
            const i = at % (s.length + 1);
            s = kind === 0 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i);
          }
          const r = runShell(s, ctx({ limits: { steps: 5000 } }));
          expect(r.internalError).toBeUndefined();
        },
      ),
      { numRuns: 300, interruptAfterTimeLimit: 4000 },
    );
  });
  it('never throws on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (script) => {
        expect(runShell(script, ctx({ limits: { steps: 2000 } })).internalError).toBeUndefined();
      }),
      { numRuns: 300, interruptAfterTimeLimit: 3000 },
    );
  });
});
