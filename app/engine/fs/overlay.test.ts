import { describe, expect, it } from 'vitest';
import { FsError } from './port.ts';
import { layerFromEntries } from './layer.ts';
import { MergedView } from './merge.ts';
import { BudgetExceededError } from './overlay-core.ts';
import { openOverlay } from './overlay.ts';
import { utf8 } from './testing/trees.ts';

const base = layerFromEntries([
  { path: '/etc/os-release', type: 'file', data: 'ID=debian\n' },
  { path: '/bin', type: 'symlink', target: 'usr/bin' },
  { path: '/usr/bin/sh', type: 'file', mode: 0o755, data: '#!' },
  { path: '/tmp', type: 'dir', mode: 0o1777 },
]);

/** The records of a layer as `name kind`, the shape of oracle/observed/wh-*.layers.txt. */
function listing(fs: ReturnType<typeof openOverlay>): string[] {
  return [...fs.commit().records()].map((r) => `${r.name} ${r.kind}`);
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return undefined;
}

describe('RecordingOverlay: the observed whiteout scenario', () => {
  it('records the same tar entries as Docker did (wh-bkit.layers.txt layer 2)', () => {
    const view = MergedView.of([base]);
    const step1 = openOverlay(view);
    step1.mkdir('/d1/sub', { recursive: true });
    step1.mkdir('/d2');
    step1.mkdir('/d3');
    for (const p of ['/d1/b', '/d1/sub/a', '/d2/c', '/d3/keep', '/d3/zap', '/f'])
      step1.writeFile(p, utf8('x\n'));
    const layer1 = step1.commit();
    expect([...layer1.records()].map((r) => r.name)).toEqual([
      'd1/',
      'd1/b',
      'd1/sub/',
      'd1/sub/a',
      'd2/',
      'd2/c',
      'd3/',
      'd3/keep',
      'd3/zap',
      'f',
    ]);
    const step2 = openOverlay(view.push(layer1));
    step2.rmdir('/d1', { recursive: true });
    step2.rmdir('/d2', { recursive: true });
    step2.mkdir('/d2');
    step2.writeFile('/d2/n', utf8('n\n'));
    step2.unlink('/d3/zap');
    step2.unlink('/f');
    expect(listing(step2)).toEqual([
      '.wh.d1 whiteout',
      'd2/ dir',
      'd2/.wh..wh..opq opaque',
      'd2/n file',
      'd3/ dir',
      'd3/.wh.zap whiteout',
      '.wh.f whiteout',
    ]);
    const merged = view.push(layer1).push(step2.commit());
    expect(merged.readdir('/')).toEqual(['bin', 'd2', 'd3', 'etc', 'tmp', 'usr']);
    expect(merged.readdir('/d2')).toEqual(['n']);
    expect(merged.readdir('/d3')).toEqual(['keep']);
  });

  it('leaves the lower layers untouched', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.unlink('/etc/os-release');
    expect(fs.exists('/etc/os-release')).toBe(false);
    expect(MergedView.of([base]).lookup('/etc/os-release')?.type).toBe('file');
  });
});

describe('RecordingOverlay: copy-up', () => {
  it('copies the whole file up on chmod, chown and append', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.chmod('/usr/bin/sh', 0o700);
    fs.chown('/etc/os-release', 1000, 1000);
    const files = [...fs.commit().records()].filter((r) => r.kind === 'file');
    expect(files.map((r) => [r.name, r.size, r.mode, r.uid])).toEqual([
      ['etc/os-release', 10, 0o644, 1000],
      ['usr/bin/sh', 2, 0o700, 0],
    ]);
    fs.writeFile('/etc/os-release', utf8('X=1\n'), { append: true });
    expect(new TextDecoder().decode(fs.readFile('/etc/os-release'))).toBe('ID=debian\nX=1\n');
  });

  it('includes parent directories with their lower metadata', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.writeFile('/tmp/x', utf8('1'));
    const recs = [...fs.commit().records()];
    expect(recs.map((r) => [r.name, r.mode])).toEqual([
      ['tmp/', 0o1777],
      ['tmp/x', 0o644],
    ]);
  });

  it('renames files but refuses a lower directory with EXDEV', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.rename('/etc/os-release', '/etc/os');
    expect(fs.readdir('/etc')).toEqual(['os']);
    expect(code(() => fs.rename('/usr/bin', '/usr/b'))).toBe('EXDEV');
    fs.mkdir('/new/deep', { recursive: true });
    fs.rename('/new', '/moved');
    expect(fs.readdir('/moved')).toEqual(['deep']);
    expect(listing(fs)).toEqual([
      'etc/ dir',
      'etc/os file',
      'etc/.wh.os-release whiteout',
      'moved/ dir',
      'moved/deep/ dir',
    ]);
  });

  it('makes a directory re-created over a deleted lower one opaque, and its children hidden', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.rmdir('/usr', { recursive: true });
    expect(fs.exists('/usr/bin/sh')).toBe(false);
    fs.mkdir('/usr');
    expect(fs.readdir('/usr')).toEqual([]);
    expect(listing(fs)).toEqual(['usr/ dir', 'usr/.wh..wh..opq opaque']);
  });
});

describe('RecordingOverlay: errors', () => {
  it('throws the POSIX codes the shell expects', () => {
    const fs = openOverlay(MergedView.of([base]));
    expect(code(() => fs.stat('/nope'))).toBe('ENOENT');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.writeFile('/etc/os-release/x', utf8('')))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/os-release', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc/os-release/x', { recursive: true }))).toBe('ENOTDIR');
    expect(code(() => fs.rmdir('/usr'))).toBe('ENOTEMPTY');
    expect(code(() => fs.unlink('/usr'))).toBe('EISDIR');
    expect(code(() => fs.rmdir('/etc/os-release'))).toBe('ENOTDIR');
    expect(code(() => fs.readlink('/etc/os-release'))).toBe('EINVAL');
    expect(code(() => fs.writeFile('/x/.wh.y', utf8('')))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/.wh.y', utf8('')))).toBe('EINVAL');
  });

  it('follows symlinks in every component and stops loops at 40 with ELOOP', () => {
    const fs = openOverlay(MergedView.of([base]));
    expect(fs.stat('/bin/sh').mode).toBe(0o755);
    expect(fs.lstat('/bin').type).toBe('symlink');
    expect(fs.realpath('/bin/sh')).toBe('/usr/bin/sh');
    fs.symlink('/loop2', '/loop1');
    fs.symlink('loop1', '/loop2');
    expect(code(() => fs.stat('/loop1'))).toBe('ELOOP');
    expect(fs.exists('/loop1')).toBe(false);
    fs.symlink('../etc/./os-release', '/usr/rel');
    expect(fs.realpath('/usr/rel')).toBe('/etc/os-release');
    fs.writeFile('/bin/new', utf8('1'));
    expect(fs.exists('/usr/bin/new')).toBe(true);
  });

  it('stops a step that writes more than its budget, without allocating', () => {
    const fs = openOverlay(MergedView.of([base]), { maxBytes: 1 << 20 });
    fs.writeSizedFile('/big', 1000);
    let caught: unknown;
    try {
      fs.writeSizedFile('/huge', 50 * 1024 ** 3);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BudgetExceededError);
    expect((caught as BudgetExceededError).code).toBe('ENOSPC');
    expect((caught as BudgetExceededError).budgetExceeded).toBe(true);
    expect(fs.exists('/huge')).toBe(false);
    expect(fs.bytesWritten).toBe(1000);
  });

  it('keeps hard links as one file in the layer', () => {
    const fs = openOverlay(MergedView.of([base]));
    fs.writeFile('/a', utf8('abc'));
    fs.link('/a', '/b');
    expect(fs.stat('/b').nlink).toBe(2);
    const recs = [...fs.commit().records()];
    expect(recs.map((r) => [r.name, r.kind, r.linkname ?? ''])).toEqual([
      ['a', 'file', ''],
      ['b', 'hardlink', 'a'],
    ]);
    expect(fs.commit().stats.size).toBe(3);
  });
});
