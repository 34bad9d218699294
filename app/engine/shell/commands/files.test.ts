import { describe, expect, it } from 'vitest';
import { sh } from '../testing/helpers.ts';

describe('file utilities', () => {
  it('cat reports a missing file like GNU', () => {
    const r = sh('cat /x');
    expect(r.stderr).toBe('cat: /x: No such file or directory\n');
    expect(r.exitCode).toBe(1);
  });
  it('mkdir -p creates parents; plain mkdir fails without them', () => {
    const r = sh('mkdir -p /a/b/c && mkdir /x/y');
    expect(r.fs.stat('/a/b/c').type).toBe('dir');
    expect(r.stderr).toBe("mkdir: cannot create directory '/x/y': No such file or directory\n");
    expect(r.exitCode).toBe(1);
  });
  it('touch creates empty files', () => {
    expect(sh('cd /tmp && touch a b').fs.readdir('/tmp')).toEqual(['a', 'b']);
  });
  it('rm needs -r for directories and -f silences missing files', () => {
    const r = sh('mkdir /d; rm /d; rm -f /nope; rm /nope2');
    expect(r.stderr).toBe(
      "rm: cannot remove '/d': Is a directory\nrm: cannot remove '/nope2': No such file or directory\n",
    );
    expect(sh('mkdir -p /d/e && touch /d/e/f && rm -rf /d').fs.exists('/d')).toBe(false);
  });
  it('rm -rf / is refused', () => {
    const r = sh('rm -rf /');
    expect(r.exitCode).toBe(1);
    expect(r.fs.exists('/etc/passwd')).toBe(true);
  });
  it('cp copies files and, with -r, trees', () => {
    const r = sh(
      'mkdir -p /src/sub && echo hi > /src/sub/f && cp -r /src /dst && cp /src/sub/f /tmp/ && cp /src /x',
    );
    expect(r.fs.text('/dst/sub/f')).toBe('hi\n');
    expect(r.fs.text('/tmp/f')).toBe('hi\n');
    expect(r.stderr).toBe("cp: -r not specified; omitting directory '/src'\n");
  });
  it('cp -a keeps owner and mode', () => {
    const r = sh('touch /f && chown 1000:1000 /f && chmod 600 /f && cp -a /f /g && cp /f /h');
    expect(r.fs.stat('/g')).toMatchObject({ uid: 1000, mode: 0o600 });
    expect(r.fs.stat('/h')).toMatchObject({ uid: 0, mode: 0o600 });
  });
  it('mv renames and moves into directories', () => {
    const r = sh('echo x > /a && mv /a /b && mkdir /d && mv /b /d && ls /d');
    expect(r.stdout).toBe('b\n');
    expect(sh('mv /nope /x').stderr).toBe("mv: cannot stat '/nope': No such file or directory\n");
  });
  it('ln -s makes symlinks that cat follows', () => {
    const r = sh('echo t > /t && ln -s /t /l && cat /l && readlink /l');
    expect(r.stdout).toBe('t\n/t\n');
  });
  it('chmod accepts octal and symbolic modes', () => {
    const r = sh('touch /f && chmod 640 /f && chmod u+x,o+r /f');
    expect(r.fs.stat('/f').mode).toBe(0o744);
    expect(sh('touch /f && chmod +x /f').fs.stat('/f').mode).toBe(0o755);
    expect(sh('chmod zz /f').stderr).toMatch(/^chmod: invalid mode: 'zz'/);
  });
  it('chown resolves names from /etc/passwd and /etc/group, recursively with -R', () => {
    const r = sh('mkdir -p /app/x && chown -R daemon:users /app');
    expect(r.fs.stat('/app/x')).toMatchObject({ uid: 1, gid: 100 });
    expect(sh('chown bob /tmp').stderr).toBe("chown: invalid user: 'bob'\n");
  });
  it('dd from /dev/zero writes a sized file and reports like GNU', () => {
    const r = sh('dd if=/dev/zero of=/big bs=1M count=100');
    expect(r.fs.stat('/big').size).toBe(104857600);
    expect(r.stderr).toContain(
      '100+0 records in\n100+0 records out\n104857600 bytes (105 MB, 100 MiB) copied',
    );
  });
  it('truncate -s sizes a file', () => {
    expect(sh('truncate -s 10M /f').fs.stat('/f').size).toBe(10 * 1024 * 1024);
  });
  it('find filters by name, type and depth, and deletes', () => {
    const r = sh(
      'mkdir -p /p/a/b && touch /p/x.txt /p/a/y.txt /p/a/b/z.log && find /p -name "*.txt" && find /p -maxdepth 1 -type d',
    );
    expect(r.stdout).toBe('/p/a/y.txt\n/p/x.txt\n/p\n/p/a\n');
    expect(
      sh('mkdir -p /p && touch /p/a.pyc /p/b.py && find /p -name "*.pyc" -delete && ls /p').stdout,
    ).toBe('b.py\n');
  });
  it('tar moves files through an archive', () => {
    const r = sh(
      'mkdir -p /src/d && echo hi > /src/d/f && cd /src && tar -czf /tmp/a.tgz d && mkdir /out && tar -xzf /tmp/a.tgz -C /out && tar -tzf /tmp/a.tgz',
    );
    expect(r.fs.text('/out/d/f')).toBe('hi\n');
    expect(r.stdout).toBe('d/\nd/f\n');
  });
  it('du -sh and stat report sizes', () => {
    const r = sh(
      'mkdir /d && dd if=/dev/zero of=/d/f bs=1M count=3 2>/dev/null && du -sh /d && stat -c "%s %a %U" /d/f',
    );
    expect(r.stdout).toBe('3.1M\t/d\n3145728 644 root\n');
  });
  it('mktemp makes unique files under /tmp', () => {
    const r = sh(
      'a=$(mktemp) && b=$(mktemp -d) && [ -f "$a" ] && [ -d "$b" ] && [ "$a" != "$b" ] && echo ok',
    );
    expect(r.stdout).toBe('ok\n');
  });
});

describe('ls', () => {
  it('lists one name per line into a pipe, hiding dotfiles', () => {
    expect(sh('mkdir /d && touch /d/b /d/a /d/.h && ls /d').stdout).toBe('a\nb\n');
    expect(sh('mkdir /d && touch /d/.h && ls -A /d').stdout).toBe('.h\n');
  });
  it('prints GNU long format with owners and deterministic dates', () => {
    const r = sh('mkdir /d && echo hello > /d/f && chmod 755 /d/f && ls -l /d');
    expect(r.stdout).toBe('total 4\n-rwxr-xr-x 1 root root 6 Nov 14 22:13 f\n');
  });
  it('shows symlink targets and human sizes', () => {
    const r = sh('mkdir /d && truncate -s 2M /d/big && ln -s big /d/l && ls -lh /d');
    expect(r.stdout).toBe(
      'total 2.1M\n-rw-r--r-- 1 root root 2.0M Nov 14 22:13 big\nlrwxrwxrwx 1 root root    3 Nov 14 22:13 l -> big\n',
    );
  });
  it('reports a missing path with status 2', () => {
    const r = sh('ls /nope');
    expect(r.stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.exitCode).toBe(2);
  });
  it('lays names out in columns on a terminal, not in a pipe', () => {
    const script = 'mkdir /d && cd /d && touch alpha beta gamma delta && ls';
    expect(sh(script, { tty: true }).stdout).toBe('alpha  beta  delta  gamma\n');
    expect(sh(`${script} | cat`, { tty: true }).stdout).toBe('alpha\nbeta\ndelta\ngamma\n');
  });
  it('wraps columns at 80 characters, filling down first', () => {
    const names = Array.from({ length: 12 }, (_, i) => `file-number-${String(i).padStart(2, '0')}`);
    const out = sh(`mkdir /d && cd /d && touch ${names.join(' ')} && ls`, { tty: true }).stdout;
    expect(out.split('\n')[0]).toBe(
      'file-number-00  file-number-03  file-number-06  file-number-09',
    );
    expect(out.split('\n').every((l) => l.length <= 80)).toBe(true);
  });
  it('recurses with -R', () => {
    expect(sh('mkdir -p /d/e && touch /d/e/f && ls -R /d').stdout).toBe('/d:\ne\n\n/d/e:\nf\n');
  });
});
