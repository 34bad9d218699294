/**
 * Lesson links: `/lessons/<id>`, `?lesson=<id>&step=<n>` (steps count from 1, as the pane shows
 * them), `?lessonUrl=<https url>` for a lesson file to preview, and `#lessonfile=v1.<data>` for a
 * lesson file carried in the link itself (the lesson builder's share link). Pure: reads and
 * writes URLs.
 */
import { isLessonFragment } from '../../share/lessonLink.ts';

export type LessonLink =
  | { kind: 'lesson'; id: string; step: number | undefined }
  | { kind: 'url'; url: string }
  | { kind: 'file'; fragment: string }
  | { kind: 'none' };

const PATH = /^(.*)\/lessons\/([^/]+)\/?$/;

function stepOf(search: URLSearchParams): number | undefined {
  const raw = search.get('step');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Math.max(0, Number(raw) - 1);
}

/** What a page address asks for. `step` is 0-based here. */
export function readLessonLink(url: URL): LessonLink {
  const search = url.searchParams;
  if (isLessonFragment(url.hash)) return { kind: 'file', fragment: url.hash };
  const lessonUrl = search.get('lessonUrl');
  if (lessonUrl) return { kind: 'url', url: lessonUrl };
  const byPath = PATH.exec(url.pathname);
  const id = byPath ? decodeURIComponent(byPath[2]!) : search.get('lesson');
  if (id) return { kind: 'lesson', id, step: stepOf(search) };
  return { kind: 'none' };
}

/** The page address for a lesson at a step (0-based), keeping the address's other parameters. */
export function lessonHref(current: URL, id: string, step: number): string {
  const url = new URL(current.href);
  url.searchParams.delete('lessonUrl');
  const byPath = PATH.exec(url.pathname);
  if (byPath) {
    url.pathname = `${byPath[1]}/lessons/${encodeURIComponent(id)}`;
    url.searchParams.delete('lesson');
  } else url.searchParams.set('lesson', id);
  url.searchParams.set('step', String(step + 1));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The address with a lesson preview's URL in it, to share. */
export function previewHref(current: URL, lessonUrl: string): string {
  const url = new URL(current.href);
  const byPath = PATH.exec(url.pathname);
  if (byPath) url.pathname = `${byPath[1]}/`;
  url.searchParams.delete('lesson');
  url.searchParams.delete('step');
  url.searchParams.set('lessonUrl', lessonUrl);
  return url.href;
}

/** The address without any lesson in it. */
export function labHref(current: URL): string {
  const url = new URL(current.href);
  const byPath = PATH.exec(url.pathname);
  if (byPath) url.pathname = `${byPath[1]}/`;
  for (const k of ['lesson', 'step', 'lessonUrl']) url.searchParams.delete(k);
  if (isLessonFragment(url.hash)) url.hash = '';
  return `${url.pathname}${url.search}${url.hash}`;
}
