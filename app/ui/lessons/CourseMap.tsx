/**
 * The course map: every lesson in order with its mark (done, in progress, not started), the
 * count done, progress export, and the lesson-file preview for instructors. A modal dialog.
 */
import { useEffect, useId, useRef } from 'react';
import { useLabStore } from '../../store/index.ts';
import { strings } from '../strings.ts';
import { Authoring } from './Authoring.tsx';
import { downloadFile } from '../download.ts';
import './lessons.css';

const download = (name: string, text: string) => downloadFile(name, text, 'application/json');

function Mark({ status }: { status: 'done' | 'started' | undefined }) {
  const glyph = status === 'done' ? '✓' : status === 'started' ? '◐' : '○';
  const word =
    status === 'done'
      ? strings.lessons.statusDone
      : status === 'started'
        ? strings.lessons.statusStarted
        : strings.lessons.statusNew;
  return (
    <span className={`course-mark ${status ?? 'new'}`}>
      <span aria-hidden="true">{glyph}</span> {word}
    </span>
  );
}

function CourseList() {
  const course = useLabStore((s) => s.course);
  const courseStatus = useLabStore((s) => s.courseStatus);
  const progress = useLabStore((s) => s.progress);
  const current = useLabStore((s) => (s.lessonPreview ? undefined : s.lesson?.id));
  const openLesson = useLabStore((s) => s.openLesson);
  if (!course) return <p role="status">{strings.lessons.courseLoading}</p>;
  const done = course.lessons.filter((l) => progress[l.id]?.status === 'done').length;
  return (
    <>
      <p className="course-count">{strings.lessons.doneCount(done, course.lessons.length)}</p>
      {course.errors.length > 0 && (
        <div className="lesson-error" role="alert">
          <p>{courseStatus === 'failed' ? course.errors[0] : strings.lessons.courseProblems}</p>
          {courseStatus !== 'failed' && (
            <ul>
              {course.errors.map((e, i) => (
                <li key={i}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ol className="course-list" aria-label={strings.lessons.courseTitle}>
        {course.lessons.map((l, i) => (
          <li
            key={l.id}
            className={l.id === current ? 'course-item current' : 'course-item'}
            aria-current={l.id === current ? 'step' : undefined}
          >
            <button type="button" className="course-open" onClick={() => void openLesson(l.id)}>
              <span className="course-number">{i + 1}.</span>{' '}
              <span className="course-title">{l.title}</span>
            </button>
            <Mark status={progress[l.id]?.status} />
            <p className="course-summary">{l.summary}</p>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Opens the lesson builder beside the lab (the dialog closes: the teacher works in the lab). */
function WriteLesson() {
  const setBuilderOpen = useLabStore((s) => s.setBuilderOpen);
  const setOpen = useLabStore((s) => s.setCourseOpen);
  return (
    <section className="lesson-authoring" aria-label={strings.builder.open}>
      <p className="lesson-muted">{strings.builder.openHelp}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          setBuilderOpen(true);
          setOpen(false);
        }}
      >
        {strings.builder.open}
      </button>
    </section>
  );
}

/** The dialog itself; open while the store's courseOpen is set. */
export function CourseMap() {
  const open = useLabStore((s) => s.courseOpen);
  const setOpen = useLabStore((s) => s.setCourseOpen);
  const loadCourse = useLabStore((s) => s.loadCourse);
  const exportProgress = useLabStore((s) => s.exportProgress);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open) {
      void loadCourse();
      if (!d.open) d.showModal?.();
    } else if (d.open) d.close();
  }, [open, loadCourse]);

  return (
    <dialog
      ref={ref}
      className="course-dialog"
      aria-labelledby={titleId}
      onClose={() => setOpen(false)}
    >
      {open && (
        <>
          <header className="course-header">
            <h2 id={titleId}>{strings.lessons.courseTitle}</h2>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {strings.lessons.close}
            </button>
          </header>
          <p className="lesson-muted">{strings.lessons.courseIntro}</p>
          <CourseList />
          <p>
            <button
              type="button"
              className="button"
              onClick={() => download(strings.lessons.exportedName, exportProgress())}
            >
              {strings.lessons.exportProgress}
            </button>
          </p>
          <Authoring />
          <WriteLesson />
        </>
      )}
    </dialog>
  );
}

/** The header's button that opens the course map. */
export function CourseButton() {
  const setOpen = useLabStore((s) => s.setCourseOpen);
  return (
    <>
      <button type="button" className="button course-button" onClick={() => setOpen(true)}>
        {strings.lessons.courseButton}
      </button>
      <CourseMap />
    </>
  );
}
