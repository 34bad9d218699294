/**
 * The warm-up's rehearsal in pieces: the lab's Dockerfile built in a scratch session up to one
 * more instruction at a time (each piece finds the earlier steps in that session's cache), so
 * that whoever runs it can stop between two pieces. The worker does: it yields to its message
 * queue after each piece and stops when the learner asks for anything, so a click on Build
 * waits for one piece of the rehearsal at most, never for all of it. The work inside one
 * instruction that would make a long piece is cut too (scratch.ts): before a RUN that installs
 * packages with apt, the files of each package it will unpack, one package per piece; after a
 * piece, the compression of its new layers, a slice per piece.
 */
import { planDockerfile } from '../build/plan.ts';
import type { BuildInput } from './types.ts';

/** Where the rehearsal builds: the scratch session, and the work it cuts into pieces. */
export interface Scratch {
  build(input: BuildInput): unknown;
  /** Work to do, a piece at a time, before `input` is built (it looks ahead). */
  before?(input: BuildInput): Iterable<() => void>;
  /** Work to do, a piece at a time, after the last build (what it made, compressed). */
  after?(): Iterable<() => void>;
}

/** Instructions worth a piece of their own: the ones that load a base or make a layer. */
const PIECES = new Set(['FROM', 'RUN', 'COPY', 'ADD']);

/**
 * The Dockerfile cut after each FROM, RUN, COPY and ADD (heredoc bodies and continuation lines
 * stay with their instruction), the whole text last.
 * @example rehearsalTexts('FROM a\nRUN x\nCMD y\n') // ['FROM a', 'FROM a\nRUN x', 'FROM a\nRUN x\nCMD y\n']
 */
export function rehearsalTexts(dockerfile: string): string[] {
  const { parsed } = planDockerfile(dockerfile);
  const cuts = parsed.instructions
    .filter((i) => i.stage >= 0 && PIECES.has(i.keyword))
    .map((i) => dockerfile.slice(0, i.range.end.offset));
  return [...new Set([...cuts, dockerfile])];
}

/** Builds the lab piece by piece in `scratch`; yields after each piece. */
export function* rehearse(
  scratch: Scratch,
  lab: Pick<BuildInput, 'dockerfile' | 'files'>,
): Generator<void, void, void> {
  for (const dockerfile of rehearsalTexts(lab.dockerfile)) {
    const input: BuildInput = {
      dockerfile,
      files: lab.files,
      builder: 'buildkit',
      noCache: false,
      buildArgs: {},
      tags: [],
    };
    for (const piece of attempt(() => scratch.before?.(input)) ?? []) {
      attempt(piece);
      yield;
    }
    // A lab that does not build is reported by the real build, in the learner's terms.
    attempt(() => scratch.build(input));
    yield;
    for (const piece of attempt(() => scratch.after?.()) ?? []) {
      attempt(piece);
      yield;
    }
  }
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
