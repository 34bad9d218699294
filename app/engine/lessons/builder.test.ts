/**
 * The lesson builder's engine half: a lesson captured from a lab (start, goals picked from the
 * states the engine can check, solution = what the teacher did) is written as a lesson file
 * that the course's schema reads and the course's replay holds to its goals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionOptions } from '../session/session.ts';
import { goalCandidates } from './candidates.ts';
import { parseLesson, problemsAt } from './parse.ts';
import { replayProblems } from './problems.ts';
import { replayLesson } from './replay.ts';
import { contextFiles } from './run.ts';
import { lessonImages, newSession } from './testing/sessions.ts';
import { formatLessonError, type Check, type LessonFile } from './types.ts';
import { writeLesson, type LessonDraft } from './write.ts';

const DOCKERFILE = [
  'FROM debian:bookworm-slim',
  'WORKDIR /srv',
  'COPY notes.txt .',
  'RUN rm /etc/debian_version',
  'CMD ["cat", "notes.txt"]',
  '',
].join('\n');
const START_FILES: Record<string, LessonFile> = { 'notes.txt': { content: 'first\n' } };
const EDITED: Record<string, LessonFile> = {
  'notes.txt': { content: 'second\n' },
  'run.sh': { content: 'echo hi\n', mode: 0o755 },
};
const START_COMMANDS = ['docker build -t notes:1 .'];
const TEACHER = ['docker build -t notes:2 .', 'docker run --name reader notes:2 touch /srv/read'];
const REPLAY = 600_000;

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

/** The teacher's lab: the start (as captured), then what they did after capturing it. */
function teachersLab() {
  const session = newSession(opts);
  const startFiles = contextFiles(START_FILES);
  for (const line of START_COMMANDS) session.command(line, startFiles, DOCKERFILE);
  // "Capture start": what the goals are about is what the teacher does from here.
  session.activity = { commands: [], lastBuild: undefined, builds: [] };
  const files = contextFiles({ ...START_FILES, ...EDITED });
  for (const line of TEACHER) {
    const r = session.command(line, files, DOCKERFILE);
    expect(r.exitCode, `${line}: ${r.stderr}`).toBe(0);
  }
  return session;
}

const draftOf = (goals: Check[]): LessonDraft => ({
  id: 'my-notes',
  title: 'My notes',
  summary: 'An edit, a rebuild, a container.',
  text: 'Intro.\n\n## Edit and rebuild\n\nChange **notes.txt**, then build `notes:2`.\n',
  start: {
    dockerfile: DOCKERFILE,
    files: START_FILES,
    commands: START_COMMANDS,
    daemon: { experimental: false },
    store: 'overlay2',
  },
  build: { tag: 'notes:2', builder: 'buildkit', noCache: false, buildArgs: {} },
  goals: goals.map((check, i) => ({ text: `Goal ${i + 1}`, check })),
  hints: ['Edit notes.txt first.'],
  solution: { files: EDITED, commands: TEACHER },
});

describe('the lesson builder', () => {
  it(
    'offers states that hold now, and a lesson made from them replays its own solution and meets its goals',
    { timeout: REPLAY },
    () => {
      const session = teachersLab();
      const candidates = goalCandidates(session);
      const names = new Set(candidates.map((c) => c.name));
      for (const n of [
        'imageTagged',
        'builtStep',
        'builtCached',
        'builtRebuilt',
        'imageBuilder',
        'imageConfig',
        'layerEntry',
        'containerExists',
        'containerHasInUpper',
      ])
        expect(names, n).toContain(n);
      expect(candidates).toContainEqual({
        name: 'builtStep',
        args: { ref: 'notes:2', match: 'COPY notes.txt .', outcome: 'built' },
      });
      expect(candidates).toContainEqual({
        name: 'layerEntry',
        args: { ref: 'notes:2', path: '/etc/debian_version', kind: 'whiteout' },
      });
      expect(candidates).toContainEqual({
        name: 'containerHasInUpper',
        args: { name: 'reader', path: '/srv/read', change: 'A' },
      });
      // BuildKit keeps no local base image: nothing about it is offered.
      expect(candidates.filter((c) => JSON.stringify(c.args).includes('debian:'))).toEqual([]);

      const picked = candidates;
      const text = writeLesson(draftOf(picked));
      const parsed = parseLesson('my-notes.md', text);
      if (!parsed.ok) throw new Error(parsed.errors.map(formatLessonError).join('\n'));
      const lesson = parsed.lesson;
      expect(lesson.start.files['notes.txt']).toEqual({ content: 'first\n' });
      expect(lesson.solution.files?.['run.sh']).toEqual({ content: 'echo hi\n', mode: 0o755 });
      expect(lesson.goals.map((g) => g.check)).toEqual(picked);

      const replay = replayLesson(newSession(opts), lesson);
      expect(replayProblems(lesson, replay)).toEqual([]);
    },
  );

  it(
    'points at the goal the solution misses and the command that fails, by line',
    { timeout: REPLAY },
    () => {
      const draft = draftOf([
        { name: 'imageTagged', args: 'notes:2' },
        { name: 'imageTagged', args: 'notes:3' },
      ]);
      draft.solution.commands = [...TEACHER, 'docker run --name reader notes:2 true'];
      const text = writeLesson(draft);
      const parsed = parseLesson('my-notes.md', text);
      if (!parsed.ok) throw new Error(parsed.errors.map(formatLessonError).join('\n'));
      const problems = replayProblems(parsed.lesson, replayLesson(newSession(opts), parsed.lesson));
      const lines = text.split('\n');
      const lineOf = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
      expect(problemsAt('my-notes.md', text, problems).map(formatLessonError)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^my-notes\\.md:${lineOf('notes:2 true')}: solution\\.commands\\[2\\]: the solution's command .* fails: .*already in use`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^my-notes\\.md:${lineOf('"Goal 2"') - 1}: goals\\[1\\]: the solution does not meet "Goal 2": There is no image named notes:3`,
          ),
        ),
      ]);
    },
  );
});
