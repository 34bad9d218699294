/**
 * Reading a shared lab from the page's address: `#lab=v1.<data>` (a share link), or for embeds
 * also `?lab=<url-encoded>` holding either the same `v1.<data>` or the lab's JSON.
 */
import {
  decodeLab,
  encodeLab,
  isLabFragment,
  validateLab,
  type EncodeResult,
  type SharedLab,
} from '../../share/codec.ts';

export type UrlLab =
  { kind: 'none' } | { kind: 'lab'; lab: SharedLab } | { kind: 'error'; message: string };

export function labFromHash(hash: string): UrlLab {
  if (!isLabFragment(hash)) return { kind: 'none' };
  const r = decodeLab(hash);
  return r.ok ? { kind: 'lab', lab: r.lab } : { kind: 'error', message: r.message };
}

/** The `lab` query parameter (already URL-decoded by URLSearchParams). */
export function labFromParam(value: string | null): UrlLab {
  if (value === null || value === '') return { kind: 'none' };
  const v = value.trim();
  if (v.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(v);
    } catch {
      return { kind: 'error', message: 'The lab in this address is damaged: it is not JSON.' };
    }
    const r = validateLab(parsed);
    return r.ok
      ? { kind: 'lab', lab: r.lab }
      : { kind: 'error', message: r.message.replace(/^This link/, 'The lab in this address') };
  }
  return labFromHash(v.startsWith('lab=') ? v : `lab=${v}`);
}

/** The hash wins over the query parameter, as a share link is made of the hash. */
export function labFromLocation(loc: { hash: string; search: string }): UrlLab {
  const fromHash = labFromHash(loc.hash);
  if (fromHash.kind !== 'none') return fromHash;
  return labFromParam(new URLSearchParams(loc.search).get('lab'));
}

/** The full share link for a lab, on the page at `base` (its hash replaced). */
export function shareLink(base: string, lab: SharedLab): EncodeResult & { url?: string } {
  const r = encodeLab(lab);
  if (!r.ok) return r;
  const url = new URL(base);
  url.hash = r.fragment;
  return { ...r, url: url.toString() };
}
