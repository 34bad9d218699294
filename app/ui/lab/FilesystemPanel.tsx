import { useEffect, useId, useMemo, useState } from 'react';
import type { FileContent } from '../../engine/session/session.ts';
import type { FileRow, ImageView, LayerEntries, LayerEntry } from '../../engine/session/types.ts';
import { useLabStore, buildProgress, playedLayer } from '../../store/index.ts';
import { formatBytes } from '../format.ts';
import { SearchField } from '../SearchField.tsx';
import { strings } from '../strings.ts';
import { usePanelImage } from './useProgress.ts';
import { layerNames, type LayerNamer } from './layerNames.ts';
import { Tree } from './FileTreeView.tsx';

const t = strings.fs;
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
  const { picked, image, progress, build } = usePanelImage();
  const engine = useLabStore((s) => s.engine);
  const selectedStep = useLabStore((s) => s.selectedStep);
  const [mode, setMode] = useState<Mode>('merged');
  const [upTo, setUpTo] = useState<number | undefined>(undefined);
  const [filter, setFilter] = useState('');
  const [openFile, setOpenFile] = useState<string | undefined>(undefined);
  const [rowsUpTo, setRowsUpTo] = useState<{ key: string; rows: FileRow[] } | undefined>(undefined);
  const [changesOf, setChangesOf] = useState<{ key: string; listed: LayerEntries } | undefined>(
    undefined,
  );
  const ids = { layer: useId() };

  // Choosing a layer in the stack shows the filesystem as of that layer.
  const stepLayer = picked
    ? picked.layer
    : selectedStep === undefined
      ? undefined
      : progress?.steps[selectedStep]?.layerIndex;
  useEffect(() => {
    if (stepLayer !== undefined) setUpTo(stepLayer);
  }, [stepLayer]);
  useEffect(() => {
    setUpTo(undefined);
    setOpenFile(undefined);
  }, [image?.id]);
  // While a build plays, the view follows it: the filesystem as of the newest layer so far;
  // rewound to the start, nothing has been built yet, as the timeline says.
  // A picked image has no playback: the view is of the layer chosen in its history, else its top.
  const followed = picked
    ? (picked.layer ?? picked.view.layers.length - 1)
    : progress && image
      ? playedLayer(progress, image.layers)
      : undefined;
  useEffect(() => {
    setUpTo(followed);
  }, [followed]);
  const notPlayed = progress?.cursor === 0 && upTo === undefined;

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

  // A layer's own entries likewise, when the panel shows its changes.
  const showChanges = mode === 'changes' && !notPlayed;
  useEffect(() => {
    if (!image || !showChanges || changesOf?.key === key) return;
    let live = true;
    void engine()
      .layerEntries(image.id, layerIndex)
      .then((listed) => live && setChangesOf({ key, listed }));
    return () => {
      live = false;
    };
  }, [engine, image, layerIndex, key, showChanges, changesOf?.key]);

  const ownLayers = useMemo(
    () => new Set(image?.layers.filter((l) => !l.fromBase).map((l) => l.index) ?? []),
    [image],
  );
  // Named from the whole build, so a layer keeps its name at every point of the playback.
  // A picked image was not built here: its layers are named by their place in it.
  const name = useMemo(
    () =>
      image && (picked || build)
        ? layerNames(
            image,
            picked || !build ? [] : buildProgress(build.view, build.view.events.length).steps,
          )
        : () => ({ badge: '', title: '' }),
    [build, image, picked],
  );
  if (!image) return <p className="empty">{build ? t.failed : t.noBuild}</p>;
  const rows = rowsUpTo?.key === key ? rowsUpTo.rows : undefined;
  const listed = changesOf?.key === key ? changesOf.listed : undefined;
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
        <SearchField label={t.filter} value={filter} onChange={setFilter} />
      </div>
      <div className="fs-body">
        {notPlayed ? (
          <p className="empty" data-testid="fs.not-played">
            {t.notPlayed}{' '}
            <button type="button" className="button" onClick={() => setUpTo(last)}>
              {t.showFinished}
            </button>
          </p>
        ) : mode === 'merged' ? (
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
            <p className="empty">{t.loading}</p>
          )
        ) : (
          <>
            <p className="fs-layer-id" data-testid="fs.layerId">
              {t.layerId} <code>{layer.diffId}</code>{' '}
              <span className="hint">{layer.standInDigest ? t.standInId : t.realId}</span>
            </p>
            {listed ? (
              <Changes entries={listed.entries} omitted={listed.omitted} filter={filter} />
            ) : (
              <p className="empty">{t.loading}</p>
            )}
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
