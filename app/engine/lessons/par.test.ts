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
    if (before?.kind !== 'image') throw new Error('build-cache has a goal image');
    const goal = before.goal;
    expect(goal.ref).toBe('app:1');
    expect(goal.history.length).toBeGreaterThan(goal.layers);
    expect(goal.history.filter((h) => !h.empty)).toHaveLength(goal.layers);
    expect(goal.bytes).toBe(goal.history.reduce((n, h) => n + h.size, 0));
    // The solution rebuilds only from the edited file's COPY on: fewer steps than the build has.
    expect(goal.rebuilt).toBeGreaterThan(0);
    expect(goal.rebuilt!).toBeLessThan(goal.history.length);
    // The start built app:1 before the lesson began: the learner's image, not rebuilt by them.
    expect(before.yours?.rebuilt).toBeUndefined();

    s.lessonSolution(cache, started.lab);
    const after = s.lessonPar(cache)!;
    expect(after.yours).toEqual(goal);
  });

  it('shows the containers a lesson about containers names, as docker diff lists them', () => {
    const s = new LabSession(opts);
    const writable = lesson('container-writable-layer');
    expect(parRef(writable)).toBeUndefined();
    const started = s.lessonStart(writable);
    const before = s.lessonPar(writable);
    if (before?.kind !== 'containers') throw new Error('a containers goal state');
    expect(before.goal.map((c) => c.name)).toEqual(['web', 'other']);
    expect(before.goal[0]!.changes).toEqual(
      expect.arrayContaining([
        { kind: 'A', path: '/tmp/x' },
        { kind: 'C', path: '/srv/version' },
        { kind: 'D', path: '/srv/draft.txt' },
      ]),
    );
    expect(before.yours).toEqual([undefined, undefined]);
    s.lessonSolution(writable, started.lab);
    const after = s.lessonPar(writable);
    expect(after?.yours).toEqual(before.goal);
  });

  it('has a goal state for every lesson of the course', () => {
    const s = new LabSession(opts);
    for (const l of course.lessons) {
      s.lessonStart(l);
      expect(s.lessonPar(l), l.id).toBeDefined();
    }
  });
});
