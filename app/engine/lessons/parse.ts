/**
 * A lesson file: JSON front matter between `---` lines, then Markdown. The prose before the
 * first `## ` heading is the intro; each `## ` heading starts a step. In a step, a fenced
 * block marked `demo` holds commands the app plays, one a line, and a block marked `predict`
 * holds a predict-then-reveal question as JSON. See lessons/README.md.
 */
import { lessonBuildSettings } from './button.ts';
import { lineOfField, lineOfOffset } from './locate.ts';
import { frontMatter, myth, predict, type FieldError, type V } from './schema.ts';
import type { Goal, Lesson, LessonError, LessonStep } from './types.ts';

export type ParseResult = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

interface Split {
  json: string;
  /** 1-based line of the first front matter line. */
  jsonLine: number;
  body: string;
  bodyLine: number;
}

function splitFrontMatter(text: string): Split | string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return 'a lesson starts with a line "---", then its front matter (JSON), then "---"';
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return 'the front matter has no closing "---" line';
  return {
    json: lines.slice(1, end).join('\n'),
    jsonLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
  };
}

/** Where JSON.parse stopped, as a line of the file, when the engine says. */
function jsonErrorLine(message: string, json: string, firstLine: number): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineOfOffset(json, firstLine, Number(pos[1]));
  const line = /line (\d+)/.exec(message);
  return line ? Number(line[1]) - 1 + firstLine : undefined;
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*([\w-]*)/;

interface RawStep {
  title: string;
  line: number;
  text: string[];
  /** Prose after the predict block: the reveal. */
  after: string[];
  demo: string[][];
  predict: { json: string; line: number }[];
  myth: { json: string; line: number }[];
}

/** The body's intro and steps; demo and predict blocks are taken out of the prose. */
function splitBody(body: string, firstLine: number): { intro: string; steps: RawStep[] } {
  const intro: string[] = [];
  const steps: RawStep[] = [];
  const lines = body.split(/\r?\n/);
  let fence: { marker: string; kind: string; start: number; lines: string[] } | undefined;
  const target = () => {
    const step = steps.at(-1);
    if (!step) return intro;
    return step.predict.length > 0 ? step.after : step.text;
  };
  lines.forEach((line, i) => {
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[2]!.startsWith(fence.marker) && !close[3] && line.trim() === close[2]) {
        const step = steps.at(-1);
        if (fence.kind === 'demo' && step) {
          step.demo.push(fence.lines.map((l) => l.trim()).filter((l) => l !== ''));
        } else if ((fence.kind === 'predict' || fence.kind === 'myth') && step) {
          step[fence.kind].push({ json: fence.lines.join('\n'), line: fence.start });
        } else target().push(fence.marker + fence.kind, ...fence.lines, line);
        fence = undefined;
      } else fence.lines.push(line);
      return;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = { marker: open[2]!, kind: open[3] ?? '', start: firstLine + i, lines: [] };
      return;
    }
    const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      steps.push({
        title: heading[1]!,
        line: firstLine + i,
        text: [],
        after: [],
        demo: [],
        predict: [],
        myth: [],
      });
      return;
    }
    target().push(line);
  });
  if (fence) target().push(fence.marker + fence.kind, ...fence.lines);
  return { intro: intro.join('\n').trim(), steps };
}

/** A fenced block's JSON, read by a schema validator; errors name the line in the block. */
function readJson<T>(
  block: { json: string; line: number },
  field: string,
  read: V<T>,
  errors: FieldError[],
): T | undefined {
  // The block's JSON starts on the line after its opening fence.
  const first = block.line + 1;
  let value: unknown;
  try {
    value = JSON.parse(block.json);
  } catch (e) {
    const message = (e as Error).message;
    const line = jsonErrorLine(message, block.json, first) ?? block.line;
    errors.push({ field, line, reason: `not valid JSON: ${message}` });
    return undefined;
  }
  const found: FieldError[] = [];
  const r = read(value, field, found);
  for (const e of found) {
    const inner = e.field.slice(field.length).replace(/^\./, '');
    errors.push({ ...e, line: lineOfField(block.json, first, inner) });
  }
  return r;
}

function parseSteps(raw: RawStep[], errors: FieldError[]): LessonStep[] {
  return raw.map((r, i) => {
    const field = `steps[${i}]`;
    const step: LessonStep = { title: r.title, text: r.text.join('\n').trim() };
    const after = r.after.join('\n').trim();
    if (after) step.reveal = after;
    if (r.title.trim() === '')
      errors.push({ field: `${field}.title`, line: r.line, reason: 'the ## heading is empty' });
    if (r.demo.length > 1 || r.predict.length > 1 || r.myth.length > 1) {
      errors.push({
        field,
        line: r.line,
        reason:
          'a step has at most one demo, one predict and one myth block: split it into more steps',
      });
    }
    const demo = r.demo[0];
    if (demo) {
      if (demo.length === 0)
        errors.push({ field: `${field}.demo`, line: r.line, reason: 'the demo block is empty' });
      step.demo = { commands: demo };
    }
    const p = r.predict[0];
    if (p) {
      const q = readJson(p, `${field}.predict`, predict, errors);
      if (q) step.predict = q;
    }
    const m = r.myth[0];
    if (m) {
      const q = readJson(m, `${field}.myth`, myth, errors);
      if (q) step.myth = q;
    }
    return step;
  });
}

/**
 * The intro and steps of a lesson's Markdown alone (no front matter), as the lesson pane shows
 * them: for the lesson builder's live preview while the rest is still being written.
 */
export function readBody(text: string): { intro: string; steps: LessonStep[] } {
  const body = splitBody(text, 1);
  return { intro: body.intro, steps: parseSteps(body.steps, []) };
}

/** A problem with no line yet: the line of its field in the front matter (steps have theirs). */
const placed = (e: FieldError, split: Split): FieldError =>
  e.line !== undefined ? e : { ...e, line: lineOfField(split.json, split.jsonLine, e.field) };

const asLessonError = (file: string, e: FieldError): LessonError => ({
  file,
  ...(e.line !== undefined ? { line: e.line } : {}),
  field: e.field,
  reason: e.reason,
});

/**
 * Problems found outside the parser (a replay of the solution) with the line of their field
 * in the file's front matter: `goals[1]` points at that goal.
 * @example problemsAt('my.md', text, [{ field: 'goals[0]', reason: 'not met' }])[0]?.line
 */
export function problemsAt(file: string, text: string, problems: FieldError[]): LessonError[] {
  const split = splitFrontMatter(text);
  return problems.map((p) => asLessonError(file, typeof split === 'string' ? p : placed(p, split)));
}

/**
 * Parse a lesson file. Never throws: a Lesson, or every problem found, each with the file,
 * the line, the field and the reason.
 * @example parseLesson('lessons/01-images-and-containers.md', text)
 */
export function parseLesson(file: string, text: string): ParseResult {
  const fail = (errs: FieldError[]): ParseResult => ({
    ok: false,
    errors: errs.map((e) => asLessonError(file, e)),
  });
  if (typeof text !== 'string') return fail([{ field: '', reason: 'the file is not text' }]);
  const split = splitFrontMatter(text);
  if (typeof split === 'string') return fail([{ field: '', line: 1, reason: split }]);
  let data: unknown;
  try {
    data = JSON.parse(split.json);
  } catch (e) {
    const message = (e as Error).message;
    const line = jsonErrorLine(message, split.json, split.jsonLine) ?? split.jsonLine;
    return fail([{ field: '', line, reason: `the front matter is not valid JSON: ${message}` }]);
  }
  const errors: FieldError[] = [];
  const meta = frontMatter(data, '', errors);
  const body = splitBody(split.body, split.bodyLine);
  const steps = parseSteps(body.steps, errors);
  if (steps.length === 0) {
    errors.push({
      field: 'steps',
      line: split.bodyLine,
      reason: 'a lesson needs at least one step (a "## " heading)',
    });
  }
  if (meta && meta.goals.length === 0) {
    errors.push({ field: 'goals', reason: 'a lesson needs at least one goal' });
  }
  if (meta && meta.hints.length === 0) {
    errors.push({ field: 'hints', reason: 'a lesson needs at least one hint' });
  }
  const goals: Goal[] = (meta?.goals ?? []).map((g, i) => {
    const goal: Goal = { text: g.text, check: g.check };
    if (g.hiddenUntilAnswered === undefined) return goal;
    const at = g.hiddenUntilAnswered - 1;
    if (!steps[at]?.predict) {
      errors.push({
        field: `goals[${i}].hiddenUntilAnswered`,
        reason: `step ${g.hiddenUntilAnswered} has no predict question (steps count from 1)`,
      });
    }
    return { ...goal, hiddenUntil: at };
  });
  if (errors.length > 0 || !meta) return fail(errors.map((e) => placed(e, split)));
  const lesson: Lesson = {
    file,
    id: meta.id,
    title: meta.title,
    summary: meta.summary,
    intro: body.intro,
    start: meta.start,
    steps,
    goals,
    hints: meta.hints,
    solution: meta.solution,
    build: lessonBuildSettings(meta.solution, meta.build),
    review: meta.review ?? false,
    ...(meta.golf ? { golf: meta.golf } : {}),
  };
  return { ok: true, lesson };
}
