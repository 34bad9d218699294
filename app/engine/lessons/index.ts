/**
 * The course: every lesson file parsed, in the order lessons/index.json gives (a list of file
 * names), or by file name when there is no index. Problems come back as errors, never thrown.
 */
import { parseLesson, problemsAt } from './parse.ts';
import { formatLessonError, type Lesson, type LessonError } from './types.ts';

export interface SourceFile {
  /** `lessons/01-images-and-containers.md` */
  path: string;
  text: string;
}

export interface Course {
  lessons: Lesson[];
  errors: LessonError[];
}

const INDEX = 'lessons/index.json';
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The file names index.json lists, or errors. */
function readIndex(text: string): { order: string[] } | { error: LessonError } {
  const fail = (field: string, reason: string) => ({ error: { file: INDEX, field, reason } });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('', `not valid JSON: ${(e as Error).message}`);
  }
  const lessons = (data as { lessons?: unknown } | null)?.lessons;
  if (!Array.isArray(lessons)) return fail('lessons', 'expected a list of lesson file names');
  const bad = lessons.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) return fail(`lessons[${bad}]`, 'expected a file name');
  return { order: lessons as string[] };
}

/**
 * Parse and order the course.
 * @example loadCourse([{ path: 'lessons/01-a.md', text }]).lessons[0]?.id
 */
export function loadCourse(files: readonly SourceFile[]): Course {
  const errors: LessonError[] = [];
  const md = files
    .filter((f) => f.path.endsWith('.md') && baseName(f.path).toLowerCase() !== 'readme.md')
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let ordered = md;
  const index = files.find((f) => baseName(f.path) === 'index.json');
  if (index) {
    const r = readIndex(index.text);
    if ('error' in r) errors.push(r.error);
    else {
      const byName = new Map(md.map((f) => [baseName(f.path), f]));
      ordered = [];
      r.order.forEach((name, i) => {
        const f = byName.get(name);
        if (!f)
          errors.push({ file: INDEX, field: `lessons[${i}]`, reason: `no lesson file ${name}` });
        else ordered.push(f);
        byName.delete(name);
      });
      for (const name of byName.keys()) {
        errors.push({ file: INDEX, field: 'lessons', reason: `${name} is not listed` });
      }
    }
  }
  const lessons: Lesson[] = [];
  const ids = new Map<string, string>();
  for (const f of ordered) {
    const r = parseLesson(f.path, f.text);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const other = ids.get(r.lesson.id);
    if (other) {
      const reason = `'${r.lesson.id}' is also the id of ${other}`;
      errors.push(...problemsAt(f.path, f.text, [{ field: 'id', reason }]));
      continue;
    }
    ids.set(r.lesson.id, f.path);
    lessons.push(r.lesson);
  }
  return { lessons, errors };
}

export { formatLessonError, parseLesson, problemsAt };
export { readBody } from './parse.ts';
export { replayProblems } from './problems.ts';
export { writeLesson, type LessonDraft } from './write.ts';
export type { LessonReplay } from './replay.ts';
export type { Check, LessonBuildSettings, LessonFile } from './types.ts';
export type { Lesson, LessonError };
