/**
 * Keeps the page address and the open lesson in step: a link (`/lessons/<id>`,
 * `?lesson=<id>&step=<n>`, `?lessonUrl=<https url>`) opens its lesson once, and moving through
 * a lesson updates the address, so a reload or a shared link comes back to the same step.
 */
import { useEffect, useRef, useState } from 'react';
import { useLabStore, useLabStoreApi } from '../../store/index.ts';
import { decodeLessonFile, SHARED_LESSON_FILE } from '../../share/lessonLink.ts';
import { labHref, lessonHref, previewHref, readLessonLink } from './deepLink.ts';

export function LessonLinks() {
  const api = useLabStoreApi();
  const lesson = useLabStore((s) => s.lesson);
  const preview = useLabStore((s) => s.lessonPreview);
  const step = useLabStore((s) => s.lessonStep);
  // Until the linked lesson has opened (or failed to), the address is left as it came.
  const [settled, setSettled] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const link = readLessonLink(new URL(window.location.href));
    const s = api.getState();
    if (link.kind === 'lesson')
      void s.openLesson(link.id, link.step).finally(() => setSettled(true));
    else if (link.kind === 'url') {
      void s
        .previewLessonUrl(link.url)
        .then((ok) => {
          if (!ok) api.getState().setCourseOpen(true);
        })
        .finally(() => setSettled(true));
    } else if (link.kind === 'file') {
      // A lesson a teacher shared from the builder: previewed; what is wrong with it is shown
      // in the course dialog, where lesson files are previewed.
      const read = decodeLessonFile(link.fragment);
      const shown = read.ok
        ? s.previewLesson(SHARED_LESSON_FILE, read.text)
        : Promise.resolve(s.authoringProblem(read.message));
      void shown
        .then((ok) => {
          if (!ok) api.getState().setCourseOpen(true);
        })
        .finally(() => setSettled(true));
    } else setSettled(true);
  }, [api]);

  useEffect(() => {
    if (!settled) return;
    const here = new URL(window.location.href);
    let next: string;
    if (lesson && !preview) next = lessonHref(here, lesson.id, step);
    else if (lesson && lesson.file === SHARED_LESSON_FILE)
      return; // the link holds it
    else if (lesson && /^https:\/\//.test(lesson.file)) next = previewHref(here, lesson.file);
    else next = labHref(here);
    const now = `${here.pathname}${here.search}${here.hash}`;
    const target = new URL(next, here);
    if (`${target.pathname}${target.search}${target.hash}` !== now) {
      window.history.replaceState(window.history.state, '', target.href);
    }
  }, [lesson, preview, step, settled]);

  return null;
}
