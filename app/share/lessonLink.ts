/**
 * Share links for a teacher's lesson: the lesson file's text, deflated, in the URL's fragment
 * as `#lessonfile=v1.<base64url>` (a fragment never reaches a server). Opening one previews the
 * lesson; a damaged link says what is wrong in a sentence, never throws.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, MAX_LINK_CHARS, toBase64Url } from './codec.ts';

const PREFIX = 'lessonfile=v1.';
/** A lesson file larger than this is refused (a small link must not become a huge text). */
const MAX_TEXT_BYTES = 1_000_000;

/** The name a shared lesson is previewed under (its errors say `shared-lesson.md:12: ...`). */
export const SHARED_LESSON_FILE = 'shared-lesson.md';

export const isLessonFragment = (fragment: string): boolean =>
  fragment.replace(/^#/, '').startsWith('lessonfile=');

/** The fragment (without `#`) for a lesson file, or undefined when the link would be too long. */
export function encodeLessonFile(text: string): string | undefined {
  const fragment = PREFIX + toBase64Url(deflateSync(strToU8(text), { level: 9 }));
  return fragment.length > MAX_LINK_CHARS ? undefined : fragment;
}

/** The lesson file's text from a fragment, or why it cannot be read. */
export function decodeLessonFile(
  fragment: string,
): { ok: true; text: string } | { ok: false; message: string } {
  const f = fragment.replace(/^#/, '');
  const fail = (message: string) => ({ ok: false as const, message });
  if (!f.startsWith(PREFIX))
    return fail('This lesson link was made by another version of Layerlab and cannot be opened.');
  const bytes = fromBase64Url(f.slice(PREFIX.length));
  if (!bytes) return fail('This lesson link is damaged: it has characters a link never has.');
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(MAX_TEXT_BYTES) });
    if (out.length >= MAX_TEXT_BYTES) return fail('This lesson link unpacks to too much text.');
    return { ok: true, text: strFromU8(out) };
  } catch {
    return fail(
      'This lesson link is damaged (perhaps cut short when it was copied). Ask for it again.',
    );
  }
}
