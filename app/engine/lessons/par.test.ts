import { beforeAll, describe, expect, it } from 'vitest';
import { LabSession, type SessionOptions } from '../session/session.ts';
import { loadCourse } from './index.ts';
import { parRef } from './par.ts';
import { lessonImages, lessonSources } from './testing/sessions.ts';
import type { Lesson } from './types.ts';

const course = loadCourse(lessonSources());
const lesson = (id: string): Lesson => {
  const l = course.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

describe('par and goal state', () => {
  it('names the image a lesson builds, and none for a lesson that builds nothing', () => {
    expect(parRef(lesson('build-cache'))).toBe('app:1');
    const golf = course.lessons.find((l) => l.golf)!;
    expect(parRef(golf)).toBe(golf.golf!.ref);
    const builds = (l: Lesson) => l.solution.commands.some((c) => /docker\s+build\s/.test(c));
    for (const l of course.lessons.filter((x) => !builds(x))) expect(parRef(l)).toBeUndefined();
  });

  it("shows the solution's image as the goal, and the learner's beside it once it matches", () => {
    const s = new LabSession(opts);
    const cache = lesson('build-cache');
    const started = s.lessonStart(cache);
    const before = s.lessonPar(cache);
    expect(before).toBeDefined();
    const goal = before!.goal;
    expect(goal.ref).toBe('app:1');
    expect(goal.history.length).toBeGreaterThan(goal.layers);
    expect(goal.history.filter((h) => !h.empty)).toHaveLength(goal.layers);
    expect(goal.bytes).toBe(goal.history.reduce((n, h) => n + h.size, 0));
    // The solution rebuilds only from the edited file's COPY on: fewer steps than the build has.
    expect(goal.rebuilt).toBeGreaterThan(0);
    expect(goal.rebuilt!).toBeLessThan(goal.history.length);
    // The start built app:1 before the lesson began: the learner's image, not rebuilt by them.
    expect(before!.yours?.rebuilt).toBeUndefined();

    s.lessonSolution(cache, started.lab);
    const after = s.lessonPar(cache)!;
    expect(after.yours).toEqual(goal);
  });
});
