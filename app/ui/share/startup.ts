/**
 * The full page's start: a `#lab=` link takes the place of the saved lab (then builds and
 * shows its step); a link that cannot be opened leaves the saved lab and says why.
 * `?present=1` starts in presenter mode.
 */
import type { SharedLab } from '../../share/codec.ts';
import { createLabStore, LAB_STORAGE_KEY, type LabStore } from '../../store/index.ts';
import { presentParam, setPresent } from '../present/mode.ts';
import { strings } from '../strings.ts';
import { openLab } from './labState.ts';
import { setShareNotice } from './notice.ts';

export async function startFullPage(loc: Location = window.location): Promise<LabStore> {
  // The decoder (fflate) loads only when the address carries a lab.
  const shared = loc.hash.replace(/^#/, '').startsWith('lab=')
    ? (await import('./fromUrl.ts')).labFromHash(loc.hash)
    : ({ kind: 'none' } as const);
  let lab: SharedLab | undefined;
  if (shared.kind === 'lab') lab = shared.lab;
  else if (shared.kind === 'error') setShareNotice(strings.share.linkProblem(shared.message));
  if (shared.kind !== 'none') {
    // The link has been read: a reload from here on keeps the learner's own changes.
    history.replaceState(history.state, '', loc.pathname + loc.search);
  }
  if (presentParam(loc.search) === 'on') setPresent({ on: true });
  const store = createLabStore({
    storageKey: LAB_STORAGE_KEY,
    ...(lab !== undefined ? { initialLab: lab } : {}),
  });
  if (lab !== undefined) void openLab(store, lab);
  return store;
}
