import { selectShownStale, useLabStore, useLabStoreApi } from '../../store/index.ts';
import { strings } from '../strings.ts';

const t = strings.layers;

/**
 * Said when the layers shown come from a build made before the editor's last change: the
 * picture is of that build, not of the Dockerfile (or files) the editor holds now.
 */
export function StaleNote() {
  const api = useLabStoreApi();
  const stale = useLabStore(selectShownStale);
  const number = useLabStore((s) =>
    s.shownBuild === undefined ? undefined : s.builds[s.shownBuild]?.number,
  );
  const building = useLabStore((s) => s.status.kind === 'building');
  if (!stale || number === undefined) return null;
  return (
    <p className="layers-stale" role="status" data-testid="layers.stale">
      <span aria-hidden="true">⟳ </span>
      {t.stale(number)}{' '}
      <button
        type="button"
        className="button"
        onClick={() => void api.getState().build()}
        disabled={building}
      >
        {t.buildAgain}
      </button>
    </p>
  );
}
