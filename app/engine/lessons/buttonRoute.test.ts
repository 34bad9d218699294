/**
 * Goals are states, reachable by either route: every lesson's solution, played with the Build
 * button wherever the button can do the build (with the settings that build uses), meets every
 * goal as the typed solution does. (Lesson 4 once tagged app:latest from the button, so its
 * "rebuild app:1" could never be met that way.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LabSession, type SessionOptions } from '../session/session.ts';
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

describe('a rebuild that changes nothing, with the containerd store and a clock that moves', () => {
  it('gets a new image ID (its provenance records when it ran), and the goals stay as they were', () => {
    let now = 1_700_000_000;
    const session = new LabSession({ ...opts, clock: () => now++, store: 'containerd' });
    const lesson = course.lessons.find((l) => l.id === 'build-cache')!;
    const started = session.lessonStart(lesson);
    const played = applySolutionByButton(session, session.activity, started.lab, lesson);
    expect(played.failures).toEqual([]);
    const unmet = () =>
      session.lessonGoals(lesson.goals).flatMap((g, n) => (g.met ? [] : [lesson.goals[n]!.text]));
    const before = unmet();
    expect(before.filter((t) => /COPY message.txt|Goodbye|cached steps/.test(t))).toEqual([]);
    const id = session.engine.images.find('app:1')!.id;
    const files = [
      ...started.lab.files.filter((f) => f.path !== 'message.txt'),
      { path: 'message.txt', content: 'Goodbye, cache!\n' },
    ];
    const typed = session.command('docker build -t app:1 .', files, started.lab.dockerfile);
    expect(typed.exitCode).toBe(0);
    expect(session.engine.images.find('app:1')!.id).not.toBe(id);
    expect(unmet()).toEqual(before);
  });
});
