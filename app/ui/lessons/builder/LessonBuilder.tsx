/**
 * The lesson builder for teachers, in the lesson column: capture the start and the goal from
 * the lab, pick goals from the states the engine can check, write the text with a live
 * preview, then check (schema and replay), preview in the lab, download or share the lesson.
 */
import { useId } from 'react';
import { useLabStore } from '../../../store/index.ts';
import { strings } from '../../strings.ts';
import { CheckSection } from './CheckSection.tsx';
import { GoalSection, StartSection } from './CaptureSections.tsx';
import { TextSection } from './TextSection.tsx';
import '../lessons.css';
import './builder.css';

/** Shown while the builder is open and no lesson is (a preview hides it until it closes). */
export function LessonBuilder() {
  const open = useLabStore((s) => s.builderOpen && !s.lesson);
  const setOpen = useLabStore((s) => s.setBuilderOpen);
  const titleId = useId();
  if (!open) return null;
  const t = strings.builder;
  return (
    <section
      className="lesson-pane lesson-builder"
      aria-labelledby={titleId}
      data-testid="builder.pane"
    >
      <header className="lesson-header">
        <h2 id={titleId} className="lesson-title">
          {t.title}
        </h2>
        <button
          type="button"
          className="lesson-close"
          aria-label={t.close}
          onClick={() => setOpen(false)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="lesson-scroll">
        <StartSection />
        <GoalSection />
        <TextSection />
        <CheckSection />
      </div>
    </section>
  );
}
