/// <reference lib="webworker" />
/**
 * The engine's worker: one LabSession per lab, off the page's main thread, so a runaway build
 * never freezes the page; the page cancels a build by terminating this worker.
 */
import { serve } from '../engine/session/dispatch.ts';
import { transferables } from '../engine/session/packed.ts';
import type { Request } from '../engine/session/protocol.ts';
import { LabSession } from '../engine/session/session.ts';
import { useWasmSha256 } from './hash.ts';
import { browserImages } from './images.ts';

declare const self: DedicatedWorkerGlobalScope;

const images = browserImages();
// The WebAssembly SHA-256 is made once; every request waits for it (it takes a few ms).
const hashing = useWasmSha256().catch(() => {
  // Without WebAssembly the engine hashes in JavaScript: slower, same digests.
});
/** Requests other than warm-ups received and not answered yet (the one being served included). */
let waiting = 0;
/** Builds answered so far (the Build button's and `docker build` typed in the terminal). */
let built = 0;
const session = new LabSession({
  registry: images.registry,
  explain: images.explain,
  catalog: images.catalog,
  idle: () => waiting === 0,
  // Posted while the synchronous engine runs: the page draws a load's progress from it.
  progress: (p) => self.postMessage({ kind: 'progress', ...p }),
});

/** Messages received so far (a rehearsal checks whether others came in while it waited). */
let received = 0;
/** Warm-ups received and not over yet. */
const warmUps = new Set<Promise<void>>();
/**
 * Requests that wait for the warm-ups: a lesson's golf score and its goal state each replay a
 * build of their own, which is long the first time in a process and short once the rehearsal
 * has made what builds need (nobody clicks on them; the learner's requests go first).
 */
const AFTER_WARM_UP = new Set<Request['method']>(['lessonScore', 'lessonPar']);

self.onmessage = async (event: MessageEvent<Request>) => {
  const req = event.data;
  received++;
  if (req.method === 'warm') {
    const done = warmUp(req as Request<'warm'>);
    warmUps.add(done);
    await done;
    warmUps.delete(done);
    return;
  }
  const later = AFTER_WARM_UP.has(req.method);
  if (!later) waiting++;
  try {
    await hashing;
    try {
      await prepare(req);
    } catch {
      // Loading is best effort: what could not be loaded is reported by the engine in Docker's words.
    }
    if (later) while (warmUps.size > 0) await Promise.all([...warmUps]);
    serve(session, req, (message) => self.postMessage(message, transferables(message)));
    if (req.method === 'build' || req.method === 'command') built++;
  } finally {
    if (!later) waiting--;
  }
};

async function warmUp(req: Request<'warm'>): Promise<void> {
  await hashing;
  try {
    await prepare(req);
  } catch {
    // As for any request: the build reports what could not be loaded.
  }
  await rehearse(req);
}

/** Rehearsals running, by lab: a second warm-up for the same lab waits for the first. */
const rehearsals = new Map<string, Promise<void>>();

/**
 * The warm-up: its rehearsal runs one piece at a time, and any other request that came in is
 * answered before the next piece (a click on Build waits for one piece at most). Replies when
 * the lab's rehearsal is over.
 */
async function rehearse(req: Request<'warm'>): Promise<void> {
  const [lab] = req.args;
  const key = JSON.stringify([lab.dockerfile, lab.files]);
  let running = rehearsals.get(key);
  if (!running) {
    running = runRehearsal(lab).finally(() => rehearsals.delete(key));
    rehearsals.set(key, running);
  }
  await running;
  self.postMessage({ kind: 'reply', id: req.id, ok: true, result: undefined });
}

async function runRehearsal(lab: Request<'warm'>['args'][0]): Promise<void> {
  const before = built;
  await requestsFirst();
  // A lab built already needs no rehearsal; one that starts goes on after a build (its pieces
  // are short, and what they make serves the lesson's score and the next builds).
  const pieces = built === before ? session.rehearsal(lab) : undefined;
  while (pieces && !pieces.next().done) {
    await requestsFirst();
  }
}

/**
 * Lets every request that has arrived be answered first (a lesson's start, its goals, a file
 * list, a click on Build): returns once a turn of the message queue brought no new message and
 * none is being answered.
 */
async function requestsFirst(): Promise<void> {
  let seen: number;
  do {
    seen = received;
    await nextTask();
    while (waiting > 0) await nextTask();
  } while (received !== seen);
}

/**
 * A turn of the message queue: a message this worker posts to itself queues behind the ones
 * that have arrived (one task source, first in first out), where a timer may run before them.
 */
function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    turns.push(resolve);
    queue.port2.postMessage(null);
  });
}
const queue = new MessageChannel();
const turns: (() => void)[] = [];
queue.port1.onmessage = () => turns.shift()?.();

/** Fetches the base images (and package lists) a request will need, before the synchronous engine runs. */
async function prepare(req: Request): Promise<void> {
  // Fetch the base images a Dockerfile (or a command) names before the synchronous build.
  if (req.method === 'build' || req.method === 'warm') {
    const [input] = (req as Request<'build'>).args;
    // A RUN line may call a script of the context that installs packages (`RUN ./setup.sh`).
    const scripts = input.files
      .map((f) => f.content)
      .filter((c): c is string => typeof c === 'string');
    await images.ensure(
      LabSession.baseRefs(input.dockerfile),
      [input.dockerfile, ...scripts].join('\n'),
    );
  } else if (req.method === 'load') {
    const [state] = (req as Request<'load'>).args;
    await images.ensure(state.pulled, 'apt-get');
  } else if (
    req.method === 'lessonStart' ||
    req.method === 'lessonSolution' ||
    req.method === 'lessonScore'
  ) {
    // A lesson's start or solution: its Dockerfiles and the images its commands name.
    const [lesson] = (req as Request<'lessonStart'>).args;
    const texts = [lesson.start.dockerfile, lesson.solution.dockerfile ?? ''];
    const lines = [...lesson.start.commands, ...lesson.solution.commands];
    await images.ensure(
      [...texts.flatMap((t) => LabSession.baseRefs(t)), ...lines.flatMap(imageWords)],
      [...texts, ...lines].join('\n'),
    );
  } else if (req.method === 'shellLine') {
    // A line typed in a container's shell: `apt-get install` there needs the package lists.
    const [, line] = (req as Request<'shellLine'>).args;
    await images.ensure([], line);
  } else if (req.method === 'command') {
    // A `docker build` typed in the terminal builds the lab's Dockerfile (or another file of
    // the context with -f): the packages its RUN lines install load as for the Build button.
    const [line, files, dockerfile] = (req as Request<'command'>).args;
    const dockerfiles = [
      dockerfile,
      ...files
        .filter((f) => /dockerfile/i.test(f.path) && typeof f.content === 'string')
        .map((f) => f.content as string),
    ];
    await images.ensure(
      [...dockerfiles.flatMap((d) => LabSession.baseRefs(d)), ...imageWords(line)],
      [line, ...dockerfiles].join('\n'),
    );
  }
}

/** Image names a command line may need: `docker pull X`, `docker run X`. */
function imageWords(line: string): string[] {
  // `docker` and its command words are not image names (looking them up would fetch Docker
  // Hub's tag list for nothing).
  return line
    .split(/\s+/)
    .filter((w) => /^[a-z0-9][a-z0-9._/-]*(:[\w.-]+)?$/.test(w) && !COMMAND_WORDS.has(w));
}

const COMMAND_WORDS = new Set(
  'docker run pull create image container exec build tag push rmi rm inspect history save load images ps start stop logs cp diff commit system df prune builder sh bash'.split(
    ' ',
  ),
);
