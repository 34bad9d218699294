/**
 * Goals are states, reachable by either route: every lesson's solution, played with the Build
 * button wherever the button can do the build (with the settings that build uses), meets every
 * goal as the typed solution does. (Lesson 4 once tagged app:latest from the button, so its
 * "rebuild app:1" could never be met that way.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionOptions } from '../session/session.ts';
import { evaluateGoals } from './checks.ts';
import { loadCourse } from './index.ts';
import { applyStart } from './run.ts';
import {
  applySolutionByButton,
  lessonImages,
  lessonSources,
  newSession,
} from './testing/sessions.ts';

const course = loadCourse(lessonSources());
let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

describe.each(course.lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
  it(
    'meets every goal when its builds are made with the Build button',
    { timeout: 600_000 },
    () => {
      const session = newSession(opts);
      const started = applyStart(session, lesson);
      const played = applySolutionByButton(session, started.activity, started.lab, lesson);
      expect(played.failures).toEqual([]);
      const unmet = evaluateGoals(lesson.goals, session, started.activity).filter((g) => !g.met);
      expect(unmet.map((g) => `${g.goal.text}: ${g.detail}`)).toEqual([]);
    },
  );
});
