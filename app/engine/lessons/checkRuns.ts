/** Goal checks about containers (their writable layers) and the commands the learner ran. */
import {
  countMet,
  countWanted,
  familiar,
  plural,
  ranPrefix,
  result,
  type Evaluator,
} from './checkText.ts';

type RunChecks =
  | 'containerExists'
  | 'containersFromImage'
  | 'containersFromIntermediate'
  | 'containerHasInUpper'
  | 'containerLacksInUpper'
  | 'commandRan'
  | 'outputContains';

export const RUN_CHECKS: { [K in RunChecks]: Evaluator<K> } = {
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
      `${plural(n, 'container')} from ${familiar(c.image)} (wanted ${countWanted(c)}).`,
    );
  },
  containersFromIntermediate: (c, s) => {
    const n = s.engine.containers
      .all()
      .filter((x) => s.engine.images.get(x.image)?.intermediate).length;
    return result(
      countMet(c, n),
      `${plural(n, 'container')} from an intermediate image (wanted ${countWanted(c)}).`,
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
};
