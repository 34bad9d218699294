/**
 * Goal checks about builds. The `built*` checks and `editRebuilds` ask about the build that
 * made the image a name points at now, so they hold whichever route built it (Build button or
 * terminal) and stay met until that name moves; the `lastBuild*` checks read the last build only.
 */
import type { StepOutcome } from '../build/events.ts';
import type { LabSession } from '../session/session.ts';
import type { BuildView } from '../session/types.ts';
import {
  buildThatMade,
  stepOutcomes,
  type Activity,
  type BuildSource,
  type BuildSummary,
} from './activity.ts';
import {
  countMet,
  countWanted,
  familiar,
  noImage,
  plural,
  result,
  type CheckResult,
  type Evaluator,
} from './checkText.ts';
import type { Count } from './types.ts';

type BuildChecks =
  | 'builtStep'
  | 'builtCached'
  | 'builtRebuilt'
  | 'imageBuilder'
  | 'editRebuilds'
  | 'buildCacheEntries'
  | 'lastBuildCachedAtLeast'
  | 'lastBuildRebuiltAtMost'
  | 'lastBuildStep'
  | 'lastBuildBuilder'
  | 'editRebuildsAtMost';

const noBuild = (): CheckResult => result(false, 'No build has run yet.');

/** The build that made the image `ref` names now, or why there is none. */
function madeBy(ref: string, s: LabSession, a: Activity): BuildSummary | CheckResult {
  const img = s.engine.images.find(ref);
  if (!img) return noImage(ref);
  return (
    buildThatMade(a, img.id, (id) => s.engine.images.get(id)?.configJson) ??
    result(false, `${familiar(ref)} was not made by a build since the lesson started.`)
  );
}

const count = (steps: BuildSummary['steps'], outcome: StepOutcome) =>
  steps.filter((o) => o.outcome === outcome).length;

/** Run a build again on a copy of the session, with `file` edited. */
function rebuildAfterEdit(
  session: LabSession,
  source: BuildSource,
  file: string,
): BuildView | string {
  const copy = session.fresh();
  copy.load(session.save());
  const files = source.via === 'command' ? source.files : source.input.files;
  const f = files.find((x) => x.path === file);
  if (!f) return `${file} is not one of the build's files.`;
  const text = typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content);
  const edited = files.map((x) => (x === f ? { ...x, content: `${text}\n# edited\n` } : x));
  if (source.via === 'build') return copy.build({ ...source.input, files: edited }).build;
  return copy.command(source.line, edited, source.dockerfile).build ?? 'The build did not run.';
}

function editResult(session: LabSession, source: BuildSource, file: string, atMost: number) {
  const view = rebuildAfterEdit(session, source, file);
  if (typeof view === 'string') return result(false, view);
  if (!view.ok) return result(false, `After an edit to ${file}, the build fails.`);
  const built = count(stepOutcomes(view), 'built');
  return result(
    built <= atMost,
    `An edit to ${file} makes the build run ${plural(built, 'step')} (wanted at most ${atMost}).`,
  );
}

/** How many steps of the build that made `c.ref` had this outcome, against the count wanted. */
function builtCount(
  c: { ref: string } & Count,
  s: LabSession,
  a: Activity,
  outcome: StepOutcome,
  said: (n: number) => string,
): CheckResult {
  const b = madeBy(c.ref, s, a);
  if ('met' in b) return b;
  const n = count(b.steps, outcome);
  return result(
    countMet(c, n),
    `The build of ${familiar(c.ref)} ${said(n)} (wanted ${countWanted(c)}).`,
  );
}

export const BUILD_CHECKS: { [K in BuildChecks]: Evaluator<K> } = {
  builtStep: ({ ref, match, outcome }, s, a) => {
    const b = madeBy(ref, s, a);
    if ('met' in b) return b;
    const step = b.steps.find((o) => o.text.includes(match));
    if (!step) return result(false, `The build of ${familiar(ref)} has no step with "${match}".`);
    return result(
      step.outcome === outcome,
      `In the build of ${familiar(ref)}, ${step.text} was ${step.outcome}.`,
    );
  },
  builtCached: (c, s, a) =>
    builtCount(c, s, a, 'cached', (n) => `reused ${plural(n, 'cached step')}`),
  builtRebuilt: (c, s, a) => builtCount(c, s, a, 'built', (n) => `ran ${plural(n, 'step')}`),
  imageBuilder: ({ ref, builder }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    // The image's own top line says who wrote it: BuildKit marks its lines with a comment,
    // the classic builder writes `/bin/sh -c ...` (`#(nop)` for settings).
    const top = img.history.at(-1);
    const used =
      top?.comment === 'buildkit.dockerfile.v0'
        ? 'buildkit'
        : top?.created_by?.startsWith('/bin/sh -c ')
          ? 'classic'
          : undefined;
    const name = (b: string | undefined) =>
      b === 'classic' ? 'the classic builder' : b === 'buildkit' ? 'BuildKit' : 'no builder';
    return result(used === builder, `${familiar(ref)} was made by ${name(used)}.`);
  },
  editRebuilds: ({ ref, file, atMost }, s, a) => {
    const b = madeBy(ref, s, a);
    if ('met' in b) return b;
    return editResult(s, b.source, file, atMost);
  },
  buildCacheEntries: (c, s) => {
    const n = s.engine.cache.entriesList().length;
    return result(
      countMet(c, n),
      `The build cache holds ${n} ${n === 1 ? 'entry' : 'entries'} (wanted ${countWanted(c)}).`,
    );
  },
  lastBuildCachedAtLeast: (n, _s, a) => {
    const view = a.lastBuild?.view;
    if (!view) return noBuild();
    const cached = count(stepOutcomes(view), 'cached');
    return result(
      view.ok && cached >= n,
      view.ok
        ? `The last build reused ${plural(cached, 'cached step')}.`
        : 'The last build failed.',
    );
  },
  lastBuildRebuiltAtMost: (n, _s, a) => {
    const view = a.lastBuild?.view;
    if (!view) return noBuild();
    const built = count(stepOutcomes(view), 'built');
    return result(
      view.ok && built <= n,
      view.ok ? `The last build ran ${plural(built, 'step')}.` : 'The last build failed.',
    );
  },
  lastBuildStep: ({ match, outcome }, _s, a) => {
    const view = a.lastBuild?.view;
    if (!view) return noBuild();
    const step = stepOutcomes(view).find((o) => o.text.includes(match));
    if (!step) return result(false, `The last build has no step with "${match}".`);
    return result(step.outcome === outcome, `In the last build, ${step.text} was ${step.outcome}.`);
  },
  lastBuildBuilder: (builder, _s, a) => {
    const last = a.builds.at(-1);
    if (!last) return noBuild();
    return result(
      last.ok && last.builder === builder,
      `The last build used ${last.builder === 'classic' ? 'the classic builder' : 'BuildKit'}.`,
    );
  },
  editRebuildsAtMost: ({ file, steps }, s, a) => {
    const last = a.lastBuild;
    if (!last) return noBuild();
    if (!last.view.ok) return result(false, 'The last build failed.');
    return editResult(s, last.source, file, steps);
  },
};
