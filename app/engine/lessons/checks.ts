/**
 * Goal checks, evaluated over a LabSession's state and the learner's activity. Each answers
 * whether the goal is met and, in a sentence, what the lab shows now (for the checklist).
 */
import type { LabSession } from '../session/session.ts';
import type { Activity } from './activity.ts';
import { BUILD_CHECKS } from './checkBuilds.ts';
import { IMAGE_CHECKS } from './checkImages.ts';
import { REGISTRY_CHECKS } from './checkRegistry.ts';
import { RUN_CHECKS } from './checkRuns.ts';
import { result, type CheckResult, type Evaluator } from './checkText.ts';
import type { Check, CheckName, Goal } from './types.ts';

export { normalizeCommand, type CheckResult } from './checkText.ts';

const EVALUATORS: { [K in CheckName]: Evaluator<K> } = {
  ...IMAGE_CHECKS,
  ...REGISTRY_CHECKS,
  ...RUN_CHECKS,
  ...BUILD_CHECKS,
};

/**
 * Is this check met by the session's state and the learner's activity? Never throws.
 * @example evaluateCheck({ name: 'imageTagged', args: 'app:1' }, session, activity).met
 */
export function evaluateCheck(check: Check, session: LabSession, activity: Activity): CheckResult {
  const run = EVALUATORS[check.name] as Evaluator<CheckName>;
  try {
    return run(check.args, session, activity);
  } catch (e) {
    return result(false, `The check could not run: ${(e as Error).message}`);
  }
}

export function evaluateGoals(
  goals: readonly Goal[],
  session: LabSession,
  activity: Activity,
): (CheckResult & { goal: Goal })[] {
  return goals.map((goal) => ({ goal, ...evaluateCheck(goal.check, session, activity) }));
}
