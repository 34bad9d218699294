import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileRow, ImageView } from '../../engine/session/types.ts';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import { dirsTouchedBy, fileTree, visibleRows } from './fileTree.ts';
import type { LayerNamer } from './layerNames.ts';

const t = strings.fs;
const ROW_HEIGHT = 28;

/** A virtualised tree of the merged filesystem: only the rows in view are in the page. */
export function Tree({
  rows,
  image,
  ownLayers,
  name,
  onOpenFile,
  filter,
}: {
  rows: FileRow[];
  image: ImageView;
  ownLayers: ReadonlySet<number>;
  name: LayerNamer;
  onOpenFile: (path: string) => void;
  filter: string;
}) {
  const tree = useMemo(() => fileTree(rows), [rows]);
  const [open, setOpen] = useState<Set<string>>(() => dirsTouchedBy(rows, ownLayers));
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const box = useRef<HTMLDivElement>(null);
  const visible = useMemo(() => visibleRows(tree, open, filter), [tree, open, filter]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight || 400));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 5);
  const last = Math.min(visible.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + 5);
  const toggle = (path: string) => {
    const next = new Set(open);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    setOpen(next);
  };
  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(i, visible.length - 1));
    setActive(n);
    const el = box.current;
    if (!el) return;
    if (n * ROW_HEIGHT < el.scrollTop) el.scrollTop = n * ROW_HEIGHT;
    else if ((n + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight)
      el.scrollTop = (n + 1) * ROW_HEIGHT - el.clientHeight;
  };
  const onKey = (e: KeyboardEvent) => {
    const cur = visible[active];
    if (e.key === 'ArrowDown') focusRow(active + 1);
    else if (e.key === 'ArrowUp') focusRow(active - 1);
    else if (e.key === 'Home') focusRow(0);
    else if (e.key === 'End') focusRow(visible.length - 1);
    else if (e.key === 'PageDown') focusRow(active + Math.floor(height / ROW_HEIGHT));
    else if (e.key === 'PageUp') focusRow(active - Math.floor(height / ROW_HEIGHT));
    else if (e.key === 'ArrowRight' && cur?.row.type === 'dir' && !open.has(cur.row.path))
      toggle(cur.row.path);
    else if (e.key === 'ArrowLeft' && cur?.row.type === 'dir' && open.has(cur.row.path))
      toggle(cur.row.path);
    else if (e.key === 'Enter' && cur)
      if (cur.row.type === 'dir') toggle(cur.row.path);
      else onOpenFile(cur.row.path);
    else return;
    e.preventDefault();
  };
  const activeRow = visible[active];
  return (
    <div
      ref={box}
      className="fs-tree"
      role="tree"
      aria-label={t.treeLabel}
      tabIndex={0}
      onKeyDown={onKey}
      aria-activedescendant={activeRow ? `fs-row-${active}` : undefined}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="fs.tree"
    >
      <div style={{ height: visible.length * ROW_HEIGHT, position: 'relative' }}>
        {visible.slice(first, last).map((r, k) => {
          const i = first + k;
          const isDir = r.row.type === 'dir';
          const layer = image.layers[r.row.layer];
          const mine = ownLayers.has(r.row.layer);
          return (
            <div
              key={r.row.path}
              id={`fs-row-${i}`}
              role="treeitem"
              aria-level={r.depth + 1}
              aria-expanded={isDir ? open.has(r.row.path) : undefined}
              aria-selected={i === active}
              aria-setsize={visible.length}
              aria-posinset={i + 1}
              className={`fs-row${i === active ? ' active' : ''}${mine ? ' mine' : ''}`}
              style={{
                top: i * ROW_HEIGHT,
                height: ROW_HEIGHT,
                paddingLeft: `${0.5 + r.depth * 1.1}rem`,
              }}
              onClick={() => {
                setActive(i);
                if (isDir) toggle(r.row.path);
                else onOpenFile(r.row.path);
              }}
            >
              <span className="fs-glyph" aria-hidden="true">
                {isDir ? (open.has(r.row.path) ? '▾' : '▸') : r.row.type === 'symlink' ? '↪' : '·'}
              </span>
              <span className="fs-name">
                {r.name}
                {isDir ? '/' : ''}
                {r.row.target !== undefined && <span className="fs-target"> → {r.row.target}</span>}
              </span>
              {r.row.shadows.length > 0 && (
                <span className="fs-shadow" title={t.shadowsTitle}>
                  {t.shadows(r.row.shadows.map((s) => name(s).badge))}
                </span>
              )}
              <span className="fs-size">
                {r.row.type === 'file' ? formatBytes(r.row.size) : ''}
              </span>
              <span
                className="fs-layer"
                title={`${name(r.row.layer).title}: ${layer?.createdBy ?? ''}`}
              >
                {name(r.row.layer).badge}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
