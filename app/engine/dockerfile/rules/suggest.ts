/**
 * BuildKit's "did you mean" (util/suggest.Search): the closest option by Levenshtein distance,
 * below 3 edits, none when an option matches exactly.
 */
import { distance } from 'fastest-levenshtein';

/** @example suggest('PAHT', ['PATH', 'HOME'], true) // 'PATH' */
export function suggest(value: string, options: Iterable<string>, caseSensitive: boolean): string {
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let min = 3;
  for (const option of options) {
    const opt = caseSensitive ? option : option.toLowerCase();
    if (val === opt) return '';
    const d = distance(val, opt);
    if (d < min) {
      match = caseSensitive ? opt : matchCase(opt, value);
      min = d;
    }
  }
  return match;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}
