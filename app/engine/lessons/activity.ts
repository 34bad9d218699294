/**
 * What the learner did in the lab, as goal checks need it: the commands typed (with their
 * output) and the last build with what it was given, so a check can replay it. Plain data:
 * the page keeps one per lesson and saves it with the lesson's progress.
 */
import type { ContextFile } from '../build/context.ts';
import type { BuildInput, BuildView, CommandView } from '../session/types.ts';

export interface CommandRecord {
  line: string;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** How the last build ran: a `docker build` line, or the Build button's input. */
export type BuildSource =
  | { via: 'command'; line: string; dockerfile: string; files: ContextFile[] }
  | { via: 'build'; input: BuildInput };

export interface Activity {
  commands: CommandRecord[];
  lastBuild: { view: BuildView; source: BuildSource } | undefined;
}

export const newActivity = (): Activity => ({ commands: [], lastBuild: undefined });

/** Record a command typed in the terminal (and the build it ran, if any). */
export function recordCommand(
  activity: Activity,
  line: string,
  result: CommandView,
  files: readonly ContextFile[],
  dockerfile: string,
): void {
  activity.commands.push({
    line: line.trim(),
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
  });
  if (result.build) {
    activity.lastBuild = {
      view: result.build,
      source: { via: 'command', line, dockerfile, files: [...files] },
    };
  }
}

/** Record a build from the Build button. */
export function recordBuild(activity: Activity, input: BuildInput, view: BuildView): void {
  activity.lastBuild = { view, source: { via: 'build', input } };
}
