import { describe, expect, it } from 'vitest';
import { runShell } from '../shell/index.ts';
import { builtinCatalog } from '../shell/packages/builtin.ts';
import type { ShellFs } from './port.ts';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';
import { openOverlay } from './overlay.ts';

const base = MergedView.of([
  layerFromEntries([
    { path: '/etc/passwd', type: 'file', data: 'root:x:0:0:root:/root:/bin/sh\n' },
    { path: '/bin/sh', type: 'file', mode: 0o755, size: 125_000 },
    { path: '/tmp', type: 'dir', mode: 0o1777 },
    { path: '/root', type: 'dir', mode: 0o700 },
  ]),
]);

function run(fs: ShellFs, script: string): ReturnType<typeof runShell> {
  return runShell(script, {
    fs,
    env: { GREETING: 'hi' },
    cwd: '/',
    user: { uid: 0, gid: 0, name: 'root' },
    catalog: builtinCatalog,
  });
}

describe('the shell over a recording overlay', () => {
  it('records the layers Docker recorded for the oracle Dockerfile (bkit.layers.txt)', () => {
    const step1 = openOverlay(base);
    const r1 = run(
      step1,
      'mkdir -p /data /gone/sub /repl && echo one > /data/f1 && echo two > /data/del.txt && echo x > /gone/sub/g && echo y > /repl/old',
    );
    expect(r1.exitCode).toBe(0);
    const layer1 = step1.commit();
    expect([...layer1.records()].map((r) => r.name)).toEqual([
      'data/',
      'data/del.txt',
      'data/f1',
      'gone/',
      'gone/sub/',
      'gone/sub/g',
      'repl/',
      'repl/old',
    ]);
    expect(layer1.stats.size).toBe(4 + 4 + 2 + 2);
    const step2 = openOverlay(base.push(layer1));
    const r2 = run(
      step2,
      'rm /data/del.txt && rm -rf /gone && rm -rf /repl && mkdir /repl && echo new > /repl/new && echo "$GREETING" > /data/greet',
    );
    expect(r2.exitCode).toBe(0);
    expect([...step2.commit().records()].map((r) => r.name)).toEqual([
      'data/',
      'data/.wh.del.txt',
      'data/greet',
      '.wh.gone',
      'repl/',
      'repl/.wh..wh..opq',
      'repl/new',
    ]);
  });

  it('stops a 50 GB dd at the size budget without allocating it', () => {
    const fs = openOverlay(base, { maxBytes: 100 * 1024 * 1024 });
    const r = run(fs, 'dd if=/dev/zero of=/big bs=1M count=50000');
    expect(r.budgetExceeded).toBe('size');
    expect(fs.exists('/big')).toBe(false);
  });
});
