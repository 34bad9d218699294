import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionOptions } from '../session/session.ts';
import { evaluateGoals } from './checks.ts';
import { loadCourse } from './index.ts';
import { applySolution, applyStart } from './run.ts';
import { lessonImages, lessonSources, newSession } from './testing/sessions.ts';
import { formatLessonError } from './types.ts';

const course = loadCourse(lessonSources());
let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

describe('the course', () => {
  it('loads every lesson file without errors', () => {
    expect(course.errors.map(formatLessonError)).toEqual([]);
    expect(course.lessons.length).toBeGreaterThan(0);
  });

  describe.each(course.lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
    it('starts without meeting its goals, and its solution meets every goal', () => {
      const session = newSession(opts);
      const started = applyStart(session, lesson);
      expect(started.failures).toEqual([]);
      const before = evaluateGoals(lesson.goals, session, started.activity);
      expect(
        before.every((g) => g.met),
        'the start state already meets every goal',
      ).toBe(false);

      const solved = applySolution(session, started.activity, started.lab, lesson);
      expect(solved.failures).toEqual([]);
      const after = evaluateGoals(lesson.goals, session, started.activity);
      expect(after.filter((g) => !g.met).map((g) => `${g.goal.text}: ${g.detail}`)).toEqual([]);
    });
  });
});

describe('checks over a session', () => {
  it('explain what is missing, and count `docker container diff` as `docker diff`', async () => {
    const { newActivity, recordCommand } = await import('./activity.ts');
    const { evaluateCheck } = await import('./checks.ts');
    const session = newSession(opts);
    const activity = newActivity();
    expect(evaluateCheck({ name: 'imageTagged', args: 'app:1' }, session, activity)).toEqual({
      met: false,
      detail: 'There is no image named app:1 yet.',
    });
    expect(
      evaluateCheck({ name: 'lastBuildCachedAtLeast', args: 1 }, session, activity).detail,
    ).toBe('No build has run yet.');
    const df = 'FROM debian:bookworm-slim\nCMD ["true"]\n';
    for (const line of [
      'docker build -t app:1 .',
      'docker run --name box app:1',
      'docker container diff box',
    ]) {
      recordCommand(activity, line, session.command(line, [], df), [], df);
    }
    expect(evaluateCheck({ name: 'commandRan', args: 'docker diff' }, session, activity).met).toBe(
      true,
    );
    expect(
      evaluateCheck({ name: 'commandRan', args: 'docker commit' }, session, activity).met,
    ).toBe(false);
    expect(
      evaluateCheck(
        { name: 'containersFromImage', args: { image: 'app:1', atLeast: 2 } },
        session,
        activity,
      ),
    ).toEqual({ met: false, detail: '1 container from app:1 (wanted at least 2).' });
  });
});

describe('image golf', () => {
  it('measures the reference solution and scores an image against it', async () => {
    const { golfScore, referenceSize } = await import('./golf.ts');
    const lesson = course.lessons.find((l) => l.golf)!;
    const par = referenceSize(lesson, newSession(opts))!;
    expect(par).toBeGreaterThan(0);
    const session = newSession(opts);
    const started = applyStart(session, lesson);
    // The start Dockerfile as it is: bigger than par, so under 100.
    session.command(
      `docker build -t ${lesson.golf!.ref} .`,
      started.lab.files,
      started.lab.dockerfile,
    );
    const fat = golfScore(lesson, session, par)!;
    expect(fat.bytes).toBeGreaterThan(par);
    expect(fat.score).toBeLessThan(100);
    applySolution(session, started.activity, started.lab, lesson);
    expect(golfScore(lesson, session, par)).toEqual({ bytes: par, par, score: 100 });
  });
});
