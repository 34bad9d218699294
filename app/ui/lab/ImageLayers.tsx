/**
 * An image picked in the Images panel (loaded, pulled or built), as `docker history` shows it:
 * one row per history line, newest first, with the local image that line ends or `<missing>`,
 * the full CREATED BY text and the layer's size; a row that made a layer chooses it for the
 * filesystem panel. Steps, cache and playback belong to builds: a picked image has none.
 */
import { useLabStore, type ShownImage } from '../../store/index.ts';
import { formatBytes, shortId } from '../format.ts';
import { strings } from '../strings.ts';
import { shownLayerSize } from './layerSize.ts';

const t = strings.imageLayers;

export function ImageLayers({ picked }: { picked: ShownImage }) {
  const image = picked.view;
  const builds = useLabStore((s) => s.builds);
  const shownBuild = useLabStore((s) => s.shownBuild);
  const closeImage = useLabStore((s) => s.closeImage);
  const choose = useLabStore((s) => s.selectImageLayer);
  const name = image.names[0] ?? shortId(image.id);
  // Sized as `docker history` sizes them in the store the lab runs (layerSize.ts).
  const store = useLabStore((s) => s.imageStore);
  const total = image.layers.reduce((n, l) => n + shownLayerSize(l, store), 0);
  const back = shownBuild === undefined ? undefined : builds[shownBuild];
  // The filesystem shows the top layer until another is chosen.
  const viewed = picked.layer ?? image.layers.length - 1;
  const rows = image.history.map((h, i) => ({ ...h, at: i })).reverse();
  return (
    <div className="layers image-layers" data-testid="layers.image">
      <div className="image-layers-head">
        <h3 className="image-layers-name">{t.heading(name)}</h3>
        <button type="button" className="button" title={t.closeTitle} onClick={closeImage}>
          {back ? t.back(back.number) : t.close}
        </button>
        <p className="hint image-layers-summary">
          {t.summary(image.layers.length, formatBytes(total))}
        </p>
      </div>
      <ol className="layer-stack" aria-label={t.historyLabel(name)}>
        {rows.map((h) => {
          const layer = h.layer === undefined ? undefined : image.layers[h.layer];
          const id = h.image ? shortId(h.image) : t.missing;
          const cells = (
            <>
              <span
                className="layer-outcome image-layer-id"
                title={h.image ? h.image : t.missingTitle}
              >
                <span className="visually-hidden">{t.imageColumn} </span>
                {id}
              </span>
              <span className="layer-text image-layer-cmd" title={h.createdBy}>
                <span className="visually-hidden">{t.createdByColumn} </span>
                {h.createdBy || strings.layers.unknownHistory}
              </span>
              <span className="layer-size">
                <span className="visually-hidden">{t.sizeColumn} </span>
                {layer ? formatBytes(shownLayerSize(layer, store)) : t.noLayer}
              </span>
              {layer && (
                <span className="layer-why">
                  {t.layer(layer.index + 1)}
                  {layer.sharedWith.length > 0 &&
                    ` · ${strings.layers.sharedWith(layer.sharedWith)}`}
                </span>
              )}
            </>
          );
          const chosen = layer !== undefined && layer.index === viewed;
          return (
            <li
              key={h.at}
              className={`layer-item ${layer ? 'phase-base' : 'phase-metadata'}${chosen ? ' selected' : ''}`}
              data-testid="layers.history"
              data-layer={layer?.index}
              aria-current={chosen ? 'step' : undefined}
            >
              {layer ? (
                <button
                  type="button"
                  className="layer-main"
                  aria-pressed={picked.layer === layer.index}
                  title={t.chooseLayer(layer.index + 1)}
                  onClick={() => choose(layer.index)}
                >
                  {cells}
                </button>
              ) : (
                <div className="layer-main image-layer-empty">{cells}</div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
