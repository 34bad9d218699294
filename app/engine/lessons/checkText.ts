/**
 * What the goal checks share: their result, the sentences they say (sizes as `docker images`
 * prints them, counts, image names as Docker shortens them), and how they read commands.
 */
import { familiarName, parseImageRef } from '../images/reference.ts';
import type { LabSession } from '../session/session.ts';
import type { Activity } from './activity.ts';
import type { CheckArgs, CheckName, Count } from './types.ts';

export interface CheckResult {
  met: boolean;
  /** What the lab shows now, in a sentence. */
  detail: string;
}

export const result = (met: boolean, detail: string): CheckResult => ({ met, detail });

export const countMet = (c: Count, n: number): boolean =>
  (c.count === undefined || n === c.count) &&
  (c.atLeast === undefined || n >= c.atLeast) &&
  (c.atMost === undefined || n <= c.atMost);

export const countWanted = (c: Count): string =>
  [
    c.count !== undefined ? `exactly ${c.count}` : '',
    c.atLeast !== undefined ? `at least ${c.atLeast}` : '',
    c.atMost !== undefined ? `at most ${c.atMost}` : '',
  ]
    .filter(Boolean)
    .join(' and ');

/** `3 steps`, `1 step`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `app` → `app:latest`, for comparing names; the text itself when it is no image name. */
export function familiar(ref: string): string {
  try {
    return familiarName(parseImageRef(ref));
  } catch {
    return ref;
  }
}

export const noImage = (ref: string): CheckResult =>
  result(false, `There is no image named ${familiar(ref)} yet.`);

/** `docker container diff` → `docker diff`, spaces folded, env assignments dropped. */
export function normalizeCommand(line: string): string {
  const words = line.trim().split(/\s+/);
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) words.shift();
  if (words[0] === 'docker' && (words[1] === 'container' || words[1] === 'image')) {
    const sub = words[2];
    const alias: Record<string, string> = {
      ls: words[1] === 'image' ? 'images' : 'ps',
      list: words[1] === 'image' ? 'images' : 'ps',
      rm: words[1] === 'image' ? 'rmi' : 'rm',
      remove: words[1] === 'image' ? 'rmi' : 'rm',
    };
    if (sub !== undefined) words.splice(1, 2, alias[sub] ?? sub);
  }
  return words.join(' ');
}

export const ranPrefix = (line: string, prefix: string): boolean => {
  const a = normalizeCommand(line);
  const b = normalizeCommand(prefix);
  return a === b || a.startsWith(`${b} `);
};

/** A check's code: its arguments, the session and the learner's activity, to a result. */
export type Evaluator<K extends CheckName> = (
  args: CheckArgs[K],
  session: LabSession,
  activity: Activity,
) => CheckResult;
