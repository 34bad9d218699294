/**
 * What a replay of a lesson found wrong (replay.ts), as problems with the lesson file's fields:
 * the parser's kind (field and reason), so problemsAt gives each the line of the command or the
 * goal. Plain data in, plain data out: the page works these out from the worker's replay.
 */
import type { CommandFailure } from './run.ts';
import type { LessonReplay } from './replay.ts';
import type { Lesson } from './types.ts';
import type { FieldError } from './validate.ts';

/** The field of the command that failed: its place in the list, or the list when not found. */
function commandField(list: string, lines: readonly string[], f: CommandFailure): string {
  const at = lines.findIndex((l) => l.trim() === f.line.trim());
  return at < 0 ? list : `${list}[${at}]`;
}

const said = (f: CommandFailure): string =>
  f.stderr.trim().split('\n')[0] || `it exited with status ${f.exitCode}`;

/**
 * What a replay found wrong, as problems with the lesson file's fields (the parser's kind:
 * field and reason), so they point at the line of the command or the goal.
 */
export function replayProblems(lesson: Lesson, replay: LessonReplay): FieldError[] {
  return [
    ...replay.startFailures.map((f) => ({
      field: commandField('start.commands', lesson.start.commands, f),
      reason: `the start command "${f.line}" fails: ${said(f)}`,
    })),
    ...(replay.metAtStart
      ? [
          {
            field: 'goals',
            reason: 'every goal is met at the start already: nothing is left to do',
          },
        ]
      : []),
    ...replay.solutionFailures.map((f) => ({
      field: commandField('solution.commands', lesson.solution.commands, f),
      reason: `the solution's command "${f.line}" fails: ${said(f)}`,
    })),
    ...replay.unmet.map((u) => ({
      field: `goals[${u.index}]`,
      reason: `the solution does not meet "${lesson.goals[u.index]?.text ?? ''}": ${u.detail}`,
    })),
  ];
}
