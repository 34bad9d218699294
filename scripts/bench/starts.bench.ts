/**
 * What a learner waits for, engine side (Node): every starter the app offers, cold (a fresh
 * session, as the first build after the page loads) and cached (the same build again), and
 * every lesson's start state (the lesson started, then the Build button's build). Each is the
 * work the engine's worker does for one click, views included. Data-driven: the starters and
 * lessons are read from the app, so new ones are measured without touching this file.
 */
import { STARTERS } from '../../app/store/starters.ts';
import { loadCourse } from '../../app/engine/lessons/index.ts';
import {
  lessonImages,
  lessonSources,
  newSession,
} from '../../app/engine/lessons/testing/sessions.ts';
import { labOf } from '../../app/engine/lessons/run.ts';
import { sha256Name } from '../../app/engine/fs/hash.ts';
import type { BuildInput } from '../../app/engine/session/types.ts';
import { median, record } from './harness.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COLD_MS = 60;
const CACHED_MS = 50;

const opts = await lessonImages();
console.log(`base: ${opts.base}; sha256: ${sha256Name()}; ${RUNS} runs each (median, min-max)`);

const input = (dockerfile: string, files: BuildInput['files']): BuildInput => ({
  dockerfile,
  files,
  builder: 'buildkit',
  noCache: false,
  buildArgs: {},
  tags: ['app:latest'],
});

/** Wall time (the figure) and CPU time of the process (what a loaded machine does not inflate). */
interface Timing {
  wall: number[];
  cpu: number[];
}

const timing = (): Timing => ({ wall: [], cpu: [] });

function spread(name: string, t: Timing, target: number): void {
  const sorted = [...t.wall].sort((a, b) => a - b);
  record(name, median(t.wall), 'ms', target);
  console.log(
    `      min-max ${sorted[0]!.toFixed(1)}-${sorted.at(-1)!.toFixed(1)} ms over ${t.wall.length} runs; CPU median ${median(t.cpu).toFixed(1)} ms`,
  );
}

function time(into: Timing, fn: () => unknown): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  into.wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  into.cpu.push((c.user + c.system) / 1000);
}

for (const s of STARTERS) {
  const build = input(
    s.dockerfile,
    s.files.map((f) => ({ path: f.path, content: f.content })),
  );
  // The first cold build in this process walks the base image for the first time; later
  // sessions find its records listed already, as a worker that has built once does.
  const t0 = performance.now();
  const check = newSession(opts).build(build);
  console.log(
    `      ${s.id}: first cold build in the process ${(performance.now() - t0).toFixed(1)} ms`,
  );
  if (!check.build.ok) throw new Error(`starter ${s.id} does not build`);
  const cold = timing();
  const cached = timing();
  for (let i = 0; i < RUNS; i++) {
    const session = newSession(opts);
    time(cold, () => session.build(build));
    time(cached, () => session.build(build));
  }
  spread(`starter ${s.id}: cold build, engine (Node)`, cold, COLD_MS);
  spread(`starter ${s.id}: cached rebuild, engine (Node)`, cached, CACHED_MS);
}

const course = loadCourse(lessonSources());
for (const lesson of course.lessons) {
  const start = timing();
  const click = timing();
  for (let i = 0; i < RUNS; i++) {
    const session = newSession(opts);
    // The lesson crosses to the worker by structured clone; so it does here.
    time(start, () => session.lessonStart(structuredClone(lesson)));
    const lab = labOf(lesson.start);
    time(click, () => session.build(input(lab.dockerfile, lab.files)));
  }
  spread(`lesson ${lesson.id}: Build in its start state, engine (Node)`, click, COLD_MS);
  spread(`lesson ${lesson.id}: starting the lesson, engine (Node)`, start, COLD_MS);
}
