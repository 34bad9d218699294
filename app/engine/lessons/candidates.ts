/**
 * The states of the lab a goal can be written from, for the lesson builder: each is a goal
 * check that holds now (built images and their steps, cache hits, image config, whiteout and
 * opaque entries in layers, containers and their writable layers). The teacher picks from
 * them; no goal is ever a free-form command.
 */
import { layerRecords } from '../fs/index.ts';
import type { LabSession } from '../session/session.ts';
import { buildThatMade } from './activity.ts';
import { evaluateCheck } from './checks.ts';
import type { Check } from './types.ts';

/** Config keys a goal may ask about (Env goes one variable a goal, as imageEnv). */
const CONFIG_KEYS = [
  'Cmd',
  'Entrypoint',
  'WorkingDir',
  'User',
  'ExposedPorts',
  'Volumes',
  'Labels',
  'StopSignal',
  'Healthcheck',
];
/** Enough to pick from without a wall of rows. */
const MAX_ENTRIES = 20;

function imageStates(session: LabSession, ref: string): Check[] {
  const engine = session.engine;
  const img = engine.images.find(ref);
  if (!img) return [];
  const out: Check[] = [{ name: 'imageTagged', args: ref }];
  const made = buildThatMade(session.activity, img.id, (id) => engine.images.get(id)?.configJson);
  // A base image pulled as it is: its name is a state; its config and layers are not the lesson's.
  if (!made && engine.pulled.has(ref)) return out;
  if (made) {
    const n = (o: string) => made.steps.filter((s) => s.outcome === o).length;
    out.push({ name: 'imageBuilder', args: { ref, builder: made.builder } });
    out.push({ name: 'builtCached', args: { ref, count: n('cached') } });
    out.push({ name: 'builtRebuilt', args: { ref, count: n('built') } });
    for (const s of made.steps) {
      if (s.outcome === 'cached' || s.outcome === 'built')
        out.push({ name: 'builtStep', args: { ref, match: s.text, outcome: s.outcome } });
    }
  }
  out.push({ name: 'historyLayers', args: { ref, count: img.layers.length } });
  const config = img.config as Record<string, unknown>;
  for (const key of CONFIG_KEYS) {
    if (config[key] !== undefined && config[key] !== null)
      out.push({ name: 'imageConfig', args: { ref, key, equals: config[key] } });
  }
  for (const e of (config.Env as string[] | undefined) ?? []) {
    const eq = e.indexOf('=');
    if (eq > 0)
      out.push({ name: 'imageEnv', args: { ref, name: e.slice(0, eq), value: e.slice(eq + 1) } });
  }
  const entries: Check[] = [];
  for (const layer of img.layers) {
    for (const r of layerRecords(layer.root)) {
      if ((r.kind === 'whiteout' || r.kind === 'opaque') && entries.length < MAX_ENTRIES)
        entries.push({ name: 'layerEntry', args: { ref, path: r.path, kind: r.kind } });
    }
  }
  return [...out, ...entries];
}

function containerStates(session: LabSession): Check[] {
  return session.view().containers.flatMap((c): Check[] => [
    { name: 'containerExists', args: { name: c.name, image: c.image } },
    ...c.changes.slice(0, MAX_ENTRIES).map((ch): Check => ({
      name: 'containerHasInUpper',
      args: { name: c.name, path: ch.path, change: ch.kind },
    })),
  ]);
}

/**
 * Every state of the lab a goal can hold the learner to, as checks that are met now: images
 * made by a build since the lab's activity began first, then the other images, then containers.
 * @example goalCandidates(session).find((c) => c.name === 'builtCached')
 */
export function goalCandidates(session: LabSession): Check[] {
  const images = session.view().images.filter((i) => !i.dangling);
  const built = (id: string) => session.activity.builds.some((b) => b.imageId === id);
  const ordered = [...images.filter((i) => built(i.id)), ...images.filter((i) => !built(i.id))];
  const checks = [
    ...ordered.flatMap((i) => i.names.flatMap((ref) => imageStates(session, ref))),
    ...containerStates(session),
  ];
  // Only what holds now: a candidate the engine cannot confirm is no goal to offer.
  return checks.filter((c) => evaluateCheck(c, session, session.activity).met);
}
