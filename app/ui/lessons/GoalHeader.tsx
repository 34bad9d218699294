import { strings } from '../strings.ts';

/** The two columns of a goal-state table: the goal, and the learner's. */
export function GoalHeader() {
  return (
    <thead>
      <tr>
        <th scope="col">{strings.lessons.goalColumn}</th>
        <th scope="col">{strings.lessons.yoursColumn}</th>
      </tr>
    </thead>
  );
}
