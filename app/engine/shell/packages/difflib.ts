/**
 * Python's difflib.get_close_matches, which pip uses for "maybe you meant": SequenceMatcher's
 * ratio (2 * matched / total, matching blocks found as the longest common run, recursively on
 * each side), best first, at least `cutoff`.
 */

function matched(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  let best = 0;
  let ai = 0;
  let bj = 0;
  for (let i = 0; i < a.length; i++)
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) [best, ai, bj] = [k, i, j];
    }
  if (best === 0) return 0;
  return (
    best + matched(a.slice(0, ai), b.slice(0, bj)) + matched(a.slice(ai + best), b.slice(bj + best))
  );
}

/** SequenceMatcher(None, a, b).ratio() */
export function ratio(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matched(a, b)) / total;
}

/**
 * @example closeMatches('instal', ['install', 'list']) // ['install']
 */
export function closeMatches(
  word: string,
  options: readonly string[],
  n = 3,
  cutoff = 0.6,
): string[] {
  return (
    options
      .map((o) => [o, ratio(o, word)] as const)
      .filter(([, r]) => r >= cutoff)
      // heapq.nlargest on (score, word): equal scores, the larger word first.
      .sort((x, y) => y[1] - x[1] || (y[0] > x[0] ? 1 : y[0] < x[0] ? -1 : 0))
      .slice(0, n)
      .map(([o]) => o)
  );
}
