import { describe, expect, it } from 'vitest';
import { sh } from '../testing/helpers.ts';

describe('text utilities', () => {
  it('echo is dash echo: escapes always, only -n', () => {
    expect(sh('echo "a\\tb"; echo -n x; echo -e y').stdout).toBe('a\tb\nx-e y\n');
  });
  it('printf formats and reuses the format', () => {
    expect(sh('printf "%s=%d\\n" a 1 b 2').stdout).toBe('a=1\nb=2\n');
    expect(sh('printf "%5s|%-3s|%03d\\n" x y 7').stdout).toBe('    x|y  |007\n');
  });
  it('head and tail take -n and -N', () => {
    expect(sh('seq 10 | head -n 3').stdout).toBe('1\n2\n3\n');
    expect(sh('seq 10 | tail -2').stdout).toBe('9\n10\n');
    expect(sh('seq 5 | tail -n +4').stdout).toBe('4\n5\n');
  });
  it('wc counts like GNU', () => {
    expect(sh('printf "a b\\nc\\n" | wc -l').stdout).toBe('2\n');
    expect(sh('printf "a b\\nc\\n" > /f; wc /f').stdout).toBe('2 3 6 /f\n');
  });
  it('sort, uniq, tr and cut', () => {
    expect(sh('printf "b\\na\\nb\\n" | sort | uniq -c').stdout).toBe('      1 a\n      2 b\n');
    expect(sh('printf "10\\n9\\n" | sort -n').stdout).toBe('9\n10\n');
    expect(sh('echo hello | tr a-z A-Z').stdout).toBe('HELLO\n');
    expect(sh('echo "a:b:c" | cut -d: -f2,3').stdout).toBe('b:c\n');
  });
  it('grep with -v -i -n -c -q -E and -r', () => {
    const r = sh(
      'printf "Apple\\nbanana\\ncherry\\n" > /f; grep -in apple /f; grep -c an /f; grep -v a /f; grep -E "^(b|c)" /f; grep -q zzz /f; echo $?',
    );
    expect(r.stdout).toBe('1:Apple\n1\nApple\ncherry\nbanana\ncherry\n1\n');
    expect(sh('mkdir -p /d/e && echo hit > /d/e/f && grep -r hit /d').stdout).toBe('/d/e/f:hit\n');
    expect(sh('grep x /nope').stderr).toBe('grep: /nope: No such file or directory\n');
  });
  it('sed substitutes, deletes, prints and edits in place', () => {
    expect(sh('echo aaa | sed s/a/b/').stdout).toBe('baa\n');
    expect(sh('echo aaa | sed "s/a/b/g"').stdout).toBe('bbb\n');
    expect(sh('seq 5 | sed -n "2,3p"').stdout).toBe('2\n3\n');
    expect(sh('seq 3 | sed "/2/d"').stdout).toBe('1\n3\n');
    expect(sh("echo 'x=1' > /c; sed -i 's/x=\\(.*\\)/y=\\1/' /c; cat /c").stdout).toBe('y=1\n');
    expect(sh('echo hello | sed -E "s/(l+)/[\\1]/"').stdout).toBe('he[ll]o\n');
  });
  it('xargs and tee', () => {
    expect(sh('printf "a\\nb\\n" | xargs echo got').stdout).toBe('got a b\n');
    expect(sh('printf "a\\nb\\n" | xargs -n1 echo').stdout).toBe('a\nb\n');
    const r = sh('echo hi | tee /t');
    expect(r.stdout).toBe('hi\n');
    expect(r.fs.text('/t')).toBe('hi\n');
  });
  it('yes into a pipe stops when the reader does', () => {
    expect(sh('yes | head -n 2').stdout).toBe('y\ny\n');
  });
  it('basename, dirname, seq', () => {
    expect(sh('basename /a/b.txt .txt; dirname /a/b/c; seq 2 2 6').stdout).toBe(
      'b\n/a/b\n2\n4\n6\n',
    );
  });
  it('test and [ cover files, strings and numbers', () => {
    const r = sh(
      'touch /f; mkdir /d; [ -f /f ] && [ -d /d ] && [ ! -e /x ] && [ -z "" ] && [ -n a ] && [ 3 -gt 2 ] && [ a != b ] && echo ok',
    );
    expect(r.stdout).toBe('ok\n');
    expect(sh('[ 1 = 1').stderr).toBe('/bin/sh: 1: [: missing ]\n');
    expect(sh('[ a -eq 1 ]').stderr).toBe('/bin/sh: 1: [: Illegal number: a\n');
  });
});

describe('grep -r and symlinks', () => {
  const setup = 'mkdir -p /a/b; echo hello > /a/b/f; ln -s /a /a/b/loop; ';

  it('-r does not follow symlinks below the named directory, so a loop is harmless', () => {
    const r = sh(setup + 'grep -r hello /a; echo $?; find /a | wc -l');
    expect(r.budgetExceeded).toBeUndefined();
    expect(r.stdout).toBe('/a/b/f:hello\n0\n4\n');
  });

  it('-R follows them and warns once it comes back into a directory it is inside', () => {
    const r = sh(setup + 'grep -R hello /a; echo $?');
    expect(r.stdout).toBe('/a/b/f:hello\n0\n');
    expect(r.stderr).toBe('grep: warning: /a/b/loop: recursive directory loop\n');
  });

  it('-r follows a symlink named on the command line', () => {
    expect(sh(setup + 'ln -s /a /link; grep -r hello /link').stdout).toBe('/link/b/f:hello\n');
  });
});

describe('checksums', () => {
  it('prints digests like coreutils', () => {
    expect(sh('printf abc | sha256sum').stdout).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n',
    );
    expect(sh('printf abc > /f; md5sum /f').stdout).toBe('900150983cd24fb0d6963f7d28e17f72  /f\n');
  });
  it('checks digests with -c, accepting simulated downloads', () => {
    const ok = sh(
      'printf abc > /f; echo "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /f" | sha256sum -c -',
    );
    expect(ok.stdout).toBe('/f: OK\n');
    const bad = sh(
      'printf abd > /f; echo "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /f" | sha256sum -c -',
    );
    expect(bad.stdout).toBe('/f: FAILED\n');
    expect(bad.stderr).toBe('sha256sum: WARNING: 1 computed checksum did NOT match\n');
    expect(bad.exitCode).toBe(1);
    const dl = sh('truncate -s 100 /d; echo "00ff  /d" | sha256sum -c -');
    expect(dl.exitCode).toBe(0);
  });
});

describe('system commands', () => {
  it('id, whoami, uname, hostname, date, nproc, pwd', () => {
    const r = sh('id; whoami; uname -s; hostname; date; date +%Y-%m-%d; nproc; cd /tmp && pwd');
    expect(r.stdout).toBe(
      'uid=0(root) gid=0(root) groups=0(root)\nroot\nLinux\nbuildkitsandbox\nTue Nov 14 22:13:20 UTC 2023\n2023-11-14\n2\n/tmp\n',
    );
  });
  it('env and printenv show exported variables; env runs commands with more', () => {
    expect(sh('export A=1; B=2; printenv A; printenv B; echo $?').stdout).toBe('1\n1\n');
    expect(sh("env X=5 sh -c 'echo $X'").stdout).toBe('5\n');
  });
  it('sh -c and sh script.sh', () => {
    const r = sh(
      'printf "echo \\$1 \\$0\\nexit 4\\n" > /s.sh; sh /s.sh arg; echo $?; sh -c "echo \\$0 \\$1" zero one',
    );
    expect(r.stdout).toBe('arg /s.sh\n4\nzero one\n');
    expect(sh('sh -c foo').stderr).toBe('sh: 1: foo: not found\n');
  });
  it('runs an executable script by path, and refuses a non-executable one', () => {
    const r = sh(
      'printf "#!/bin/sh\\necho run\\n" > /s; chmod +x /s; /s; printf "echo x" > /n; /n',
    );
    expect(r.stdout).toBe('run\n');
    expect(r.stderr).toBe('/bin/sh: 1: /n: Permission denied\n');
    expect(r.exitCode).toBe(126);
  });
  it('which and command -v find commands', () => {
    expect(sh('command -v cd; which ls; which nope; echo $?').stdout).toBe('cd\n/usr/bin/ls\n1\n');
  });
  it('sleep passes at once, but sleep infinity runs forever', () => {
    expect(sh('sleep 2 && echo done').stdout).toBe('done\n');
    const r = sh('echo start; sleep infinity; echo never');
    expect(r.stdout).toBe('start\n');
    expect(r.longRunning).toBe(true);
    expect(r.foreverCommand).toBe('sleep infinity');
  });
});
