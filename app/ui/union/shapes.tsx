/**
 * The picture's shapes: a slab's plate and a tile (a copy of a file, a folded folder, a
 * whiteout's hole). Plain SVG unless the shape just arrived: only then a motion component,
 * so thousands of paths never mean thousands of animated elements.
 */
import { m } from 'motion/react';
import { memo } from 'react';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import { G, type SlabBox, type TileBox } from './boxes.ts';

const t = strings.union;
const { TILE_W, TILE_H, PLATE_H, SKEW, EDGE } = G;

export const ease = { duration: 0.45, ease: [0.2, 0.7, 0.3, 1] as const };

function platePoints(x0: number, x1: number, h: number): string {
  const front = h - EDGE;
  const skew = (SKEW * h) / PLATE_H;
  return `${x0 + skew},0 ${x1 + skew},0 ${x1},${front} ${x0},${front}`;
}

/**
 * A slab: a plate seen from a little above, with its front edge (the merged view has none);
 * `h`: a thinner plate for a layer that holds none of the paths drawn.
 */
export function Plate({
  x0,
  x1,
  phase,
  h = PLATE_H,
}: {
  x0: number;
  x1: number;
  phase: string;
  h?: number;
}) {
  return (
    <>
      <polygon className={`u-plate u-plate-${phase}`} points={platePoints(x0, x1, h)} />
      {phase !== 'merged' && (
        <rect className={`u-edge-${phase}`} x={x0} y={h - EDGE} width={x1 - x0} height={EDGE} />
      )}
    </>
  );
}

/** A slab's label: its layer, how it came (built, cached, base), what made it, its size. */
export function slabText(s: SlabBox, chars: number): string {
  const size = formatBytes(s.size);
  const head =
    s.kind === 'container'
      ? `${t.phaseGlyph.container} ${t.containerTitle(s.title)} · ${t.phase.container}`
      : `${t.layerTag(s.layer + 1)} ${t.phaseGlyph[s.phase]} ${t.phase[s.phase]} · ${s.title}`;
  const tail = ` · ${size}`;
  const room = Math.max(12, chars - tail.length);
  return (head.length > room ? `${head.slice(0, room - 1)}…` : head) + tail;
}

export interface TileProps {
  tile: TileBox;
  /** The tile's y relative to its slab's group (which moves the whole slab). */
  y: number;
  /** Arrived with this change of the picture: moves in (a copy-up rises from its layer). */
  fresh: boolean;
  focused: boolean;
  onFocus: (id: string) => void;
  onActivate: (id: string) => void;
}

export const Tile = memo(function Tile({
  tile,
  y,
  fresh,
  focused,
  onFocus,
  onActivate,
}: TileProps) {
  const hole = tile.kind === 'hole';
  const props = {
    className: `u-tile u-focusable ${tile.kind} ${tile.state}`,
    'data-id': tile.key,
    'data-testid': 'union.tile',
    'data-kind': tile.kind,
    'data-state': tile.state,
    role: 'button' as const,
    'aria-label': tile.label,
    tabIndex: focused ? 0 : -1,
    onFocus: () => onFocus(tile.key),
    onClick: () => onActivate(tile.key),
  };
  const ellipse = {
    className: 'u-hole',
    cx: TILE_W / 2,
    cy: TILE_H / 2,
    rx: TILE_W / 2 - 4,
    ry: TILE_H / 2 - 1,
  };
  const body = (
    <>
      {hole ? (
        fresh ? (
          // The hole is punched once the tile is in place.
          <m.ellipse
            {...ellipse}
            initial={{ scale: 0 }}
            animate={{ scale: 1 }}
            transition={{ duration: 0.35, delay: 0.35 }}
            style={{ transformBox: 'fill-box', transformOrigin: 'center' }}
          />
        ) : (
          <ellipse {...ellipse} />
        )
      ) : (
        <rect className="u-card" width={TILE_W} height={TILE_H} rx={5} />
      )}
      <g clipPath="url(#u-tile-clip)">
        <text className="u-title" x={hole ? 16 : 7} y={13}>
          {hole ? `✕ ${tile.title}` : tile.title}
        </text>
        <text className="u-meta" x={hole ? 16 : 7} y={TILE_H - 5}>
          {tile.meta}
        </text>
      </g>
      {focused && (
        <rect
          className="u-focus-ring"
          x={-4}
          y={-4}
          width={TILE_W + 8}
          height={TILE_H + 8}
          rx={7}
        />
      )}
    </>
  );
  if (!fresh) {
    return (
      <g {...props} transform={`translate(${tile.x} ${y})`}>
        {body}
      </g>
    );
  }
  const from =
    tile.fromDy !== undefined
      ? // A copy-up leaves its layer: it starts where the lower copy is and rises.
        { x: tile.x, y: y + tile.fromDy, opacity: 1 }
      : { x: tile.x, y: y - 24, opacity: 0 };
  return (
    <m.g
      {...props}
      initial={from}
      animate={{ x: tile.x, y, opacity: 1 }}
      transition={{ ...ease, delay: 0.15 }}
    >
      {body}
    </m.g>
  );
});
