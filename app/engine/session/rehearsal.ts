/**
 * The warm-up's rehearsal in pieces: the lab's Dockerfile built in a scratch session up to one
 * more instruction at a time (each piece finds the earlier steps in that session's cache), so
 * that whoever runs it can stop between two pieces. The worker does: it yields to its message
 * queue after each piece and stops when the learner asks for anything, so a click on Build
 * waits for one piece of the rehearsal at most, never for all of it.
 */
import { planDockerfile } from '../build/plan.ts';
import type { BuildInput } from './types.ts';

/** Something that builds: the scratch session. */
interface Builds {
  build(input: BuildInput): unknown;
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
  scratch: Builds,
  lab: Pick<BuildInput, 'dockerfile' | 'files'>,
): Generator<void, void, void> {
  for (const dockerfile of rehearsalTexts(lab.dockerfile)) {
    try {
      scratch.build({
        dockerfile,
        files: lab.files,
        builder: 'buildkit',
        noCache: false,
        buildArgs: {},
        tags: [],
      });
    } catch {
      // A lab that does not build is reported by the real build, in the learner's terms.
    }
    yield;
  }
}
