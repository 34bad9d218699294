import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCourse } from './index.ts';
import { parseLesson } from './parse.ts';
import { formatLessonError } from './types.ts';

const FILE = 'lessons/04-cache.md';

const meta = (over: Record<string, unknown> = {}) => ({
  id: 'cache',
  title: 'The cache',
  summary: 'Reuse.',
  start: { dockerfile: ['FROM debian:bookworm-slim'], files: { 'a.txt': 'a\n' }, commands: [] },
  goals: [
    { text: 'one', check: { imageTagged: 'app:1' } },
    { text: 'two', check: { lastBuildCachedAtLeast: 3 } },
    { text: 'three', check: { imageTagged: 'app:2' } },
  ],
  hints: ['try it'],
  solution: { commands: ['docker build -t app:1 .'] },
  ...over,
});

const BODY = [
  'Intro *text*.',
  '',
  '## First step',
  '',
  'Some prose.',
  '',
  '```demo',
  'docker build -t app:1 .',
  '',
  'docker images',
  '```',
  '',
  '```predict',
  '{ "question": "Cached?", "choices": ["yes", "no"], "answer": 0, "explain": "Same key." }',
  '```',
  '',
  '## Second step',
  '',
  '```dockerfile',
  'FROM x',
  '## not a heading inside a fence',
  '```',
].join('\n');

const file = (m: unknown, body = BODY) => `---\n${JSON.stringify(m, null, 2)}\n---\n${body}\n`;

const errorsOf = (text: string) => {
  const r = parseLesson(FILE, text);
  return r.ok ? [] : r.errors.map(formatLessonError);
};

describe('parseLesson', () => {
  it('reads front matter, intro, steps with demo and predict blocks', () => {
    const r = parseLesson(FILE, file(meta()));
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    const l = r.lesson;
    expect(l.start.dockerfile).toBe('FROM debian:bookworm-slim\n');
    expect(l.start.files).toEqual({ 'a.txt': { content: 'a\n' } });
    expect(l.intro).toBe('Intro *text*.');
    expect(l.steps.map((s) => s.title)).toEqual(['First step', 'Second step']);
    expect(l.steps[0]!.demo).toEqual({ commands: ['docker build -t app:1 .', 'docker images'] });
    expect(l.steps[0]!.predict).toMatchObject({ answer: 0, choices: ['yes', 'no'] });
    expect(l.steps[0]!.text).toBe('Some prose.');
    expect(l.steps[1]!.text).toContain('## not a heading inside a fence');
    expect(l.goals[1]!.check).toEqual({ name: 'lastBuildCachedAtLeast', args: 3 });
  });

  it('names the file, the field and the reason, with a suggestion for a misspelt check', () => {
    const goals = meta().goals;
    goals[2] = { text: 'three', check: { imageTaged: 'app:1' } as never };
    expect(errorsOf(file(meta({ goals })))).toEqual([
      "lessons/04-cache.md:30: goals[2].check: unknown check 'imageTaged' (did you mean imageTagged?)",
    ]);
  });

  it('reports missing, unknown and mistyped fields, all at once', () => {
    const m: Record<string, unknown> = meta({ titel: 'x', hints: 'one hint' });
    delete m.title;
    const errs = errorsOf(file(m));
    expect(errs).toContain(
      "lessons/04-cache.md:40: titel: unknown field 'titel' (did you mean title?)",
    );
    expect(errs).toContain('lessons/04-cache.md:2: title: is required');
    expect(errs).toContain('lessons/04-cache.md:34: hints: expected a list, found string');
  });

  it('checks check arguments, predict answers and file modes', () => {
    const goals = [
      { text: 'a', check: { imageUnder: { ref: 'app', bytes: 'big' } } },
      { text: 'b', check: { historyLayers: { ref: 'app' } } },
      { text: 'c', check: { imageTagged: 'a', commandRan: 'b' } },
    ];
    const start = { dockerfile: 'FROM x', files: { 'run.sh': { content: 'x', mode: '9z' } } };
    const body = BODY.replace('"answer": 0', '"answer": 5');
    expect(errorsOf(file(meta({ goals, start }), body))).toEqual([
      'lessons/04-cache.md:11: start.files["run.sh"].mode: expected octal permission bits like "755", found \'9z\'',
      'lessons/04-cache.md:21: goals[0].check.imageUnder.bytes: expected a number, found string',
      'lessons/04-cache.md:28: goals[1].check.historyLayers: needs one of count, atLeast, atMost',
      'lessons/04-cache.md:35: goals[2].check: expected exactly one check, found imageTagged, commandRan',
      'lessons/04-cache.md:64: steps[0].predict.answer: is 5, but there are only 2 choices (counted from 0)',
    ]);
  });

  it('reads the image store a lesson starts with, and refuses one Docker does not have', () => {
    const start = { ...meta().start, store: 'overlay2' };
    const r = parseLesson(FILE, file(meta({ start })));
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join('\n'));
    expect(r.lesson.start.store).toBe('overlay2');
    expect(errorsOf(file(meta({ start: { ...start, store: 'btrfs' } })))[0]).toMatch(
      /^lessons\/04-cache\.md:\d+: start\.store: .*containerd.*overlay2/,
    );
  });

  it('explains broken front matter with the line', () => {
    expect(errorsOf('no front matter')[0]).toMatch(/^lessons\/04-cache.md:1: a lesson starts with/);
    expect(errorsOf('---\n{"id": "x"\n')[0]).toContain('no closing "---"');
    const bad = errorsOf('---\n{\n  "id": "x",\n  oops\n}\n---\n## s\n')[0]!;
    expect(bad).toMatch(/^lessons\/04-cache.md:4: the front matter is not valid JSON/);
    // A predict block's broken JSON points at the block's line in the file.
    const text = file(meta(), BODY.replace('"answer": 0,', '"answer": 0,,'));
    const predictLine = text.split('\n').findIndex((l) => l.includes('"answer": 0,,')) + 1;
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(
        new RegExp(`^lessons/04-cache.md:${predictLine}: steps\\[0\\]\\.predict: not valid JSON`),
      ),
    ]);
  });

  it('never throws on arbitrary input: a lesson, or errors with the file name', () => {
    const goodLines = file(meta()).split('\n');
    const mutated = fc
      .tuple(fc.nat(goodLines.length), fc.nat(goodLines.length), fc.string())
      .map(([a, b, s]) => [...goodLines.slice(0, a), s, ...goodLines.slice(b)].join('\n'));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((j) => `---\n${j}\n---\n## s\n`),
          mutated,
        ),
        (text) => {
          const r = parseLesson(FILE, text);
          if (r.ok) expect(r.lesson.file).toBe(FILE);
          else {
            expect(r.errors.length).toBeGreaterThan(0);
            for (const e of r.errors) {
              expect(e.file).toBe(FILE);
              expect(e.reason.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('loadCourse', () => {
  it('orders by index.json and reports unlisted, missing and duplicate lessons', () => {
    const a = { path: 'lessons/01-a.md', text: file(meta({ id: 'a' })) };
    const b = { path: 'lessons/02-b.md', text: file(meta({ id: 'b' })) };
    const c = { path: 'lessons/03-c.md', text: file(meta({ id: 'a' })) };
    const index = {
      path: 'lessons/index.json',
      text: '{"lessons": ["02-b.md", "01-a.md", "09-z.md"]}',
    };
    const course = loadCourse([a, b, c, index]);
    expect(course.lessons.map((l) => l.id)).toEqual(['b', 'a']);
    expect(course.errors.map(formatLessonError)).toEqual([
      'lessons/index.json: lessons[2]: no lesson file 09-z.md',
      'lessons/index.json: lessons: 03-c.md is not listed',
    ]);
    expect(loadCourse([c, a]).errors.map(formatLessonError)).toEqual([
      "lessons/03-c.md:3: id: 'a' is also the id of lessons/01-a.md",
    ]);
  });
});
