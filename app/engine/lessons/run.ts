/**
 * Playing a lesson headlessly: put a fresh LabSession in the lesson's start state, and apply
 * its solution (edits, then commands) the way a learner would, recording the activity the
 * goal checks read.
 */
import type { ContextFile } from '../build/context.ts';
import type { LabSession } from '../session/session.ts';
import { newActivity, recordCommand, type Activity } from './activity.ts';
import type { LabState, Lesson, LessonFile } from './types.ts';

/** The editor and the context files of the lab. */
export interface Lab {
  dockerfile: string;
  files: ContextFile[];
}

export const contextFiles = (files: Record<string, LessonFile>): ContextFile[] =>
  Object.entries(files).map(([path, f]) => ({
    path,
    content: f.content,
    ...(f.mode !== undefined ? { mode: f.mode } : {}),
  }));

export const labOf = (state: LabState): Lab => ({
  dockerfile: state.dockerfile,
  files: contextFiles(state.files),
});

/** The lab after an edit: a new Dockerfile, and files written over (or added to) the old ones. */
export function editLab(
  lab: Lab,
  edit: { dockerfile?: string; files?: Record<string, LessonFile> },
): Lab {
  const written = contextFiles(edit.files ?? {});
  const names = new Set(written.map((f) => f.path));
  return {
    dockerfile: edit.dockerfile ?? lab.dockerfile,
    files: [...lab.files.filter((f) => !names.has(f.path)), ...written],
  };
}

export interface CommandFailure {
  line: string;
  exitCode: number;
  stderr: string;
}

/** Run docker command lines in the lab, recording them; returns the ones that failed. */
export function runCommands(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  commands: readonly string[],
): CommandFailure[] {
  const failures: CommandFailure[] = [];
  for (const line of commands) {
    const r = session.command(line, lab.files, lab.dockerfile);
    recordCommand(activity, line, r, lab.files, lab.dockerfile);
    if (r.exitCode !== 0) failures.push({ line, exitCode: r.exitCode, stderr: r.stderr });
  }
  return failures;
}

export interface Started {
  lab: Lab;
  /** The learner's activity: empty, since the start commands are not the learner's doing. */
  activity: Activity;
  failures: CommandFailure[];
}

/** Put a fresh session in the lesson's start state: its files, then its start commands. */
export function applyStart(session: LabSession, lesson: Lesson): Started {
  const lab = labOf(lesson.start);
  const failures = runCommands(session, newActivity(), lab, lesson.start.commands);
  return { lab, activity: newActivity(), failures };
}

/** Apply the lesson's solution on top of where the lab is: edits, then its commands. */
export function applySolution(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  lesson: Lesson,
): { lab: Lab; failures: CommandFailure[] } {
  const next = editLab(lab, lesson.solution);
  return { lab: next, failures: runCommands(session, activity, next, lesson.solution.commands) };
}
