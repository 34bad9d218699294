/**
 * Each lesson's progress (status, step, hints, predict answers), kept in localStorage and
 * exportable as JSON; restoring drops whatever is damaged, never the rest.
 */

export const PROGRESS_STORAGE_KEY = 'layerlab:v1:progress';

export interface LessonProgress {
  status: 'started' | 'done';
  /** The step the learner was on (0-based). */
  step: number;
  /** How many hints were shown. */
  hints: number;
  /** Predict answers: step index to the choice picked. */
  answers: Record<string, number>;
  /** The solution was shown (the lesson still counts as done). */
  solutionShown: boolean;
}

export const emptyProgress = (): LessonProgress => ({
  status: 'started',
  step: 0,
  hints: 0,
  answers: {},
  solutionShown: false,
});

/** Saved progress that still makes sense: anything damaged is dropped, never the rest. */
export function restoreProgress(value: unknown): Record<string, LessonProgress> {
  const lessons = (value as { lessons?: unknown } | null)?.lessons;
  if (typeof lessons !== 'object' || lessons === null) return {};
  const out: Record<string, LessonProgress> = {};
  for (const [id, raw] of Object.entries(lessons as Record<string, unknown>)) {
    const p = raw as Partial<Record<keyof LessonProgress, unknown>> | null;
    if (!p || (p.status !== 'started' && p.status !== 'done')) continue;
    const answers: Record<string, number> = {};
    if (typeof p.answers === 'object' && p.answers !== null) {
      for (const [k, v] of Object.entries(p.answers)) if (typeof v === 'number') answers[k] = v;
    }
    const num = (v: unknown) => (typeof v === 'number' && v >= 0 ? Math.floor(v) : 0);
    out[id] = {
      status: p.status,
      step: num(p.step),
      hints: num(p.hints),
      answers,
      solutionShown: p.solutionShown === true,
    };
  }
  return out;
}

export function readProgress(storage: Storage | undefined): Record<string, LessonProgress> {
  try {
    const text = storage?.getItem(PROGRESS_STORAGE_KEY);
    return text ? restoreProgress(JSON.parse(text)) : {};
  } catch {
    return {};
  }
}
