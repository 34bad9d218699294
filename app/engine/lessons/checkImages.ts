/** Goal checks about local images: names, files, sizes, layers, config. */
import { analyzeEfficiency } from '../analysis/efficiency.ts';
import { shortId } from '../common/ids.ts';
import { humanSize } from '../common/units.ts';
import { diffId, layerRecords } from '../fs/index.ts';
import {
  countMet,
  countWanted,
  familiar,
  noImage,
  plural,
  result,
  type Evaluator,
} from './checkText.ts';
import type { CheckName } from './types.ts';

type ImageChecks =
  | 'imageTagged'
  | 'imageNotTagged'
  | 'sameImage'
  | 'danglingImages'
  | 'intermediateImages'
  | 'imageUnder'
  | 'imageSmallerThan'
  | 'historyLayers'
  | 'fileInImage'
  | 'fileNotInImage'
  | 'wastedUnder'
  | 'sharedLayers'
  | 'imageEnv'
  | 'imageConfig'
  | 'layerEntry'
  | 'storeImage';

const sizeOf = (layers: readonly { stats: { size: number } }[]): number =>
  layers.reduce((n, l) => n + l.stats.size, 0);

export const IMAGE_CHECKS: { [K in ImageChecks & CheckName]: Evaluator<K> } = {
  imageTagged: (ref, s) => {
    const img = s.engine.images.find(ref);
    return img ? result(true, `${familiar(ref)} is image ${shortId(img.id)}.`) : noImage(ref);
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
    return result(countMet(c, n), `${plural(n, 'dangling image')} (wanted ${countWanted(c)}).`);
  },
  intermediateImages: (c, s) => {
    const n = s.engine.images.all().filter((i) => i.intermediate).length;
    return result(countMet(c, n), `${plural(n, 'intermediate image')} (wanted ${countWanted(c)}).`);
  },
  imageUnder: ({ ref, bytes }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    const size = sizeOf(img.layers);
    return result(
      size < bytes,
      `${familiar(ref)} is ${humanSize(size)}; the budget is ${humanSize(bytes)}.`,
    );
  },
  imageSmallerThan: ({ ref, than }, s) => {
    const a = s.engine.images.find(ref);
    const b = s.engine.images.find(than);
    if (!a || !b) return noImage(a ? than : ref);
    const sa = sizeOf(a.layers);
    const sb = sizeOf(b.layers);
    return result(
      sa < sb,
      `${familiar(ref)} is ${humanSize(sa)}; ${familiar(than)} is ${humanSize(sb)}.`,
    );
  },
  historyLayers: (c, s) => {
    const img = s.engine.images.find(c.ref);
    if (!img) return noImage(c.ref);
    const n = img.layers.length;
    return result(
      countMet(c, n),
      `${familiar(c.ref)} has ${plural(n, 'filesystem layer')} (wanted ${countWanted(c)}).`,
    );
  },
  fileInImage: ({ ref, path, contains }, s) => {
    if (!s.engine.images.find(ref)) return noImage(ref);
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
    if (!s.engine.images.find(ref)) return noImage(ref);
    return s.fileContent({ image: ref }, path).kind === 'missing'
      ? result(true, `${path} is not in ${familiar(ref)}.`)
      : result(false, `${path} is still in ${familiar(ref)}.`);
  },
  wastedUnder: ({ ref, bytes }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
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
      `${c.refs.map(familiar).join(' and ')} share ${plural(n, 'layer')} (wanted ${countWanted(c)}).`,
    );
  },
  imageEnv: ({ ref, name, value }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    const env = ((img.config as { Env?: string[] }).Env ?? []).find((e) =>
      e.startsWith(`${name}=`),
    );
    if (env === undefined) return result(false, `${familiar(ref)} does not set ${name}.`);
    const got = env.slice(name.length + 1);
    return value === undefined || got === value
      ? result(true, `${familiar(ref)} sets ${name}=${got}.`)
      : result(false, `${familiar(ref)} sets ${name}=${got}, not ${value}.`);
  },
  imageConfig: ({ ref, key, contains, equals }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    const value = (img.config as Record<string, unknown>)[key];
    const shown = value === undefined ? 'nothing' : JSON.stringify(value);
    const met =
      (equals === undefined || JSON.stringify(equals) === JSON.stringify(value ?? null)) &&
      (contains === undefined || (value !== undefined && shown.includes(contains)));
    return result(met, `The ${key} of ${familiar(ref)} is ${shown}.`);
  },
  storeImage: ({ store, ref }, s) => {
    // The other store's images are hidden while the lab runs this one, but still there.
    const engine = s.store === store ? s.engine : s.parked.get(store);
    const img = engine?.images.find(ref);
    return img
      ? result(true, `The ${store} store has ${familiar(ref)} (${shortId(img.id)}).`)
      : result(false, `The ${store} store has no ${familiar(ref)} yet.`);
  },
  layerEntry: ({ ref, path, kind }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    const marker = kind === 'opaque' ? '.wh..wh..opq' : `.wh.${path.split('/').pop()}`;
    const has = img.layers.some((l) =>
      [...layerRecords(l.root)].some((r) => r.kind === kind && r.path === path),
    );
    return has
      ? result(true, `A layer of ${familiar(ref)} holds ${path}'s ${kind} entry (${marker}).`)
      : result(false, `No layer of ${familiar(ref)} has the ${kind} entry for ${path}.`);
  },
};
