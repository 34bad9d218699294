import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../lessons/index.ts';
import { lessonImages, lessonSources } from '../lessons/testing/sessions.ts';
import type { Lesson } from '../lessons/types.ts';
import { dispatch, serve } from './dispatch.ts';
import { MUTATING, type FromWorker } from './protocol.ts';
import { LabSession, type SessionOptions } from './session.ts';

const course = loadCourse(lessonSources());
const lesson = (id: string): Lesson => {
  const l = course.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};
/** Through structured clone, as the worker receives it. */
const cloned = <T>(x: T): T => structuredClone(x);

let opts: SessionOptions;
beforeAll(async () => {
  opts = await lessonImages();
});

describe('lessons in a LabSession', () => {
  it('starts a lesson on a fresh engine, in its start state, with no activity', () => {
    const s = new LabSession(opts);
    const df = 'FROM debian:bookworm-slim\nCMD ["true"]\n';
    s.command('docker build -t leftover:1 .', [], df);
    expect(s.activity.commands).toHaveLength(1);

    const cache = lesson('build-cache');
    const started = s.lessonStart(cloned(cache));
    expect(started.failures).toEqual([]);
    expect(started.lab.dockerfile).toBe(cache.start.dockerfile);
    const names = started.engine.images.flatMap((i) => i.names);
    expect(names).not.toContain('leftover:1');
    expect(s.activity).toEqual({ commands: [], lastBuild: undefined, builds: [] });
    // The start commands' build is there for the layer panels, not as the learner's.
    expect(started.build?.image?.names ?? []).toContain('app:1');
  });

  it('starts a lesson with the image store its start state names', () => {
    const s = new LabSession(opts);
    expect(s.store).toBe('containerd');
    const base = lesson('images-and-containers');
    const named = { ...base, start: { ...base.start, store: 'overlay2' as const } };
    const started = s.lessonStart(cloned(named));
    expect(started.store).toBe('overlay2');
    expect(started.engine.store).toBe('overlay2');
    // A lesson that names none runs with the store in use.
    expect(s.lessonStart(cloned(base)).store).toBe('overlay2');
  });

  it('records every command and build, and checks goals over them', () => {
    const s = new LabSession(opts);
    const first = lesson('images-and-containers');
    const started = s.lessonStart(cloned(first));
    expect(s.lessonGoals(cloned(first.goals)).map((g) => g.met)).toEqual([false, false, false]);

    const { dockerfile, files } = started.lab;
    s.command('docker build -t hello:1 .', files, dockerfile);
    let goals = s.lessonGoals(cloned(first.goals));
    expect(goals.map((g) => g.met)).toEqual([true, false, false]);
    expect(goals[1]!.detail).toMatch(/first/);

    s.command('docker run --name first hello:1', files, dockerfile);
    s.command('docker run hello:1', files, dockerfile);
    goals = s.lessonGoals(cloned(first.goals));
    expect(goals.every((g) => g.met)).toBe(true);
    expect(s.activity.commands.map((c) => c.line)).toEqual([
      'docker build -t hello:1 .',
      'docker run --name first hello:1',
      'docker run hello:1',
    ]);
    expect(s.activity.lastBuild?.source.via).toBe('command');
  });

  it('records a build from the Build button as the last build', () => {
    const s = new LabSession(opts);
    s.build({
      dockerfile: 'FROM debian:bookworm-slim\nCMD ["true"]\n',
      files: [],
      builder: 'classic',
      noCache: false,
      buildArgs: {},
      tags: ['b:1'],
    });
    expect(s.activity.lastBuild?.source.via).toBe('build');
    expect(s.activity.lastBuild?.view.ok).toBe(true);
  });

  it('applies the solution over the learner lab, command by command, and meets the goals', () => {
    const s = new LabSession(opts);
    for (const id of ['build-cache', 'container-writable-layer', 'copy-cache']) {
      const l = lesson(id);
      const started = s.lessonStart(cloned(l));
      expect(s.lessonGoals(cloned(l.goals)).every((g) => g.met)).toBe(false);
      const solved = s.lessonSolution(cloned(l), cloned(started.lab));
      expect(solved.failures).toEqual([]);
      expect(solved.commands.map((c) => c.line)).toEqual(l.solution.commands);
      for (const [path] of Object.entries(l.solution.files ?? {})) {
        expect(solved.lab.files.map((f) => f.path)).toContain(path);
      }
      const unmet = s.lessonGoals(cloned(l.goals)).filter((g) => !g.met);
      expect(unmet.map((g) => g.detail)).toEqual([]);
    }
  });

  it('answers lesson requests through dispatch, with the saved state after a start', () => {
    const s = new LabSession(opts);
    const l = lesson('images-and-containers');
    const sent: FromWorker[] = [];
    serve(s, { id: 7, method: 'lessonStart', args: [cloned(l)] }, (m) => sent.push(m));
    expect(sent[0]).toMatchObject({ kind: 'reply', id: 7, ok: true });
    expect(sent[1]).toMatchObject({ kind: 'saved', delta: { from: 0 } });
    expect(MUTATING.has('lessonSolution')).toBe(true);
    expect(MUTATING.has('lessonGoals')).toBe(false);
    const goals = dispatch(s, { id: 8, method: 'lessonGoals', args: [cloned(l.goals)] });
    expect(goals.ok && (goals.result as { met: boolean }[]).length).toBe(l.goals.length);
  });

  it('scores the final challenge against the reference solution', () => {
    const golf = course.lessons.find((l) => l.golf);
    expect(golf).toBeDefined();
    const s = new LabSession(opts);
    const started = s.lessonStart(cloned(golf!));
    expect(s.lessonScore(cloned(golf!))).toBeUndefined();
    s.lessonSolution(cloned(golf!), started.lab);
    expect(s.lessonScore(cloned(golf!))?.score).toBe(100);
    expect(s.lessonScore(cloned(lesson('build-cache')))).toBeUndefined();
  });
});
