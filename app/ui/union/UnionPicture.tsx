import { AnimatePresence, m, useReducedMotionConfig } from 'motion/react';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { createPortal } from 'react-dom';
import { strings } from '../strings.ts';
import {
  boxOf,
  G,
  MARKER_CHAR_W,
  markerText,
  type Action,
  type Item,
  type SlabBox,
  type TileBox,
} from './boxes.ts';
import { ease, Plate, slabText, Tile } from './shapes.tsx';
import { moveFocus, NAV_KEYS } from './nav.ts';
import type { UnionPicture as Picture } from './picture.ts';
import { useFresh, useViewport, type Viewport } from './viewport.ts';
import { ZoomButtons } from './ZoomButtons.tsx';

const t = strings.union;
const { TILE_W, TILE_H, SKEW, EDGE, LABEL_H, COL_W, BAND_H, PAD, MARKER_H } = G;

export interface PictureHandle {
  zoomBy(factor: number): void;
  fit(): void;
}

interface Props {
  picture: Picture;
  /** Changes with the image: its slabs then come in anew. */
  imageKey: string;
  onAction: (action: Action) => void;
  /** What the focused (or hovered) item is, in words, for the line under the picture. */
  onDescribe: (text: string) => void;
  handle: Ref<PictureHandle>;
  /** When it changes (a new search), the picture is fitted again from its top-left corner. */
  fitKey: string;
  /** Where the zoom buttons go: a place of the toolbar, so they cover no part of the picture. */
  zoomSlot: HTMLElement | null;
}

/**
 * The union filesystem drawn: slabs, tiles, holes, lids and lines in SVG, moved and zoomed
 * by drag, wheel and the toolbar; every slab and tile reachable by keyboard (one tab stop,
 * arrow keys inside), each with its name, layer and size as its accessible name.
 */
export function UnionPicture({
  picture,
  imageKey,
  onAction,
  onDescribe,
  handle,
  fitKey,
  zoomSlot,
}: Props) {
  const reduced = useReducedMotionConfig() ?? false;
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const port = useViewport(box, picture.width, picture.height);
  const { view, size } = port;
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const [pendingFocus, setPendingFocus] = useState(false);

  useImperativeHandle(handle, () => ({ zoomBy: port.zoomBy, fit: port.fit }), [port]);
  const refit = port.fit;
  useEffect(() => refit(), [fitKey, refit]);

  const items = useMemo(() => new Map(picture.rows.flat().map((i) => [i.id, i])), [picture]);
  const bySlab = useMemo(() => {
    const out = new Map<number | undefined, TileBox[]>();
    for (const x of picture.tiles) {
      const list = out.get(x.layer);
      if (list) list.push(x);
      else out.set(x.layer, [x]);
    }
    return out;
  }, [picture]);
  const first = picture.rows[0]?.[0]?.id;
  const current = focusId !== undefined && items.has(focusId) ? focusId : first;
  const fresh = useFresh(
    useMemo(
      () => [
        ...picture.slabs.map((s) => `${imageKey}${s.key}`),
        ...picture.tiles.map((x) => `${imageKey}${x.key}`),
        ...picture.lines.map((x) => `${imageKey}${x.key}`),
        ...picture.arrows.map((x) => `${imageKey}${x.key}`),
      ],
      [picture, imageKey],
    ),
  );

  const focusItem = (id: string) => {
    setFocusId(id);
    const b = boxOf(picture, id);
    if (b) port.reveal(b);
    setPendingFocus(true);
    const item = items.get(id);
    if (item) onDescribe(item.label);
  };

  useLayoutEffect(() => {
    if (!pendingFocus || current === undefined) return;
    setPendingFocus(false);
    const el = svg.current?.querySelector<SVGElement>(`[data-id="${CSS.escape(current)}"]`);
    el?.focus({ preventScroll: true });
  }, [pendingFocus, current, view]);

  // Stable for the memoised tiles: they read the latest items and callbacks through a ref.
  const latest = useRef({ items, onAction, onDescribe });
  latest.current = { items, onAction, onDescribe };
  const noticeFocus = useCallback((id: string) => {
    setFocusId(id);
    const item = latest.current.items.get(id);
    if (item) latest.current.onDescribe(item.label);
  }, []);
  const activate = useCallback(
    (id: string) => {
      noticeFocus(id);
      const item = latest.current.items.get(id);
      if (item) latest.current.onAction(item.action);
    },
    [noticeFocus],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (NAV_KEYS.has(e.key) && e.key !== 'PageUp' && e.key !== 'PageDown') {
      const next = moveFocus(picture.rows, current, e.key);
      if (next) focusItem(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (current) activate(current);
    } else if (e.key === '+' || e.key === '=') port.zoomBy(1.25);
    else if (e.key === '-') port.zoomBy(0.8);
    else if (e.key === '0') port.fit();
    else return;
    // Handled here: the lab's own arrow keys (Step, Back) must not also act.
    e.preventDefault();
    e.stopPropagation();
  };

  // A slab (its plate, and its tiles with it) drops in when built, rises into place when its
  // layer comes from the cache, and moves down as later slabs land on top.
  const slabMotion = (s: SlabBox) => ({
    initial:
      reduced || !fresh.has(`${imageKey}${s.key}`)
        ? (false as const)
        : { y: s.plateY + (s.phase === 'cached' ? 40 : -40), opacity: 0 },
    animate: { y: s.plateY, opacity: 1 },
    exit: { opacity: 0, transition: { duration: reduced ? 0 : 0.25 } },
    transition: reduced ? { duration: 0 } : ease,
  });

  // Only what is in view (and a column either side) is drawn: 10,000 paths stay fast.
  const x0 = -view.tx / view.k - COL_W * 2;
  const x1 = (size.w - view.tx) / view.k + COL_W;
  const inView = (x: number, w: number = TILE_W) => x + w >= x0 && x <= x1;
  const plateX0 = PAD;
  const plateX1 = picture.width - PAD - SKEW;
  const chars = Math.floor((size.w / view.k - 24) / 8);
  const focusable = (id: string, className = '') => ({
    'data-id': id,
    tabIndex: id === current ? 0 : -1,
    role: 'button' as const,
    className: `u-focusable ${className}`.trim(),
    onFocus: () => noticeFocus(id),
    onClick: () => activate(id),
    'aria-label': items.get(id)?.label,
  });
  // One ring, on the item that holds the tab stop; CSS shows it only while it has focus.
  const ring = (id: string, w: number, h: number, x = 0, y = 0) =>
    id === current ? (
      <rect className="u-focus-ring" x={x - 4} y={y - 4} width={w + 8} height={h + 8} rx={6} />
    ) : null;

  return (
    <div
      ref={box}
      className={port.dragging ? 'union-view dragging' : 'union-view'}
      data-testid="union.view"
      {...port.pointerHandlers}
    >
      <svg
        ref={svg}
        className="union-svg"
        role="group"
        aria-label={t.pictureLabel}
        onKeyDown={onKeyDown}
        data-testid="union.picture"
      >
        <defs>
          {/* Tile text never runs past its tile (each tile's own coordinates). */}
          <clipPath id="u-tile-clip">
            <rect x={2} y={0} width={TILE_W - 4} height={TILE_H} />
          </clipPath>
          <pattern
            id="u-hatch"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line className="u-hatch-line" x1="0" y1="0" x2="0" y2="8" />
          </pattern>
        </defs>
        <g transform={`translate(${view.tx} ${view.ty}) scale(${view.k})`}>
          {/* The open folders, to fold them again. */}
          {picture.bands
            .filter((b) => inView(b.x, b.w))
            .map((b) => (
              <g key={b.key} {...focusable(b.key, 'u-band')} data-testid="union.band">
                <rect x={b.x + 4} y={2} width={b.w - 8} height={BAND_H - 4} rx={4} />
                <text className="u-muted" x={b.x + 12} y={BAND_H - 6}>
                  {`▾ ${b.dir}/`}
                </text>
                {ring(b.key, b.w - 8, BAND_H - 4, b.x + 4, 2)}
              </g>
            ))}
          <g transform={`translate(0 ${picture.mergedY})`}>
            <Plate x0={plateX0} x1={plateX1} phase="merged" />
          </g>
          <AnimatePresence initial={false}>
            {picture.slabs.map((s) => (
              <m.g
                key={`${imageKey}${s.key}`}
                {...slabMotion(s)}
                data-testid="union.slab"
                data-layer={s.layer}
              >
                <Plate x0={plateX0} x1={plateX1} phase={s.phase} h={s.plateH} />
              </m.g>
            ))}
          </AnimatePresence>
          {picture.lines
            .filter((l) => inView(l.x - 2, 4))
            .map((l) => {
              const isFresh = !reduced && fresh.has(`${imageKey}${l.key}`);
              return (
                <g key={l.key}>
                  <m.line
                    className={l.deleted ? 'u-line deleted' : 'u-line'}
                    x1={l.x}
                    x2={l.x}
                    initial={isFresh ? { y1: l.y1, y2: l.y1 } : false}
                    animate={{ y1: l.y1, y2: l.y2 }}
                    transition={reduced ? { duration: 0 } : { ...ease, delay: isFresh ? 0.4 : 0 }}
                  />
                  {l.dots.map((d) => (
                    <circle key={d} className="u-dot" cx={l.x} cy={d} r={4} />
                  ))}
                </g>
              );
            })}
          {picture.arrows
            .filter((a) => inView(a.x - 4, 8))
            .map((a) => {
              const d = `M ${a.x} ${a.y1} L ${a.x} ${a.y2 + 6} m -5 8 l 5 -8 l 5 8`;
              return !reduced && fresh.has(`${imageKey}${a.key}`) ? (
                <m.path
                  key={a.key}
                  className="u-arrow"
                  d={d}
                  initial={{ pathLength: 0 }}
                  animate={{ pathLength: 1 }}
                  transition={{ ...ease, delay: 0.5 }}
                />
              ) : (
                <path key={a.key} className="u-arrow" d={d} />
              );
            })}
          {/* The merged view's tiles: what a container sees. */}
          {(bySlab.get(undefined) ?? [])
            .filter((x) => inView(x.x))
            .map((x) => (
              <Tile
                key={`${imageKey}${x.key}`}
                tile={x}
                y={x.y}
                fresh={false}
                focused={x.key === current}
                onFocus={noticeFocus}
                onActivate={activate}
              />
            ))}
          {/* Each slab's tiles and lids move with the slab. */}
          <AnimatePresence initial={false}>
            {picture.slabs.map((s) => (
              <m.g key={`${imageKey}${s.key}`} {...slabMotion(s)}>
                {picture.covers
                  .filter((c) => c.layer === s.layer && inView(c.x, c.w))
                  .map((c) => (
                    <g key={c.key} {...focusable(c.key)} data-testid="union.lid">
                      <rect
                        className="u-lid"
                        x={c.x}
                        y={c.y - s.plateY}
                        width={c.w}
                        height={c.h}
                        rx={4}
                      />
                      {ring(c.key, c.w, c.h, c.x, c.y - s.plateY)}
                    </g>
                  ))}
                {(bySlab.get(s.layer) ?? [])
                  .filter((x) => inView(x.x))
                  .map((x) => (
                    <Tile
                      key={`${imageKey}${x.key}`}
                      tile={x}
                      y={x.y - s.plateY}
                      fresh={!reduced && fresh.has(`${imageKey}${x.key}`)}
                      focused={x.key === current}
                      onFocus={noticeFocus}
                      onActivate={activate}
                    />
                  ))}
              </m.g>
            ))}
          </AnimatePresence>
        </g>
        {/* Labels stay at the left edge however the picture is moved sideways. */}
        <g transform={`translate(0 ${view.ty}) scale(${view.k})`}>
          <text className="u-label" x={8 / view.k} y={picture.mergedY - 6}>
            {t.merged}
          </text>
          {picture.slabs.map((s) => (
            <m.g
              key={`${imageKey}${s.key}`}
              {...focusable(s.key)}
              data-testid="union.slab-label"
              initial={false}
              animate={{ y: s.y }}
              transition={reduced ? { duration: 0 } : ease}
            >
              {/* A thin sheet carries its label on it; a full slab's label is above its plate. */}
              <text
                className="u-label"
                x={(s.thin ? 8 + SKEW : 8) / view.k}
                y={s.thin ? (s.plateH - EDGE) / 2 + 5 : LABEL_H - 6}
              >
                {slabText(s, chars)}
              </text>
              {ring(
                s.key,
                Math.min(chars, slabText(s, chars).length) * 7.2,
                s.thin ? s.plateH : LABEL_H - 4,
                6 / view.k,
                s.thin ? 0 : 2,
              )}
            </m.g>
          ))}
          {picture.markers.map((mk) => (
            <m.g
              key={mk.key}
              {...focusable(mk.key)}
              data-testid="union.marker"
              initial={false}
              animate={{ y: mk.y }}
              transition={reduced ? { duration: 0 } : ease}
            >
              <text className="u-marker" x={8 / view.k + mk.dx} y={MARKER_H - 5}>
                {markerText(mk.text) + (mk.last ? ` · ${t.metadata}` : '')}
              </text>
              {ring(
                mk.key,
                markerText(mk.text).length * MARKER_CHAR_W,
                MARKER_H,
                6 / view.k + mk.dx,
                0,
              )}
            </m.g>
          ))}
        </g>
      </svg>
      {zoomSlot && createPortal(<ZoomButtons k={view.k} port={port} />, zoomSlot)}
    </div>
  );
}

export type { Item, Viewport };
