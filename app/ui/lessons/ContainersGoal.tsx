/**
 * The goal state of a lesson about containers: each container its goals name, its writable
 * layer as `docker diff` lists it after the solution, beside the learner's container of that
 * name. A change the learner lacks (or has and the goal does not) is marked.
 */
import type { ContainersPar, ContainerState } from '../../engine/lessons/par.ts';
import { strings } from '../strings.ts';
import { GoalHeader } from './GoalHeader.tsx';

type Change = ContainerState['changes'][number];
const key = (c: Change) => `${c.kind} ${c.path}`;

function Changes({ state, other }: { state: ContainerState; other: ContainerState | undefined }) {
  if (state.changes.length === 0)
    return <p className="goal-cell-note">{strings.lessons.noChanges}</p>;
  const theirs = new Set(other?.changes.map(key));
  return (
    <ul className="goal-changes">
      {state.changes.map((c) => {
        const differs = other !== undefined && !theirs.has(key(c));
        return (
          <li key={key(c)} data-differs={differs || undefined}>
            <span className="goal-change-kind" aria-hidden="true">
              {c.kind}
            </span>
            <span className="visually-hidden">{strings.lessons.changeKinds[c.kind]}</span>{' '}
            <span className="goal-step">{c.path}</span>
            {differs && <span className="visually-hidden">, {strings.lessons.differs}</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function ContainersGoal({ par }: { par: ContainersPar }) {
  return (
    <>
      <p className="lesson-muted">{strings.lessons.goalContainersIntro}</p>
      {par.goal.map((goal, i) => {
        const yours = par.yours[i];
        return (
          <table className="goal-stacks" key={goal.name} data-testid="lesson.goalContainer">
            <caption>{strings.lessons.containerCaption(goal.name, goal.image)}</caption>
            <GoalHeader />
            <tbody>
              <tr>
                <td className="goal-cell">
                  <Changes state={goal} other={undefined} />
                </td>
                {yours ? (
                  <td className="goal-cell">
                    <Changes state={yours} other={goal} />
                  </td>
                ) : (
                  <td className="goal-cell goal-cell-empty">{strings.lessons.notRunYet}</td>
                )}
              </tr>
            </tbody>
          </table>
        );
      })}
    </>
  );
}
