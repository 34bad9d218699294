import { describe, expect, it } from 'vitest';
import { sh } from './testing/helpers.ts';

describe('pipelines whose reader stops early', () => {
  it('seq 1 100000000 | head -n 2 prints two numbers quickly', () => {
    const r = sh('seq 1 100000000 | head -n 2');
    expect(r).toMatchObject({ stdout: '1\n2\n', exitCode: 0 });
    expect(r.budgetExceeded).toBeUndefined();
  });

  it('the writer dies of SIGPIPE (141), as pipefail shows', () => {
    const r = sh('set -o pipefail; yes | head -n 3; echo "status $?"');
    expect(r.stdout).toBe('y\ny\ny\nstatus 141\n');
  });

  it('cat /dev/zero | head -c 5 gives five bytes', () => {
    const r = sh('cat /dev/zero | head -c 5 | wc -c');
    expect(r.stdout).toBe('5\n');
  });

  it('a reader that never reads closes the pipe too', () => {
    const r = sh('set -o pipefail; yes | true; echo $?');
    expect(r.stdout).toBe('141\n');
  });

  it('a writer that fits in the pipe keeps its own status', () => {
    const r = sh('set -o pipefail; seq 1 5 | head -n 1; echo $?');
    expect(r.stdout).toBe('1\n0\n');
  });

  it('later stages see the output of earlier ones in full when it fits', () => {
    expect(sh('seq 1 100000 | wc -l').stdout).toBe('100000\n');
    expect(sh('seq 3 | while read n; do echo "n=$n"; done').stdout).toBe('n=1\nn=2\nn=3\n');
  });

  it('a reader that wants everything from an endless writer hits the pipe limit', () => {
    const r = sh('yes | wc -l', { limits: { valueBytes: 1 << 20 } });
    expect(r.budgetExceeded).toBe('size');
    expect(r.message).toBe(
      'this step piped more data than the simulator keeps (limit 1048576 bytes)',
    );
  });

  it('a while-read loop over an endless writer stops at a budget, never hangs', () => {
    const r = sh('yes | while read l; do :; done');
    expect(r.budgetExceeded).toBeDefined();
  });

  it('a subshell writer is stopped as a whole, its file writes before the cut stay', () => {
    const r = sh(
      '{ echo first > /tmp/a; yes; echo never > /tmp/b; } | head -n 1; cat /tmp/a; ls /tmp',
    );
    expect(r.stdout).toBe('y\nfirst\na\n');
  });
});
