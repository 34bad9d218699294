import { useEffect } from 'react';
import { stepBoundaries, useLabStore, useLabStoreApi, shownBuild } from '../../store/index.ts';

/**
 * While playing, moves the shown build on by one step every 1/speed seconds and stops at the
 * end. One timer for the whole lab (mounted once, in the timeline).
 */
export function usePlayback(): void {
  const store = useLabStoreApi();
  const playing = useLabStore((s) => s.playing);
  const speed = useLabStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const s = store.getState();
      const b = shownBuild(s);
      if (!b || s.cursor >= b.view.events.length) {
        store.setState({ playing: false });
        return;
      }
      const total = b.view.events.length;
      const next = stepBoundaries(b.view).find((c) => c > s.cursor) ?? total;
      store.setState({ cursor: next, playing: next < total });
    }, 1000 / speed);
    return () => clearInterval(id);
  }, [playing, speed, store]);
}
