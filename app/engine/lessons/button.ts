/**
 * The Build button as a route through a lesson: which `docker build` lines it can stand in for
 * (the lab's Dockerfile, context `.`, one tag, build args, --no-cache, either builder), and the
 * settings a lesson gives it so that its goals are reachable by the button as by the terminal.
 */
import type { BuilderKind } from '../build/events.ts';
import { parseArgs, splitCommandLine } from '../cli/argv.ts';
import type { LessonBuildSettings, LessonSolution } from './types.ts';

/** What the Build button does when a lesson does not say: the lab's own default. */
export const DEFAULT_BUILD: LessonBuildSettings = {
  tag: 'app:latest',
  builder: 'buildkit',
  noCache: false,
  buildArgs: {},
};

const FLAGS = [
  { name: 'tag', short: 't', type: 'list' },
  { name: 'build-arg', type: 'list' },
  { name: 'no-cache', type: 'bool' },
  { name: 'progress', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
] as const;

/**
 * The Build button's settings that do what this command line does, or undefined when the
 * button cannot (another Dockerfile, several tags, other flags, not a build).
 * @example buttonBuildOf('DOCKER_BUILDKIT=0 docker build -t app:1 .')?.builder // 'classic'
 */
export function buttonBuildOf(line: string): LessonBuildSettings | undefined {
  const words = splitCommandLine(line);
  if ('error' in words) return undefined;
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) {
    const w = words.shift()!;
    env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
  }
  if (words[0] !== 'docker') return undefined;
  const rest = words[1] === 'image' || words[1] === 'buildx' ? words.slice(2) : words.slice(1);
  if (rest[0] !== 'build') return undefined;
  let args;
  try {
    args = parseArgs(rest.slice(1), FLAGS, { command: 'build' });
  } catch {
    return undefined;
  }
  const tags = args.list('tag');
  if (args.positional.length !== 1 || args.positional[0] !== '.' || tags.length > 1) {
    return undefined;
  }
  const buildArgs: Record<string, string> = {};
  for (const pair of args.list('build-arg')) {
    const i = pair.indexOf('=');
    if (i < 0) return undefined;
    buildArgs[pair.slice(0, i)] = pair.slice(i + 1);
  }
  const builder: BuilderKind = env.DOCKER_BUILDKIT === '0' ? 'classic' : 'buildkit';
  return { tag: tags[0] ?? '', builder, noCache: args.bool('no-cache'), buildArgs };
}

/**
 * The Build button's settings for a lesson: the file's own `build` fields, and for the rest the
 * tag of the solution's first build the button can do (build args and builder stay the lab's
 * defaults: setting them would give the exercise away).
 */
export function lessonBuildSettings(
  solution: LessonSolution,
  given: Partial<LessonBuildSettings> | undefined,
): LessonBuildSettings {
  const first = solution.commands.map(buttonBuildOf).find((b) => b !== undefined && b.tag);
  return {
    ...DEFAULT_BUILD,
    ...(first ? { tag: first.tag } : {}),
    ...given,
  };
}
