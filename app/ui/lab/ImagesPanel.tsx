import { useMemo } from 'react';
import type { ImageStoreKind } from '../../engine/images/stores.ts';
import type { ImageSummary } from '../../engine/session/types.ts';
import { useLabStore } from '../../store/index.ts';
import { formatBytes, shortId } from '../format.ts';
import { strings } from '../strings.ts';
import {
  ImageDropZone,
  KeptArchives,
  LoadImageButton,
  LoadProgress,
  WrittenFiles,
} from './LoadImage.tsx';
import './images.css';

const t = strings.images;

/** A letter per distinct layer, so the same block in two images reads as one shared layer. */
function layerLetters(images: ImageSummary[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of images)
    for (const id of i.layerIds)
      if (!out.has(id)) {
        const n = out.size;
        out.set(id, n < 26 ? String.fromCharCode(65 + n) : `L${n + 1}`);
      }
  return out;
}

/** Local images with their tags, dangling ones, and the layers they share (as `system df -v`). */
export function ImagesPanel() {
  const images = useLabStore((s) => s.engineView.images);
  const store = useLabStore((s) => s.engineView.store ?? s.imageStore);
  const letters = useMemo(() => layerLetters(images), [images]);
  const showImage = useLabStore((s) => s.showImage);
  const pickedId = useLabStore((s) => s.shownImage?.view.id);
  const users = useMemo(() => {
    const m = new Map<string, number>();
    for (const i of images) for (const id of new Set(i.layerIds)) m.set(id, (m.get(id) ?? 0) + 1);
    return m;
  }, [images]);
  // Loading an image and the files the terminal wrote head the panel, with images or without.
  const loadBar = (
    <>
      <div className="images-bar">
        <LoadImageButton />
      </div>
      <LoadProgress />
      <KeptArchives />
      <WrittenFiles />
    </>
  );
  if (images.length === 0)
    return (
      <ImageDropZone>
        <div className="images">
          {loadBar}
          <p className="empty">{t.none}</p>
          <StoreNote store={store} />
        </div>
      </ImageDropZone>
    );
  const distinct = new Map<string, number>();
  for (const i of images) i.layerIds.forEach((id, k) => distinct.set(id, i.layerSizes[k] ?? 0));
  const disk = [...distinct.values()].reduce((a, b) => a + b, 0);
  const sum = images.reduce((n, i) => n + i.size, 0);
  return (
    <ImageDropZone>
      <div className="images">
        {loadBar}
        <ul className="image-list">
          {images.map((img) => {
            const shared = img.layerIds.reduce(
              (n, id, k) => n + ((users.get(id) ?? 0) > 1 ? (img.layerSizes[k] ?? 0) : 0),
              0,
            );
            const label = img.names[0] ?? shortId(img.id);
            return (
              <li
                key={img.id}
                className={img.id === pickedId ? 'image-card picked' : 'image-card'}
                data-testid="images.item"
              >
                <div className="image-head">
                  <span className="image-names">
                    {img.names.length > 0 ? img.names.join(', ') : '<none>:<none>'}
                  </span>
                  {img.dangling && <span className="badge badge-warning">{t.dangling}</span>}
                  <code className="image-id" title={t.idTitle[store]}>
                    {shortId(img.id)}
                  </code>
                  <span className="image-size" title={t.sizeTitle[store]}>
                    {formatBytes(img.diskUsage)}
                  </span>
                  <button
                    type="button"
                    className="button image-show"
                    title={strings.imageLayers.showTitle(label)}
                    aria-label={strings.imageLayers.showTitle(label)}
                    aria-pressed={img.id === pickedId}
                    onClick={() => void showImage(img.id)}
                  >
                    {strings.imageLayers.show}
                  </button>
                </div>
                {img.contentSize !== undefined && (
                  <p className="image-df" data-testid="images.content">
                    {t.diskUsage(formatBytes(img.diskUsage))} ·{' '}
                    {t.contentSize(formatBytes(img.contentSize))}
                  </p>
                )}
                <ol
                  className="image-layers"
                  aria-label={t.layersOf(img.names[0] ?? shortId(img.id))}
                >
                  {img.layerIds.map((id, k) => {
                    const isShared = (users.get(id) ?? 0) > 1;
                    return (
                      <li
                        key={`${id}-${k}`}
                        className={isShared ? 'block shared' : 'block'}
                        title={t.blockTitle(
                          letters.get(id) ?? '',
                          formatBytes(img.layerSizes[k] ?? 0),
                          isShared,
                        )}
                      >
                        <span aria-hidden="true">{letters.get(id)}</span>
                        <span className="visually-hidden">
                          {t.blockTitle(
                            letters.get(id) ?? '',
                            formatBytes(img.layerSizes[k] ?? 0),
                            isShared,
                          )}
                        </span>
                      </li>
                    );
                  })}
                </ol>
                <p className="image-df">
                  {t.df(formatBytes(shared), formatBytes(img.size - shared))}
                </p>
              </li>
            );
          })}
        </ul>
        <p className="hint" data-testid="images.disk">
          {t.disk(formatBytes(disk), formatBytes(sum))}
        </p>
        <StoreNote store={store} />
      </div>
    </ImageDropZone>
  );
}

/** Which image store the daemon runs, and why IDs and sizes depend on it. */
function StoreNote({ store }: { store: ImageStoreKind }) {
  return (
    <details className="store-note" data-testid="images.store">
      <summary>
        <span className="store-name">{t.storeLine[store]}</span> · {t.whyDiffer}
      </summary>
      {t.explain[store].map((text) => (
        <p key={text}>{text}</p>
      ))}
    </details>
  );
}
