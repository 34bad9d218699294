/**
 * The lab's answers about image names, in words: the line a build prints when a moving tag
 * resolves, and the errors for names it cannot use. Docker's own words where Docker has them (a
 * repository or tag that does not exist on Docker Hub); for a real image this offline lab does
 * not carry, a sentence that says so and names the closest image it has.
 */
import { EngineError } from '../common/diagnostics.ts';
import { fullName } from '../images/reference.ts';
import type { CatalogIndexImage } from './format.ts';
import type { NameAnswer } from './tags.ts';

/** `python:latest` -> `python`: how a learner writes a name whose tag is the default. */
export function shownName(name: string): string {
  return name.endsWith(':latest') ? name.slice(0, -':latest'.length) : name;
}

/**
 * The line under a FROM whose tag moves on Docker Hub.
 *
 * @example movingNote('python:latest', python314, '3.14.7', '2026-08-21')
 * // 'python:latest is a moving tag: this lab used python:3.14 (Python 3.14.10; on 2026-08-21 Docker Hub's python:latest was 3.14.7)'
 */
export function movingNote(
  asked: string,
  image: CatalogIndexImage,
  hubVersion: string | null,
  date: string | undefined,
): string {
  const what = [image.product, image.version].filter(Boolean).join(' ');
  const hub =
    hubVersion && date && hubVersion !== image.version
      ? `; on ${date} Docker Hub's ${asked} was ${hubVersion}`
      : '';
  const used = what
    ? `${image.ref} (${what}${hub})`
    : `${image.ref}${hub ? ` (${hub.slice(2)})` : ''}`;
  return `${asked} is a moving tag: this lab used ${used}`;
}

/** Why an image name cannot be used, in each place the lab says it. */
export interface MissingImage {
  code: 'image-not-in-lab' | 'tag-not-found' | 'base-not-found';
  /** BuildKit's `ERROR: failed to solve:` message. */
  buildkit: string;
  /** The classic builder's message. */
  classic: string;
  /** `docker pull` / `docker run`'s `Error response from daemon: ...` line. */
  pull: string;
  /** What is wrong, in a sentence (the editor's message). */
  headline: string;
  /** What to do about it (the editor's hint). */
  advice: string;
  /** Both, for the step card. */
  hint: string;
  /** The image to switch to, written as a learner would (`python`, `python:3.13-slim`). */
  closest: string | undefined;
}

/** The words for an answer that is not a lab image; undefined for a lab image. */
export function missingImage(answer: NameAnswer): MissingImage | undefined {
  if (answer.kind === 'lab') return undefined;
  const closest = answer.closest !== undefined ? shownName(answer.closest) : undefined;
  const asked = answer.asked;
  if (answer.kind === 'not-in-lab') {
    const where =
      answer.why === 'digest'
        ? 'the lab cannot fetch images by digest'
        : answer.why === 'elsewhere'
          ? 'the lab has no network to look for it in that registry'
          : 'the lab has no network and only the images it carries';
    const sentence =
      answer.why === 'hub'
        ? `${asked} is a real image on Docker Hub, but it is not in this offline lab`
        : `${asked} is not in this offline lab`;
    const line = `${sentence}: ${where}${closest ? ` (closest: ${closest})` : ''}`;
    const headline =
      answer.why === 'hub'
        ? `Docker Hub has ${shownName(asked)}, but this lab works offline with the images in its catalog.`
        : `This lab works offline with the images in its catalog and cannot fetch ${shownName(asked)}.`;
    const advice = closest
      ? `The closest one it has is ${closest}.`
      : 'Build it here first, or pick an image the lab has.';
    return {
      code: 'image-not-in-lab',
      buildkit: line,
      classic: line,
      pull: `Error response from daemon: ${line}`,
      headline,
      advice,
      hint: `${headline} ${advice}`,
      closest,
    };
  }
  const full = fullName(answer.ref);
  const advice = closest
    ? `Did you mean ${closest}?`
    : 'Check the spelling, or pick an image the lab has (python, node, debian, nginx...).';
  if (answer.kind === 'no-such-tag') {
    const tag = answer.ref.tag ?? 'latest';
    return {
      code: 'tag-not-found',
      buildkit: `${asked}: failed to resolve source metadata for ${full}: ${full}: not found`,
      classic: `manifest for ${asked} not found: manifest unknown: manifest unknown`,
      pull: `Error response from daemon: manifest for ${asked} not found: manifest unknown: manifest unknown`,
      headline: `Docker Hub has no tag "${tag}" for ${answer.ref.repository}.`,
      advice,
      hint: `Docker Hub has no tag "${tag}" for ${answer.ref.repository}. ${advice}`,
      closest,
    };
  }
  const repo = answer.ref.repository;
  return {
    code: 'base-not-found',
    buildkit: `${asked}: failed to resolve source metadata for ${full}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    classic: `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    pull: `Error response from daemon: pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    headline: `There is no image called "${repo}" on Docker Hub.`,
    advice,
    hint: `There is no image called "${repo}" on Docker Hub. ${advice}`,
    closest,
  };
}

/** A build's error for a FROM the lab cannot use (BuildKit's words as the message). */
export function missingImageError(m: MissingImage): EngineError {
  return new EngineError(m.code, m.buildkit, undefined, {
    classic: m.classic,
    hint: m.hint,
    ...(m.closest !== undefined ? { switchTo: m.closest } : {}),
  });
}
