/**
 * Goal checks about the lab's registry: what was pushed under a tag, and whether a local image
 * is one the registry keeps by digest (the only name that never moves).
 */
import { shortId } from '../common/ids.ts';
import { repoDigestsOf } from '../daemon/distribution.ts';
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

type RegistryChecks = 'pushed' | 'pushedDigests' | 'digestPinned';

export const REGISTRY_CHECKS: { [K in RegistryChecks & CheckName]: Evaluator<K> } = {
  pushed: (ref, s) =>
    s.engine.pushed.get(familiar(ref))
      ? result(true, `The registry has ${familiar(ref)}.`)
      : result(false, `The registry has no ${familiar(ref)} yet.`),
  pushedDigests: ({ ref, ...count }, s) => {
    const digests = s.engine.pushed.digestsPushed(familiar(ref));
    const shown = digests.map((d) => shortId(d)).join(', ');
    return result(
      countMet(count, digests.length),
      digests.length === 0
        ? `The registry has no ${familiar(ref)} yet.`
        : `${familiar(ref)} in the registry has named ${plural(digests.length, 'image')} (${shown}); wanted ${countWanted(count)}.`,
    );
  },
  digestPinned: ({ ref }, s) => {
    const img = s.engine.images.find(ref);
    if (!img) return noImage(ref);
    const kept = repoDigestsOf(s.engine, img.id).find((d) => s.engine.pushed.get(d));
    return kept
      ? result(
          true,
          `${familiar(ref)} is ${kept.slice(0, kept.indexOf('@') + 20)}…, as the registry keeps it.`,
        )
      : result(
          false,
          `The registry keeps no digest of the image ${familiar(ref)} names (${shortId(img.id)}).`,
        );
  },
};
