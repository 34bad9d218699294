/**
 * Playing a lesson headlessly: put a fresh LabSession in the lesson's start state, and apply
 * its solution (edits, then commands) the way a learner would, recording the activity the
 * goal checks read.
 */
import type { ContextFile } from '../build/context.ts';
import { hostFileCommand } from '../cli/hostFiles.ts';
import type { ImageStoreKind } from '../images/stores.ts';
import type { LabSession } from '../session/session.ts';
import type { BuildView } from '../session/types.ts';
import { newActivity, recordCommand, type Activity } from './activity.ts';
import { familiar } from './checkText.ts';
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

export interface LineResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  build: BuildView | undefined;
}

/** `@store overlay2`: a lesson's line for the Build options' Image store switch. */
export const STORE_LINE = /^@store\s+(containerd|overlay2)$/;

const PUSHED = /\{\{pushed ([^\s{}]+)(?: (\d+))?\}\}/g;

/**
 * A lesson's command line with `{{pushed me/app:1.0 1}}` written out as `me/app@sha256:…`, the
 * digest of the first push of that tag (the last push without a number): a digest is only
 * known once the image is built and pushed, and the learner copies it from `docker push`. Left
 * as it is when the registry has no such push (the command then fails as Docker would).
 * @example expandLine(session, 'docker pull {{pushed me/app:1.0 1}}')
 */
export function expandLine(session: LabSession, line: string): string {
  return line.replace(PUSHED, (whole, ref: string, nth?: string) => {
    const name = familiar(ref);
    const digests = session.engine.pushed.digestsPushed(name);
    const digest = nth === undefined ? digests.at(-1) : digests[Number(nth) - 1];
    return digest ? `${name.slice(0, name.lastIndexOf(':'))}@${digest}` : whole;
  });
}

/**
 * One command line in the lab, as the terminal runs it: `touch` and `chmod` change the lab's
 * files, anything else goes to the docker CLI. Recorded in `activity`. `line` in the answer is
 * the line as typed, lesson placeholders written out (expandLine).
 */
export function runLine(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  written: string,
): { lab: Lab; result: LineResult; line: string } {
  const store = STORE_LINE.exec(written.trim())?.[1] as ImageStoreKind | undefined;
  if (store) {
    // Build options → Image store, as the learner switches it (the daemon restarted on the
    // other store: its images and containers hidden, the other store's shown again).
    session.setStore(store);
    const result = { exitCode: 0, stdout: '', stderr: '', build: undefined };
    return { lab, result, line: `# Build options → Image store: ${store}` };
  }
  const line = expandLine(session, written);
  const host = hostFileCommand(line, lab.files);
  if (host) {
    const result = { exitCode: host.exitCode, stdout: host.stdout, stderr: host.stderr };
    activity.commands.push({ line: line.trim(), ...result });
    return { lab: { ...lab, files: host.files }, result: { ...result, build: undefined }, line };
  }
  const r = session.command(line, lab.files, lab.dockerfile);
  // The session records its docker commands in its own activity already.
  if (activity !== session.activity)
    recordCommand(activity, line, r, lab.files, lab.dockerfile, session.configOf(r.build));
  return { lab, result: r, line };
}

/** Run command lines in the lab, recording them: the lab after them, and the ones that failed. */
export function runCommands(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  commands: readonly string[],
): { lab: Lab; failures: CommandFailure[] } {
  const failures: CommandFailure[] = [];
  let now = lab;
  for (const line of commands) {
    const { lab: next, result, line: ran } = runLine(session, activity, now, line);
    now = next;
    if (result.exitCode !== 0)
      failures.push({ line: ran, exitCode: result.exitCode, stderr: result.stderr });
  }
  return { lab: now, failures };
}

export interface Started {
  lab: Lab;
  /** The learner's activity: empty, since the start commands are not the learner's doing. */
  activity: Activity;
  failures: CommandFailure[];
}

/** Put a fresh session in the lesson's start state: its files, then its start commands. */
export function applyStart(session: LabSession, lesson: Lesson): Started {
  session.engine.experimental = lesson.start.daemon.experimental;
  const store = lesson.start.store;
  if (store && session.store !== store) session.setStore(store);
  const { lab, failures } = runCommands(
    session,
    newActivity(),
    labOf(lesson.start),
    lesson.start.commands,
  );
  return { lab, activity: newActivity(), failures };
}

/** Apply the lesson's solution on top of where the lab is: edits, then its commands. */
export function applySolution(
  session: LabSession,
  activity: Activity,
  lab: Lab,
  lesson: Lesson,
): { lab: Lab; failures: CommandFailure[] } {
  return runCommands(session, activity, editLab(lab, lesson.solution), lesson.solution.commands);
}
