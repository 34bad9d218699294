/**
 * Whether this browser has built anything in the lab before: the first visit gets a hint
 * where the layers will appear. The viewer's, like the preferences, so apart from the lab.
 */
export const VISITED_KEY = 'layerlab:v1:built-once';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function isFirstVisit(): boolean {
  try {
    return storage()?.getItem(VISITED_KEY) === null;
  } catch {
    return false;
  }
}

export function markVisited(): void {
  try {
    storage()?.setItem(VISITED_KEY, '1');
  } catch {
    /* storage refused: the hint shows again next time */
  }
}
