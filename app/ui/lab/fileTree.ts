/**
 * The merged filesystem as a tree the panel can show a slice of: rows from the engine (sorted
 * by path), which directories are open, and the visible rows in order. Pure, for tests.
 */
import type { FileRow } from '../../engine/session/types.ts';

export interface TreeRow {
  row: FileRow;
  name: string;
  depth: number;
  hasChildren: boolean;
}

export interface FileTree {
  byPath: Map<string, FileRow>;
  children: Map<string, FileRow[]>;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** Index rows by parent directory (rows come sorted by path; children keep that order). */
export function fileTree(rows: readonly FileRow[]): FileTree {
  const byPath = new Map<string, FileRow>();
  const children = new Map<string, FileRow[]>();
  for (const r of rows) {
    if (r.path === '/') continue;
    byPath.set(r.path, r);
    const p = parentOf(r.path);
    let list = children.get(p);
    if (!list) children.set(p, (list = []));
    list.push(r);
  }
  return { byPath, children };
}

/**
 * The rows to show, depth first, entering only open directories; with a `filter`, only paths
 * containing it and the directories above them (all open).
 */
export function visibleRows(tree: FileTree, open: ReadonlySet<string>, filter = ''): TreeRow[] {
  const out: TreeRow[] = [];
  const needle = filter.trim().toLowerCase();
  let keep: Set<string> | undefined;
  if (needle) {
    keep = new Set();
    for (const path of tree.byPath.keys()) {
      if (!path.toLowerCase().includes(needle)) continue;
      for (let p = path; p !== '/' && !keep.has(p); p = parentOf(p)) keep.add(p);
    }
  }
  const walk = (dir: string, depth: number) => {
    for (const row of tree.children.get(dir) ?? []) {
      if (keep && !keep.has(row.path)) continue;
      const kids = tree.children.get(row.path);
      out.push({
        row,
        name: row.path.slice(row.path.lastIndexOf('/') + 1),
        depth,
        hasChildren: kids !== undefined && kids.length > 0,
      });
      if (row.type === 'dir' && (keep !== undefined || open.has(row.path)))
        walk(row.path, depth + 1);
    }
  };
  walk('/', 0);
  return out;
}

/** Directories holding something from the given layers: opened at first, so a learner's own files show. */
export function dirsTouchedBy(rows: readonly FileRow[], layers: ReadonlySet<number>): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    if (!layers.has(r.layer)) continue;
    for (let p = parentOf(r.path); p !== '/' && !out.has(p); p = parentOf(p)) out.add(p);
  }
  return out;
}
