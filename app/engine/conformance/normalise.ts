/**
 * Normalisation shared by the recorder (real Docker) and the replay (Layerlab): both sides turn
 * what the docker CLI printed into the same comparable shape. Dropped on purpose: IDs, digests,
 * timestamps, durations, column padding. Builds are read in build-log.ts, `docker save`
 * archives in archive.ts.
 */
import type { Builder, Store } from './steps.ts';
import type { ImageRecord, SaveRecord } from './archive.ts';

export type { ImageRecord, SaveRecord } from './archive.ts';

export interface BuildStep {
  /** `[stage n/N] INSTRUCTION` (BuildKit) or `Step n/N : INSTRUCTION` (classic). */
  step: string;
  /** Whether the step came from the cache; null for FROM (nothing to run). */
  cached: boolean | null;
}

export type StepResult =
  | { line: string; kind: 'edit' }
  | {
      line: string;
      kind: 'build';
      exitCode: number;
      steps: BuildStep[];
      error?: string;
      /** The whole output, normalised (durations and sizes that vary between runs dropped). */
      stdout: string[];
      stderr: string[];
      /** Legacy builder: whether `Successfully built <id>` names the image the tag points at. */
      builtId?: 'tagged' | 'other';
    }
  | { line: string; kind: 'command'; exitCode: number; stdout: string[]; stderr: string[] }
  | { line: string; kind: 'cat'; content: string[] }
  | { line: string; kind: 'image'; image?: ImageRecord; error?: string }
  | { line: string; kind: 'save'; save?: SaveRecord; error?: string };

export interface Recording {
  scenario: string;
  builder: Builder;
  /** The image stores this recording holds for (both when they printed the same). */
  stores: Store[];
  versions: { client: string; server: string };
  results: StepResult[];
}

/**
 * Replace IDs, digests and relative times with placeholders. The classic builder's
 * `COPY file:<hash>` / `dir:<hash>` names are kept: they are a checksum of the copied files
 * that Layerlab computes as Docker does.
 */
export function scrub(text: string): string {
  return (
    text
      .replace(/sha256:[0-9a-f]{64}/g, '<digest>')
      // BuildKit names the build context it could not checksum by two random session IDs.
      .replace(/\bchecksum of ref [^\s:]+::[0-9a-z]+(?=:)/g, 'checksum of ref <ref>')
      // The oracle's data roots and overlay2's random layer directory names.
      .replace(/\/var\/lib\/docker-modern(?:-cs)?\b/g, '/var/lib/docker')
      .replace(/\/overlay2\/[0-9a-z]{25}\b/g, '/overlay2/<id>')
      .replace(/(?<!\b(?:file|dir|multi):)\b[0-9a-f]{64}\b/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, '<id>')
      .replace(
        /\b(?:Less than a second|About (?:a|an) (?:minute|hour)|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)) ago\b/g,
        '<ago>',
      )
      .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)\b/g, '<time>')
  );
}

/** Lines of command output: scrubbed, column padding collapsed, empty trailing lines dropped. */
export function outputLines(text: string, sort = false): string[] {
  const lines = scrub(text)
    .split('\n')
    .map((l) => l.replace(/ {2,}|\t/g, '  ').trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return sort ? lines.sort() : lines;
}

/** Commands whose output order is not specified by Docker: compared as sorted lines. */
export function unordered(argv: readonly string[]): boolean {
  const [a, b] = argv;
  // `docker images` sorts by creation time, and images built in the same second tie.
  return (
    a === 'diff' ||
    a === 'images' ||
    (a === 'container' && b === 'diff') ||
    (a === 'image' && (b === 'ls' || b === 'list'))
  );
}

/** A plain docker command as a comparable record. */
export function commandResult(
  line: string,
  argv: readonly string[],
  r: { exitCode: number; stdout: string; stderr: string },
): StepResult {
  const sort = unordered(argv);
  return {
    line,
    kind: 'command',
    exitCode: r.exitCode,
    stdout: outputLines(r.stdout, sort),
    stderr: outputLines(r.stderr, sort),
  };
}
