import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLabStore, useUnionView } from '../../store/index.ts';
import { formatBytes } from '../format.ts';
import { usePanelImage } from '../lab/useProgress.ts';
import { SearchField } from '../SearchField.tsx';
import { strings } from '../strings.ts';
import { defaultOpen, pathTree } from './columns.ts';
import { G, type Action } from './boxes.ts';
import { focusOf, unionPicture } from './picture.ts';
import { UnionPicture, type PictureHandle } from './UnionPicture.tsx';
import './union.css';

const t = strings.union;

/** The learner's own openings and foldings, on top of the default ones. */
interface Choices {
  search: string;
  opened: Set<string>;
  folded: Set<string>;
}

const NO_CHOICES: Choices = { search: '', opened: new Set(), folded: new Set() };

function applyChoices(open: Set<string>, c: Choices): Set<string> {
  const out = new Set(open);
  for (const p of c.opened) out.add(p);
  for (const p of c.folded) {
    for (const q of [...out]) if (q === p || q.startsWith(`${p}/`)) out.delete(q);
  }
  return out;
}

/**
 * How many columns to open by default: what fits the box at a readable size (`base`: the root
 * font's scale, larger on a projector), and at least ten (the picture pans for the rest).
 */
function budgetFor(width: number, base: number): number {
  return Math.max(10, Math.floor(width / (G.COL_W * base * 0.8)));
}

/** The root font's scale; read when the box changes size, never while the build plays. */
function rootScale(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
}

/**
 * The union filesystem as a picture: the shown build's layers stacked as it plays, the paths
 * it wrote as tiles on the layers that hold them, the merged view on top, a container's
 * writable layer above the image. Search, fold and open, zoom and pan; every slab and tile by
 * keyboard.
 */
export function UnionPanel() {
  const { image, progress, build } = usePanelImage();
  const selectStep = useLabStore((s) => s.selectStep);
  const allContainers = useLabStore((s) => s.engineView.containers);
  const containers = useMemo(
    () => allContainers.filter((c) => image !== undefined && c.imageId === image.id),
    [allContainers, image],
  );
  // undefined: the newest container of this image; null: none.
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const container =
    chosen === null ? undefined : (containers.find((c) => c.name === chosen) ?? containers.at(-1));
  const { view, error } = useUnionView(image?.id, container?.name);

  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText);
  const [choices, setChoices] = useState<Choices>(NO_CHOICES);
  const [described, setDescribed] = useState('');
  const picture = useRef<PictureHandle>(null);
  const root = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 600, base: 1 });
  const [zoomSlot, setZoomSlot] = useState<HTMLDivElement | null>(null);
  const containerId = useId();

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setBox({ width: el.clientWidth || 600, base: rootScale() }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const map = view && image && view.image === image.id ? view.map : undefined;
  const tree = useMemo(() => (map ? pathTree(map) : undefined), [map]);
  const upper = view?.container && image ? image.layers.length : undefined;
  const focus = useMemo(
    () => (map && image ? focusOf(map, image, search, upper) : undefined),
    [map, image, search, upper],
  );
  const budget = budgetFor(box.width, box.base) * (search.trim() ? 3 : 1);
  const open = useMemo(() => {
    if (!tree || !focus) return new Set<string>();
    const mine = choices.search === search ? choices : NO_CHOICES;
    return applyChoices(defaultOpen(tree, focus.paths, budget), mine);
  }, [tree, focus, budget, choices, search]);

  const drawn = useMemo(() => {
    if (!map || !tree || !image || !progress || !focus) return undefined;
    return unionPicture({
      map,
      tree,
      image,
      progress,
      focus,
      open,
      container:
        container && view?.container
          ? {
              name: container.name,
              state: container.state,
              size: container.writableBytes,
              changes: container.changes.length,
            }
          : undefined,
    });
  }, [map, tree, image, progress, focus, open, container, view]);

  const onAction = useCallback(
    (a: Action) => {
      if (a.type === 'step') selectStep(a.step);
      else if (a.type === 'open' || a.type === 'fold') {
        const path = a.path;
        setChoices((c) => {
          const base = c.search === search ? c : { ...NO_CHOICES, search };
          const opened = new Set(base.opened);
          const folded = new Set(base.folded);
          if (a.type === 'open') {
            opened.add(path);
            folded.delete(path);
          } else {
            folded.add(path);
            for (const p of [...opened])
              if (p === path || p.startsWith(`${path}/`)) opened.delete(p);
          }
          return { search, opened, folded };
        });
      }
    },
    [search, selectStep],
  );

  if (!image) {
    return (
      <div className="union" ref={root}>
        <p className="empty">{build ? t.failed : t.noBuild}</p>
      </div>
    );
  }

  const found = search.trim() && focus ? focus.paths.size : undefined;
  return (
    <div className="union" ref={root}>
      <div className="union-toolbar" role="toolbar" aria-label={t.toolbar}>
        <SearchField
          label={t.search}
          value={searchText}
          onChange={setSearchText}
          testId="union.search"
        />
        <button
          type="button"
          className="button"
          title={t.resetTitle}
          onClick={() => {
            setSearchText('');
            setChoices(NO_CHOICES);
            picture.current?.fit();
          }}
        >
          {t.reset}
        </button>
        {containers.length > 0 && (
          <label className="field" htmlFor={containerId}>
            <span>{t.container}</span>
            <select
              id={containerId}
              value={container?.name ?? ''}
              onChange={(e) => setChosen(e.target.value === '' ? null : e.target.value)}
            >
              <option value="">{t.noContainer}</option>
              {containers.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="union-zoom-slot" ref={setZoomSlot} />
      </div>
      {found === 0 && <p className="union-note">{t.noMatch(search.trim())}</p>}
      {focus && focus.more > 0 && <p className="union-note">{t.searchMore(focus.more)}</p>}
      {error ? (
        <p className="empty" role="alert">
          {error}
        </p>
      ) : !drawn ? (
        <p className="hint union-note">{t.loading}</p>
      ) : (
        <>
          {drawn.slabs.length === 0 && <p className="union-note">{t.notPlayed}</p>}
          <UnionPicture
            picture={drawn}
            imageKey={image.id}
            onAction={onAction}
            onDescribe={setDescribed}
            handle={picture}
            fitKey={search}
            zoomSlot={zoomSlot}
          />
          <div className="union-status" data-testid="union.status">
            {/* Always there, so the picture's box does not change size when something is chosen. */}
            <p className="union-focus-text" aria-hidden="true">
              {described || t.describeHint}
            </p>
            <p className="union-size">
              {t.imageSize(
                formatBytes(drawn.stack.imageBytes),
                drawn.slabs.filter((s) => s.kind !== 'container').length,
              )}
              {drawn.hiddenBytes > 0 && ` · ${t.deletedNote(formatBytes(drawn.hiddenBytes))}`}
            </p>
            <details className="union-legend">
              <summary>{t.legend}</summary>
              <dl>
                {t.legendItems.map(([term, meaning]) => (
                  <div key={term} style={{ display: 'contents' }}>
                    <dt>{term}</dt>
                    <dd>{meaning}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </div>
        </>
      )}
    </div>
  );
}

export default UnionPanel;
