import { strings } from '../strings.ts';

const t = strings.union;

function zoomButton(label: string, glyph: string, onClick: () => void) {
  return (
    <button type="button" className="button" aria-label={label} title={label} onClick={onClick}>
      {glyph}
    </button>
  );
}

/**
 * Zoom out, the scale, zoom in, fit: drawn in the panel's toolbar (UnionPicture puts them
 * there), so they cover no part of the picture.
 */
export function ZoomButtons({
  k,
  port,
}: {
  k: number;
  port: { zoomBy: (factor: number) => void; fit: () => void };
}) {
  return (
    <div className="union-zoom" role="group" aria-label={t.zoomGroup}>
      {zoomButton(t.zoomOut, '−', () => port.zoomBy(0.8))}
      <span className="union-zoom-level">{t.zoom(Math.round(k * 100))}</span>
      {zoomButton(t.zoomIn, '+', () => port.zoomBy(1.25))}
      <button type="button" className="button" onClick={port.fit}>
        {t.fit}
      </button>
    </div>
  );
}
