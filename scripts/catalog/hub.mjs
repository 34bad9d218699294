// Docker Hub's tags for the official images, from hub/library.tsv (a snapshot of
// docker-library/official-images, see hub/snapshot.sh): which tags name the same image, and what
// version each tag pointed at when the snapshot was taken.
import { readFileSync } from 'node:fs';

const TSV = new URL('./hub/library.tsv', import.meta.url).pathname;
const lines = readFileSync(TSV, 'utf8').split('\n');
/** `docker-library/official-images <commit> (<date>)` */
export const HUB_SNAPSHOT = lines[0].replace(/^# /, '');
export const HUB_DATE = /\((\d{4}-\d{2}-\d{2})\)/.exec(lines[0])?.[1];

/** @type {{repo: string, tags: string[], shared: string[]}[]} */
export const ENTRIES = lines
  .slice(1)
  .filter(Boolean)
  .map((l) => {
    const [repo, tags, shared] = l.split('\t');
    return { repo, tags: tags.split(','), shared: shared ? shared.split(',') : [] };
  });

const NOT_LINUX = /windowsservercore|nanoserver/;
const DATED = /(^|-)\d{8}(\.\d+)?(-|$)/;

/** The entry of `repo` that lists `tag` among its own tags (a Linux image). */
export function entryWith(repo, tag) {
  const e = ENTRIES.find((x) => x.repo === repo && x.tags.includes(tag));
  if (!e) throw new Error(`hub/library.tsv has no ${repo}:${tag}`);
  return e;
}

/** The most precise version among an entry's tags (`3.14.7`, `26.7.0`, `13.6`), if any. */
export function entryVersion(e) {
  let best;
  for (const t of e.tags) {
    const m = /^(\d+(?:\.\d+)+)(?=$|[-_])/.exec(t);
    if (m && (!best || m[1].length > best.length)) best = m[1];
  }
  return best;
}

/** What `repo:tag` pointed at on Docker Hub at the snapshot (the version of its entry). */
export function hubVersionOf(repo, tag) {
  for (const e of ENTRIES)
    if (e.repo === repo && (e.tags.includes(tag) || e.shared.includes(tag)))
      if (!NOT_LINUX.test(e.tags[0])) return entryVersion(e);
  return undefined;
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const token = (s) => new RegExp(`(^|[^\\d.])${esc(s)}(?![\\d])`);

/**
 * The tags a catalog image answers to: the Docker Hub entry's tags with its version replaced by
 * the lab's at every precision (`3.14.7` -> `3.14.10`, `3.14` stays), dated and non-Linux tags
 * left out, and `extra` tags of other entries added. Each tag is fixed (names the lab's line, or
 * one of `fixed`) or moving (`latest`, `3`, `lts`, `slim`...), with what it pointed at on Docker
 * Hub for the moving ones.
 *
 * @returns {{aliases: string[], moving: Record<string, string | null>}}
 */
export function tagsFor(spec, version) {
  const [repo, own] = spec.ref.split(':');
  const out = new Map();
  if (spec.hub !== null) {
    const entry = entryWith(repo, spec.hub ?? own);
    const hubFull = entryVersion(entry);
    let tags = [...entry.tags, ...entry.shared].filter((t) => !DATED.test(t) && !NOT_LINUX.test(t));
    if (spec.dropTags) tags = tags.filter((t) => !spec.dropTags.test(t));
    if (hubFull && version && /^\d+(\.\d+)+$/.test(version) && !spec.dropFullVersion) {
      const hub = hubFull.split('.');
      const ours = version.split('.');
      const swaps = [];
      for (let k = Math.min(hub.length, ours.length); k >= 1; k--)
        swaps.push([hub.slice(0, k).join('.'), ours.slice(0, k).join('.')]);
      tags = tags.map((t) => {
        for (const [from, to] of swaps) {
          const m = token(from).exec(t);
          if (m) return t.slice(0, m.index + m[1].length) + to + t.slice(m.index + m[0].length);
        }
        return t;
      });
    } else if (hubFull && spec.dropFullVersion) {
      tags = tags.filter((t) => !t.startsWith(hubFull));
    }
    for (const t of tags) out.set(t, hubVersionOf(repo, t) ?? null);
  }
  for (const t of spec.tags ?? []) out.set(t, null);
  for (const t of spec.extra ?? []) out.set(t, hubVersionOf(repo, t) ?? null);
  out.set(own, out.get(own) ?? null);
  const isFixed = (t) =>
    !(spec.extra ?? []).includes(t) &&
    ((spec.line !== undefined && token(spec.line).test(t)) ||
      (spec.fixed ?? []).some((f) => new RegExp(`(^|-)${esc(f)}(-|$)`).test(t)));
  const aliases = [];
  const moving = {};
  for (const [t, hubVersion] of out) {
    if (t !== own) aliases.push(`${repo}:${t}`);
    if (!isFixed(t)) moving[t] = hubVersion;
  }
  return { aliases: aliases.sort(), moving };
}
