/**
 * The lesson's goal state, as in learnGitBranching: the image its solution makes beside the
 * learner's image of the same name (history lines, later steps above, the base at the bottom,
 * as the layer stack draws them), and the par: steps rebuilt, bytes, bytes hidden or deleted.
 */
import type { HistoryRow, ImagePar, ImageState, LessonPar } from '../../engine/lessons/par.ts';
import { ContainersGoal } from './ContainersGoal.tsx';
import { formatBytes } from '../format.ts';
import { strings } from '../strings.ts';
import './goalState.css';
import { GoalHeader } from './GoalHeader.tsx';

/** A history line as the learner wrote it: the shell and BuildKit's marker left out. */
export function stepText(createdBy: string): string {
  return createdBy
    .replace(/\s+# buildkit$/, '')
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    .replace(/^(RUN )?\/bin\/sh -c /, 'RUN ')
    .trim();
}

function Cell({ row, differs }: { row: HistoryRow | undefined; differs: boolean }) {
  if (!row) return <td className="goal-cell goal-cell-empty" />;
  const text = stepText(row.createdBy);
  return (
    <td className="goal-cell" data-differs={differs || undefined}>
      <span className="goal-step">{text}</span>
      <span className="goal-size">
        {row.empty ? strings.lessons.metadataSize : formatBytes(row.size)}
      </span>
      {differs && <span className="visually-hidden">, {strings.lessons.differs}</span>}
    </td>
  );
}

const figure = (n: number | undefined, bytes: boolean) =>
  n === undefined ? (
    <span aria-label={strings.lessons.parNoneLabel}>{strings.lessons.parNone}</span>
  ) : bytes ? (
    formatBytes(n)
  ) : (
    String(n)
  );

function ParTable({ goal, yours }: { goal: ImageState; yours: ImageState | undefined }) {
  const rows: [string, keyof Pick<ImageState, 'rebuilt' | 'bytes' | 'wasted'>, boolean][] = [
    [strings.lessons.parRebuilt, 'rebuilt', false],
    [strings.lessons.parBytes, 'bytes', true],
    [strings.lessons.parWasted, 'wasted', true],
  ];
  return (
    <table className="goal-par" data-testid="lesson.par">
      <caption>{strings.lessons.parCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.lessons.parFigure}</th>
          <th scope="col">{strings.lessons.goalColumn}</th>
          <th scope="col">{strings.lessons.yoursColumn}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, key, bytes]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td>{figure(goal[key], bytes)}</td>
            <td>{yours ? figure(yours[key], bytes) : strings.lessons.parNone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function GoalState({ par }: { par: LessonPar }) {
  return (
    <details className="lesson-section goal-state" open data-testid="lesson.goalState">
      <summary className="lesson-section-title">{strings.lessons.goalState}</summary>
      {par.kind === 'image' ? <ImageGoal par={par} /> : <ContainersGoal par={par} />}
    </details>
  );
}

function ImageGoal({ par }: { par: ImagePar }) {
  const { goal, yours } = par;
  const depth = Math.max(goal.history.length, yours?.history.length ?? 0);
  // Top of the stack first: index from the top, so the bases line up at the bottom.
  const at = (list: readonly HistoryRow[], i: number) => list[list.length - depth + i];
  const lines = Array.from({ length: depth }, (_, i) => i);
  return (
    <>
      <p className="lesson-muted">{strings.lessons.goalStateIntro(goal.ref)}</p>
      <table className="goal-stacks">
        <GoalHeader />
        <tbody>
          {lines.map((i) => {
            const g = at(goal.history, i);
            const y = yours ? at(yours.history, i) : undefined;
            const differs =
              yours !== undefined && (g?.createdBy !== y?.createdBy || g?.size !== y?.size);
            return (
              <tr key={i}>
                <Cell row={g} differs={false} />
                {yours ? (
                  <Cell row={y} differs={differs} />
                ) : i === 0 ? (
                  <td className="goal-cell goal-cell-empty" rowSpan={depth}>
                    {strings.lessons.notBuiltYet}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ParTable goal={goal} yours={yours} />
    </>
  );
}
