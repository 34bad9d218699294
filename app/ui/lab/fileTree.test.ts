import { describe, expect, it } from 'vitest';
import type { FileRow } from '../../engine/session/types.ts';
import { dirsTouchedBy, fileTree, visibleRows } from './fileTree.ts';

const row = (path: string, type: FileRow['type'], layer = 0): FileRow => ({
  path,
  type,
  size: type === 'file' ? 10 : 0,
  mode: 0o644,
  uid: 0,
  gid: 0,
  layer,
  shadows: [],
});

const rows = [
  row('/app', 'dir', 2),
  row('/app/main.py', 'file', 2),
  row('/etc', 'dir'),
  row('/etc/hosts', 'file'),
  row('/etc/ssl', 'dir'),
  row('/etc/ssl/certs.pem', 'file'),
];

describe('file tree', () => {
  it('shows top-level entries, and the insides of open directories only', () => {
    const tree = fileTree(rows);
    expect(visibleRows(tree, new Set()).map((r) => r.row.path)).toEqual(['/app', '/etc']);
    const open = visibleRows(tree, new Set(['/etc']));
    expect(open.map((r) => [r.row.path, r.depth])).toEqual([
      ['/app', 0],
      ['/etc', 0],
      ['/etc/hosts', 1],
      ['/etc/ssl', 1],
    ]);
    expect(open.find((r) => r.row.path === '/etc/ssl')?.hasChildren).toBe(true);
  });

  it('filters by a part of the path, keeping the directories above the matches', () => {
    const shown = visibleRows(fileTree(rows), new Set(), 'CERTS');
    expect(shown.map((r) => r.row.path)).toEqual(['/etc', '/etc/ssl', '/etc/ssl/certs.pem']);
  });

  it('opens the directories that hold files of the learner’s own layers', () => {
    expect([...dirsTouchedBy(rows, new Set([2]))]).toEqual(['/app']);
  });
});
