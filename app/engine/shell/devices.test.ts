import { describe, expect, it } from 'vitest';
import { debianFs, sh } from './testing/helpers.ts';

describe('devices every container has', () => {
  it('reads /dev/zero as far as the reader wants', () => {
    expect(sh('head -c 10 /dev/zero | wc -c')).toMatchObject({ stdout: '10\n', exitCode: 0 });
    expect(sh('head -c 7 < /dev/zero | wc -c').stdout).toBe('7\n');
  });

  it('works whatever the image holds: no /dev in the fs, nothing written there', () => {
    const fs = debianFs();
    expect(fs.exists('/dev')).toBe(false);
    const r = sh(
      'echo x > /dev/null; echo y >> /dev/null; echo z 2>/dev/null >&2; cp /etc/hostname /dev/null; test -e /dev/null && echo has-null; ls /dev',
      { fs },
    );
    expect(r.stdout).toBe(
      'has-null\nfd\nfull\nnull\nrandom\nstderr\nstdin\nstdout\ntty\nurandom\nzero\n',
    );
    expect(r.exitCode).toBe(0);
    expect(fs.exists('/dev')).toBe(false);
  });

  it('makes a sized file with dd from /dev/urandom', () => {
    const r = sh('dd if=/dev/urandom of=/f bs=1k count=4 2>/dev/null; wc -c < /f');
    expect(r.stdout).toBe('4096\n');
  });

  it('gives random bytes from /dev/urandom, as many as asked', () => {
    const r = sh(
      'head -c 1000 /dev/urandom | wc -c; head -c 32 /dev/urandom | tr -d "\\000" | wc -c',
    );
    const [all, nonZero] = r.stdout.trim().split('\n').map(Number);
    expect(all).toBe(1000);
    expect(nonZero).toBeGreaterThan(20);
  });

  it('reads /dev/stdin and /dev/fd/0 as the input, writes /dev/stderr and /dev/fd/1', () => {
    const r = sh(
      'echo in | cat /dev/stdin; echo a | cat /dev/fd/0; echo err > /dev/stderr; echo out > /dev/fd/1',
    );
    expect(r.stdout).toBe('in\na\nout\n');
    expect(r.stderr).toBe('err\n');
  });

  it('has no terminal without -t', () => {
    const r = sh('echo hi > /dev/tty; echo $?; cat /dev/tty; echo $?');
    expect(r.stderr).toBe(
      '/bin/sh: 1: cannot create /dev/tty: No such device or address\ncat: /dev/tty: No such device or address\n',
    );
    expect(r.stdout).toBe('2\n1\n');
  });

  it('stops `cat /dev/zero > /big` at the size budget', () => {
    const r = sh('cat /dev/zero > /big', { fs: debianFs(1_000_000) });
    expect(r.budgetExceeded).toBe('size');
    expect(r.message).toMatch(/^this step wrote more data than the simulator allows/);
    expect(r.message).toContain('/big');
  });

  it('ends reading /dev/zero whole at the step budget, as it would never end', () => {
    const r = sh('wc -c /dev/zero');
    expect(r.budgetExceeded).toBe('steps');
  });

  it('refuses to remove a device', () => {
    const r = sh('rm /dev/null; echo $?; echo x > /dev/null && echo still');
    expect(r.stdout).toBe('1\nstill\n');
  });
});

describe('files larger than the shell holds as one value', () => {
  const big = 'dd if=/dev/zero of=/tmp/big bs=1M count=30 2>/dev/null; ';

  it('reads their start with head and counts them with wc', () => {
    const r = sh(
      big +
        'head -c 4096 /tmp/big | wc -c; head -c 10 < /tmp/big | wc -c; wc -c /tmp/big; wc < /tmp/big',
    );
    expect(r.budgetExceeded).toBeUndefined();
    expect(r.stdout).toBe('4096\n10\n31457280 /tmp/big\n      0       0 31457280\n');
  });

  it('stops with the value limit when a command needs the whole file as text', () => {
    const r = sh(big + 'sort /tmp/big');
    expect(r.budgetExceeded).toBe('size');
    expect(r.message).toBe(
      'this step read a file too large for the simulator (limit 16777216 bytes)',
    );
  });
});
