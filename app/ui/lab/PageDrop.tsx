/**
 * The whole lab page as a drop target for a `docker save` tar: while a file is dragged over
 * the page an overlay says what dropping does; a dropped archive is loaded with `docker load`
 * in the terminal, and anything else is refused in one sentence, with nothing sent anywhere.
 * Keyboard users load through the Images panel's "Load an image…" button.
 */
import { useEffect, useState } from 'react';
import { isArchive, useLabStore, useLabStoreApi } from '../../store/index.ts';
import { strings } from '../strings.ts';
import './images.css';

const t = strings.pageDrop;

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

export function PageDrop() {
  const store = useLabStoreApi();
  const busy = useLabStore((s) => s.loading !== undefined);
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | undefined>(undefined);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the
    // drag has left the page.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (e: DragEvent) => {
      // Without this the browser opens the file in place of the lab.
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      if (store.getState().loading) {
        setRefused(t.busy);
        return;
      }
      setRefused(undefined);
      void isArchive(file).then((ok) => {
        if (ok) void store.getState().loadImageFile(file);
        else setRefused(t.notArchive(file.name));
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, [store]);
  return (
    <>
      {over && (
        <div className="page-drop" data-testid="page.drop-overlay" aria-hidden="true">
          <p className="page-drop-text">{busy ? t.busy : t.hint}</p>
        </div>
      )}
      {refused && (
        <p className="page-drop-refused" role="alert" data-testid="page.drop-refused">
          <span aria-hidden="true">✕ </span>
          {refused}{' '}
          <button type="button" className="button" onClick={() => setRefused(undefined)}>
            {t.dismiss}
          </button>
        </p>
      )}
    </>
  );
}
