import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileContent } from '../../engine/session/session.ts';
import type { FileRow, ImageView, LayerEntry } from '../../engine/session/types.ts';
import { useLabStore, buildProgress, playedLayer } from '../../store/index.ts';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import { dirsTouchedBy, fileTree, visibleRows } from './fileTree.ts';
import { useProgress, useShownBuild } from './useProgress.ts';
import { layerNames } from './layerNames.ts';

type LayerNamer = ReturnType<typeof layerNames>;

const t = strings.fs;
const ROW_HEIGHT = 28;
type Mode = 'merged' | 'changes';
const CHANGE_WORD = { A: t.added, C: t.changed, D: t.deleted } as const;

function layerLabel(image: ImageView, index: number, name: LayerNamer): string {
  const l = image.layers[index];
  if (!l) return '';
  const cmd = l.createdBy
    .replace(/^\/bin\/sh -c (#\(nop\) )?/, '')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ');
  return `${name(index).title} · ${cmd.length > 48 ? cmd.slice(0, 47) + '…' : cmd} (${formatBytes(l.size)})`;
}

function FileViewer({ image, upTo, path }: { image: string; upTo: number; path: string }) {
  const engine = useLabStore((s) => s.engine);
  const [content, setContent] = useState<FileContent | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setContent(undefined);
    engine()
      .fileContent({ image, upTo }, path)
      .then((c) => live && setContent(c))
      .catch(() => live && setContent({ kind: 'missing' }));
    return () => {
      live = false;
    };
  }, [engine, image, upTo, path]);
  return (
    <section className="file-viewer" aria-label={t.viewerLabel(path)} data-testid="fs.viewer">
      <h3 className="file-viewer-title">
        <code>{path}</code>
      </h3>
      {content === undefined ? (
        <p className="hint">{t.loading}</p>
      ) : content.kind === 'text' ? (
        <pre className="file-text">{content.text}</pre>
      ) : content.kind === 'binary' ? (
        <p className="hint">{t.binary(formatBytes(content.size))}</p>
      ) : (
        <p className="hint">{t.notAFile}</p>
      )}
    </section>
  );
}

/** A virtualised tree of the merged filesystem: only the rows in view are in the page. */
function Tree({
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

/** One layer's tar entries: whiteouts and opaque markers as the literal names Docker writes. */
function Changes({
  entries,
  omitted,
  filter,
}: {
  entries: LayerEntry[];
  omitted: number;
  filter: string;
}) {
  const [show, setShow] = useState({ A: true, C: true, D: true });
  const needle = filter.trim().toLowerCase();
  const list = entries.filter(
    (e) => show[e.change] && (!needle || e.path.toLowerCase().includes(needle)),
  );
  return (
    <div className="fs-changes">
      <fieldset className="fs-filters">
        <legend className="visually-hidden">{t.showChanges}</legend>
        {(['A', 'C', 'D'] as const).map((k) => (
          <label key={k} className="field-check">
            <input
              type="checkbox"
              checked={show[k]}
              onChange={(e) => setShow({ ...show, [k]: e.target.checked })}
            />
            {CHANGE_WORD[k]}
          </label>
        ))}
      </fieldset>
      {list.length === 0 ? (
        <p className="empty">{t.noChanges}</p>
      ) : (
        <ul className="fs-change-list" data-testid="fs.changes">
          {list.slice(0, 1500).map((e) => (
            <li key={e.name} className={`fs-change change-${e.change}`}>
              <span className="fs-change-kind">
                <span aria-hidden="true">
                  {e.change === 'A' ? '+' : e.change === 'C' ? '~' : '−'}{' '}
                </span>
                {CHANGE_WORD[e.change]}
              </span>
              <code className="fs-entry-name">{e.name}</code>
              {e.kind === 'whiteout' && <span className="fs-hides">{t.whiteout(e.path)}</span>}
              {e.kind === 'opaque' && <span className="fs-hides">{t.opaque(e.path)}</span>}
              {e.kind === 'file' && <span className="fs-size">{formatBytes(e.size)}</span>}
            </li>
          ))}
        </ul>
      )}
      {omitted > 0 && <p className="hint">{t.omitted(omitted)}</p>}
    </div>
  );
}

/**
 * The image's filesystem: the merged view marked with the layer each path comes from, or one
 * layer's own changes; the view up to any layer; file contents; wasted space and efficiency.
 */
export function FilesystemPanel() {
  const build = useShownBuild();
  const progress = useProgress();
  const engine = useLabStore((s) => s.engine);
  const selectedStep = useLabStore((s) => s.selectedStep);
  const image = build?.view.image;
  const [mode, setMode] = useState<Mode>('merged');
  const [upTo, setUpTo] = useState<number | undefined>(undefined);
  const [filter, setFilter] = useState('');
  const [openFile, setOpenFile] = useState<string | undefined>(undefined);
  const [rowsUpTo, setRowsUpTo] = useState<{ key: string; rows: FileRow[] } | undefined>(undefined);
  const ids = { layer: useId(), filter: useId() };

  // Choosing a layer in the stack shows the filesystem as of that layer.
  const stepLayer =
    selectedStep === undefined ? undefined : progress?.steps[selectedStep]?.layerIndex;
  useEffect(() => {
    if (stepLayer !== undefined) setUpTo(stepLayer);
  }, [stepLayer]);
  useEffect(() => {
    setUpTo(undefined);
    setOpenFile(undefined);
  }, [image?.id]);
  // While a build plays, the view follows it: the filesystem as of the newest layer so far.
  const followed = progress && image ? playedLayer(progress, image.layers) : undefined;
  useEffect(() => {
    if (followed !== undefined) setUpTo(followed);
  }, [followed]);

  const last = image ? image.layers.length - 1 : 0;
  const layerIndex = upTo === undefined || upTo > last ? last : upTo;
  const key = image ? `${image.id}:${layerIndex}` : '';
  // The file list comes from the engine when the panel needs it, not with every build.
  useEffect(() => {
    if (!image || rowsUpTo?.key === key) return;
    let live = true;
    void engine()
      .files(image.id, layerIndex)
      .then((rows) => live && setRowsUpTo({ key, rows }));
    return () => {
      live = false;
    };
  }, [engine, image, layerIndex, key, rowsUpTo?.key]);

  const ownLayers = useMemo(
    () => new Set(image?.layers.filter((l) => !l.fromBase).map((l) => l.index) ?? []),
    [image],
  );
  // Named from the whole build, so a layer keeps its name at every point of the playback.
  const name = useMemo(
    () =>
      build && image
        ? layerNames(image, buildProgress(build.view, build.view.events.length).steps)
        : () => ({ badge: '', title: '' }),
    [build, image],
  );
  if (!build || !image) return <p className="empty">{build ? t.failed : t.noBuild}</p>;
  const rows = rowsUpTo?.key === key ? rowsUpTo.rows : undefined;
  const layer = image.layers[layerIndex]!;
  const eff = image.efficiency;
  return (
    <div className="fs">
      <div className="fs-toolbar">
        <label className="field" htmlFor={ids.layer}>
          <span>{t.layer}</span>
          <select
            id={ids.layer}
            value={layerIndex}
            onChange={(e) => setUpTo(Number(e.target.value))}
          >
            {image.layers.map((l) => (
              <option key={l.index} value={l.index}>
                {layerLabel(image, l.index, name)}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label={t.modeLabel}>
          {(['merged', 'changes'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              className={mode === m ? 'on' : undefined}
              onClick={() => setMode(m)}
            >
              {m === 'merged' ? t.merged(layerIndex === last) : t.changesOnly}
            </button>
          ))}
        </div>
        <label className="field" htmlFor={ids.filter}>
          <span className="visually-hidden">{t.filter}</span>
          <input
            id={ids.filter}
            type="search"
            placeholder={t.filter}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
      </div>
      <div className="fs-body">
        {mode === 'merged' ? (
          rows ? (
            <Tree
              key={key}
              rows={rows}
              image={image}
              ownLayers={ownLayers}
              name={name}
              onOpenFile={setOpenFile}
              filter={filter}
            />
          ) : (
            <p className="hint">{t.loading}</p>
          )
        ) : (
          <>
            <p className="fs-layer-id" data-testid="fs.layerId">
              {t.layerId} <code>{layer.diffId}</code>{' '}
              <span className="hint">{layer.standInDigest ? t.standInId : t.realId}</span>
            </p>
            <Changes entries={layer.entries} omitted={layer.entriesOmitted} filter={filter} />
          </>
        )}
        {openFile && mode === 'merged' && (
          <FileViewer image={image.id} upTo={layerIndex} path={openFile} />
        )}
      </div>
      <p className="fs-efficiency" data-testid="fs.efficiency">
        {t.efficiency(
          Math.round(eff.score * 1000) / 10,
          formatBytes(eff.wastedBytes),
          formatBytes(eff.reclaimableBytes),
        )}{' '}
        {layer.hiddenBytes > 0 && t.layerWaste(formatBytes(layer.hiddenBytes))}
        <details>
          <summary>{t.howComputed}</summary>
          <p>{t.formula}</p>
        </details>
      </p>
    </div>
  );
}
