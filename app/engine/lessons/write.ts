/**
 * A lesson written out as a lesson file (lessons/README.md): JSON front matter between `---`
 * lines, then the Markdown text. What parseLesson reads back is the same lesson.
 */
import type {
  Check,
  LessonBuildSettings,
  LessonFile,
  LessonSolution,
  LessonStart,
} from './types.ts';

/** What a teacher has made in the lesson builder, before it is a file. */
export interface LessonDraft {
  id: string;
  title: string;
  summary: string;
  /** Markdown: the intro, then a `## ` heading for each step. */
  text: string;
  start: LessonStart;
  build: LessonBuildSettings;
  goals: { text: string; check: Check }[];
  hints: string[];
  solution: LessonSolution;
}

/** Text as the file's list of lines when it ends with a newline (the way lessons read best). */
const textOf = (text: string): string | string[] =>
  text.endsWith('\n') && text.length > 1 ? text.slice(0, -1).split('\n') : text;

const fileOf = (f: LessonFile) =>
  f.mode === undefined
    ? textOf(f.content)
    : { content: textOf(f.content), mode: f.mode.toString(8).padStart(3, '0') };

const filesOf = (files: Record<string, LessonFile>) =>
  Object.fromEntries(Object.entries(files).map(([path, f]) => [path, fileOf(f)]));

const checkOf = (c: Check) => ({ [c.name]: c.args });

/**
 * The lesson file's text.
 * @example parseLesson('mine.md', writeLesson(draft)).ok // true for a complete draft
 */
export function writeLesson(d: LessonDraft): string {
  const start: Record<string, unknown> = {
    dockerfile: textOf(d.start.dockerfile),
    files: filesOf(d.start.files),
    commands: d.start.commands,
  };
  if (d.start.daemon.experimental) start.daemon = { experimental: true };
  if (d.start.store) start.store = d.start.store;
  const solution: Record<string, unknown> = {};
  if (d.solution.dockerfile !== undefined) solution.dockerfile = textOf(d.solution.dockerfile);
  if (d.solution.files) solution.files = filesOf(d.solution.files);
  solution.commands = d.solution.commands;
  const meta = {
    id: d.id,
    title: d.title,
    summary: d.summary,
    start,
    build: d.build,
    goals: d.goals.map((g) => ({ text: g.text, check: checkOf(g.check) })),
    hints: d.hints,
    solution,
  };
  return `---\n${JSON.stringify(meta, null, 2)}\n---\n${d.text.trim()}\n`;
}
