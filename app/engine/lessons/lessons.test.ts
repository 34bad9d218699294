import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionOptions } from '../session/session.ts';
import { loadCourse } from './index.ts';
import { isHostFileCommand } from '../cli/hostFiles.ts';
import { buttonBuildOf } from './button.ts';
import { replayLesson } from './replay.ts';
import { applySolution, applyStart } from './run.ts';
import { lessonImages, lessonSources, newSession } from './testing/sessions.ts';
import { formatLessonError } from './types.ts';

const course = loadCourse(lessonSources());
const REPLAY = 600_000;

/** Checks met by a route (a command typed, the last build) rather than by a state of the lab. */
const ROUTE_CHECKS = new Set([
  'commandRan',
  'outputContains',
  'lastBuildCachedAtLeast',
  'lastBuildRebuiltAtMost',
  'lastBuildStep',
  'lastBuildBuilder',
  'editRebuildsAtMost',
]);
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
    // A replay of a heavy lesson (a compiler toolchain from apt) takes long on a loaded
    // machine: the limit is for a hang, not for speed.
    it(
      'starts without meeting its goals, and its solution meets every goal',
      { timeout: REPLAY },
      () => {
        // The replay a teacher's lesson gets in the lesson builder, too.
        const replay = replayLesson(newSession(opts), lesson);
        expect(replay.startFailures).toEqual([]);
        expect(replay.metAtStart, 'the start state already meets every goal').toBe(false);
        expect(replay.solutionFailures).toEqual([]);
        expect(replay.unmet.map((u) => `${lesson.goals[u.index]!.text}: ${u.detail}`)).toEqual([]);
      },
    );

    it('has goals that are states of the lab, not commands typed or the last build', () => {
      const byRoute = lesson.goals
        .filter((g) => ROUTE_CHECKS.has(g.check.name))
        .map((g) => `${g.text} (${g.check.name})`);
      expect(byRoute).toEqual([]);
    });

    it("sets the Build button's tag to the one its solution builds", () => {
      const built = lesson.solution.commands.map(buttonBuildOf).find((b) => b?.tag);
      if (built) expect(lesson.build.tag).toBe(built.tag);
    });

    it('has demo lines the terminal runs: docker commands, touch or chmod', () => {
      const lines = lesson.steps.flatMap((st) => [
        ...(st.demo?.commands ?? []),
        ...(st.myth?.commands ?? []),
      ]);
      const odd = lines.filter(
        (l) => !/^([A-Za-z_]\w*=\S*\s+)*docker\s/.test(l) && !isHostFileCommand(l),
      );
      expect(odd).toEqual([]);
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
  it(
    'measures the reference solution and scores an image against it',
    { timeout: REPLAY },
    async () => {
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
    },
  );
});
