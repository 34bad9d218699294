/** Moving between a lesson's steps: previous, next, and a step list to jump. */
import { useLabStore } from '../../store/index.ts';
import { strings } from '../strings.ts';

export function StepNav() {
  const lesson = useLabStore((s) => s.lesson);
  const step = useLabStore((s) => s.lessonStep);
  const setStep = useLabStore((s) => s.setLessonStep);
  if (!lesson || lesson.steps.length < 2) return null;
  const total = lesson.steps.length;
  return (
    <nav className="lesson-steps" aria-label={strings.lessons.steps}>
      <button
        type="button"
        className="button"
        disabled={step === 0}
        onClick={() => setStep(step - 1)}
      >
        <span aria-hidden="true">← </span>
        {strings.lessons.prev}
      </button>
      <label className="lesson-step-pick">
        <span className="visually-hidden">{strings.lessons.steps}</span>
        <select value={step} onChange={(e) => setStep(Number(e.target.value))}>
          {lesson.steps.map((s, i) => (
            <option key={i} value={i}>
              {strings.lessons.stepOf(i + 1, total)}: {s.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        disabled={step >= total - 1}
        onClick={() => setStep(step + 1)}
      >
        {strings.lessons.next}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
