/**
 * Goal checks, evaluated over a LabSession's state and the learner's activity. Each answers
 * whether the goal is met and, in a sentence, what the lab shows now (for the checklist).
 */
import { analyzeEfficiency } from '../analysis/efficiency.ts';
import type { StepOutcome } from '../build/events.ts';
import { diffId } from '../fs/index.ts';
import { familiarName, parseImageRef } from '../images/reference.ts';
import type { LabSession } from '../session/session.ts';
import type { BuildView } from '../session/types.ts';
import type { Activity, BuildSource } from './activity.ts';
import type { Check, CheckArgs, CheckName, Count, Goal } from './types.ts';
import { shortId } from '../common/ids.ts';
import { humanSize } from '../common/units.ts';

export interface CheckResult {
  met: boolean;
  /** What the lab shows now, in a sentence. */
  detail: string;
}

const countMet = (c: Count, n: number): boolean =>
  (c.count === undefined || n === c.count) &&
  (c.atLeast === undefined || n >= c.atLeast) &&
  (c.atMost === undefined || n <= c.atMost);

const countWanted = (c: Count): string =>
  [
    c.count !== undefined ? `exactly ${c.count}` : '',
    c.atLeast !== undefined ? `at least ${c.atLeast}` : '',
    c.atMost !== undefined ? `at most ${c.atMost}` : '',
  ]
    .filter(Boolean)
    .join(' and ');

const result = (met: boolean, detail: string): CheckResult => ({ met, detail });

/** `app` → `app:latest`, for comparing names; the text itself when it is no image name. */
function familiar(ref: string): string {
  try {
    return familiarName(parseImageRef(ref));
  } catch {
    return ref;
  }
}

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

const ranPrefix = (line: string, prefix: string): boolean => {
  const a = normalizeCommand(line);
  const b = normalizeCommand(prefix);
  return a === b || a.startsWith(`${b} `);
};

function outcomes(view: BuildView): { text: string; outcome: StepOutcome }[] {
  const start = view.events.find((e) => e.type === 'build-start');
  const steps = start && start.type === 'build-start' ? start.steps : [];
  const out: { text: string; outcome: StepOutcome }[] = [];
  for (const e of view.events) {
    if (e.type === 'step-done') {
      out.push({ text: steps[e.step]?.text ?? '', outcome: e.outcome });
    }
  }
  return out;
}

const lastBuildOf = (activity: Activity): BuildView | undefined => activity.lastBuild?.view;

const noBuild = (): CheckResult => result(false, 'No build has run yet.');

/** Run the last build again on a copy of the session, with `file` edited. */
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

type Evaluator<K extends CheckName> = (
  args: CheckArgs[K],
  session: LabSession,
  activity: Activity,
) => CheckResult;

const EVALUATORS: { [K in CheckName]: Evaluator<K> } = {
  imageTagged: (ref, s) => {
    const img = s.engine.images.find(ref);
    return img
      ? result(true, `${familiar(ref)} is image ${shortId(img.id)}.`)
      : result(false, `There is no image named ${familiar(ref)} yet.`);
  },
  imageNotTagged: (ref, s) =>
    s.engine.images.find(ref)
      ? result(false, `${familiar(ref)} still names an image.`)
      : result(true, `No image is named ${familiar(ref)}.`),
  sameImage: (refs, s) => {
    const ids = refs.map((r) => s.engine.images.find(r)?.id);
    const missing = refs.filter((_, i) => !ids[i]);
    if (missing.length > 0)
      return result(false, `No image is named ${missing.map(familiar).join(', ')}.`);
    return new Set(ids).size === 1
      ? result(true, `${refs.map(familiar).join(' and ')} are the same image.`)
      : result(false, `${refs.map(familiar).join(' and ')} are different images.`);
  },
  danglingImages: (c, s) => {
    const n = s.view().images.filter((i) => i.dangling).length;
    return result(
      countMet(c, n),
      `${n} dangling image${n === 1 ? '' : 's'} (wanted ${countWanted(c)}).`,
    );
  },
  intermediateImages: (c, s) => {
    const n = s.engine.images.all().filter((i) => i.intermediate).length;
    return result(
      countMet(c, n),
      `${n} intermediate image${n === 1 ? '' : 's'} (wanted ${countWanted(c)}).`,
    );
  },
  imageUnder: ({ ref, bytes }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return result(false, `There is no image named ${familiar(ref)} yet.`);
    const size = img.layers.reduce((n, l) => n + l.stats.size, 0);
    return result(
      size < bytes,
      `${familiar(ref)} is ${humanSize(size)}; the budget is ${humanSize(bytes)}.`,
    );
  },
  imageSmallerThan: ({ ref, than }, s) => {
    const a = s.engine.images.find(ref);
    const b = s.engine.images.find(than);
    if (!a || !b) return result(false, `There is no image named ${familiar(a ? than : ref)} yet.`);
    const sa = a.layers.reduce((n, l) => n + l.stats.size, 0);
    const sb = b.layers.reduce((n, l) => n + l.stats.size, 0);
    return result(
      sa < sb,
      `${familiar(ref)} is ${humanSize(sa)}; ${familiar(than)} is ${humanSize(sb)}.`,
    );
  },
  historyLayers: (c, s) => {
    const img = s.engine.images.find(c.ref);
    if (!img) return result(false, `There is no image named ${familiar(c.ref)} yet.`);
    const n = img.layers.length;
    return result(
      countMet(c, n),
      `${familiar(c.ref)} has ${n} filesystem layer${n === 1 ? '' : 's'} (wanted ${countWanted(c)}).`,
    );
  },
  fileInImage: ({ ref, path, contains }, s) => {
    if (!s.engine.images.find(ref))
      return result(false, `There is no image named ${familiar(ref)} yet.`);
    const f = s.fileContent({ image: ref }, path);
    if (f.kind === 'missing') return result(false, `${path} is not in ${familiar(ref)}.`);
    if (contains === undefined) return result(true, `${path} is in ${familiar(ref)}.`);
    const has = f.kind === 'text' && f.text.includes(contains);
    return result(
      has,
      has
        ? `${path} in ${familiar(ref)} contains "${contains}".`
        : `${path} in ${familiar(ref)} does not contain "${contains}".`,
    );
  },
  fileNotInImage: ({ ref, path }, s) => {
    if (!s.engine.images.find(ref))
      return result(false, `There is no image named ${familiar(ref)} yet.`);
    const row = s.fileContent({ image: ref }, path);
    return row.kind === 'missing'
      ? result(true, `${path} is not in ${familiar(ref)}.`)
      : result(false, `${path} is still in ${familiar(ref)}.`);
  },
  wastedUnder: ({ ref, bytes }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return result(false, `There is no image named ${familiar(ref)} yet.`);
    const wasted = analyzeEfficiency(img.layers).wastedBytes;
    return result(
      wasted < bytes,
      `${familiar(ref)} carries ${humanSize(wasted)} of files that later layers hide or delete; the budget is ${humanSize(bytes)}.`,
    );
  },
  sharedLayers: (c, s) => {
    const imgs = c.refs.map((r) => s.engine.images.find(r));
    const missing = c.refs.filter((_, i) => !imgs[i]);
    if (missing.length > 0)
      return result(false, `No image is named ${missing.map(familiar).join(', ')}.`);
    const sets = imgs.map((i) => new Set(i!.layers.map((l) => diffId(l))));
    const n = [...sets[0]!].filter((d) => sets.every((set) => set.has(d))).length;
    return result(
      countMet(c, n),
      `${c.refs.map(familiar).join(' and ')} share ${n} layer${n === 1 ? '' : 's'} (wanted ${countWanted(c)}).`,
    );
  },
  imageEnv: ({ ref, name, value }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return result(false, `There is no image named ${familiar(ref)} yet.`);
    const env = ((img.config as { Env?: string[] }).Env ?? []).find((e) =>
      e.startsWith(`${name}=`),
    );
    if (env === undefined) return result(false, `${familiar(ref)} does not set ${name}.`);
    const got = env.slice(name.length + 1);
    return value === undefined || got === value
      ? result(true, `${familiar(ref)} sets ${name}=${got}.`)
      : result(false, `${familiar(ref)} sets ${name}=${got}, not ${value}.`);
  },
  containerExists: ({ name, image }, s) => {
    const c = s.engine.containers.all().find((x) => x.name === name);
    if (!c) return result(false, `There is no container named ${name}.`);
    if (image === undefined) return result(true, `Container ${name} exists.`);
    const img = s.engine.images.find(image);
    return img && c.image === img.id
      ? result(true, `Container ${name} runs ${familiar(image)}.`)
      : result(false, `Container ${name} runs ${c.imageName}, not ${familiar(image)}.`);
  },
  containersFromImage: (c, s) => {
    const img = s.engine.images.find(c.image);
    const n = img ? s.engine.containers.all().filter((x) => x.image === img.id).length : 0;
    return result(
      countMet(c, n),
      `${n} container${n === 1 ? '' : 's'} from ${familiar(c.image)} (wanted ${countWanted(c)}).`,
    );
  },
  containerHasInUpper: ({ name, path, change }, s) => {
    const c = s.view().containers.find((x) => x.name === name);
    if (!c) return result(false, `There is no container named ${name}.`);
    const ch = c.changes.find((x) => x.path === path);
    if (!ch) return result(false, `${path} is not in ${name}'s writable layer.`);
    return change === undefined || ch.kind === change
      ? result(true, `docker diff ${name} shows ${ch.kind} ${path}.`)
      : result(false, `docker diff ${name} shows ${ch.kind} ${path}, not ${change}.`);
  },
  containerLacksInUpper: ({ name, path }, s) => {
    const c = s.view().containers.find((x) => x.name === name);
    if (!c) return result(false, `There is no container named ${name}.`);
    return c.changes.some((x) => x.path === path)
      ? result(false, `${path} is in ${name}'s writable layer.`)
      : result(true, `${path} is not in ${name}'s writable layer.`);
  },
  lastBuildCachedAtLeast: (n, _s, a) => {
    const view = lastBuildOf(a);
    if (!view) return noBuild();
    const cached = outcomes(view).filter((o) => o.outcome === 'cached').length;
    return result(
      view.ok && cached >= n,
      view.ok
        ? `The last build reused ${cached} cached step${cached === 1 ? '' : 's'}.`
        : 'The last build failed.',
    );
  },
  lastBuildRebuiltAtMost: (n, _s, a) => {
    const view = lastBuildOf(a);
    if (!view) return noBuild();
    const built = outcomes(view).filter((o) => o.outcome === 'built').length;
    return result(
      view.ok && built <= n,
      view.ok
        ? `The last build ran ${built} step${built === 1 ? '' : 's'}.`
        : 'The last build failed.',
    );
  },
  lastBuildStep: ({ match, outcome }, _s, a) => {
    const view = lastBuildOf(a);
    if (!view) return noBuild();
    const step = outcomes(view).find((o) => o.text.includes(match));
    if (!step) return result(false, `The last build has no step with "${match}".`);
    return result(step.outcome === outcome, `In the last build, ${step.text} was ${step.outcome}.`);
  },
  lastBuildBuilder: (builder, _s, a) => {
    const view = lastBuildOf(a);
    if (!view) return noBuild();
    const start = view.events.find((e) => e.type === 'build-start');
    const used = start && start.type === 'build-start' ? start.builder : undefined;
    return result(
      view.ok && used === builder,
      `The last build used ${used === 'classic' ? 'the classic builder' : 'BuildKit'}.`,
    );
  },
  commandRan: (prefix, _s, a) => {
    const hit = a.commands.some((c) => c.exitCode === 0 && ranPrefix(c.line, prefix));
    return result(hit, hit ? `You ran ${prefix}.` : `${prefix} has not run yet.`);
  },
  outputContains: ({ command, text }, _s, a) => {
    const last = [...a.commands].reverse().find((c) => ranPrefix(c.line, command));
    if (!last) return result(false, `${command} has not run yet.`);
    const has = `${last.stdout}${last.stderr}`.includes(text);
    return result(
      has,
      has ? `${command} said "${text}".` : `The last ${command} did not say "${text}".`,
    );
  },
  editRebuildsAtMost: ({ file, steps }, s, a) => {
    const last = a.lastBuild;
    if (!last) return noBuild();
    if (!last.view.ok) return result(false, 'The last build failed.');
    const view = rebuildAfterEdit(s, last.source, file);
    if (typeof view === 'string') return result(false, view);
    if (!view.ok) return result(false, `After an edit to ${file}, the build fails.`);
    const built = outcomes(view).filter((o) => o.outcome === 'built').length;
    return result(
      built <= steps,
      `An edit to ${file} makes the build run ${built} step${built === 1 ? '' : 's'} (wanted at most ${steps}).`,
    );
  },
  pushed: (ref, s) =>
    s.engine.pushed.get(familiar(ref))
      ? result(true, `The registry has ${familiar(ref)}.`)
      : result(false, `The registry has no ${familiar(ref)} yet.`),
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
