/**
 * Image names as Docker Hub resolves them, answered from the lab's catalog: `python` is
 * `python:latest`, `docker.io/library/python:3.13` is `python:3.13`, version aliases (`3`,
 * `3.13-slim-trixie`, `lts`...) name catalog images. A name the lab does not have is one of
 * three things: a real image the offline lab lacks (Docker Hub lists its tag, or an older tag of
 * the same shape), a tag Docker Hub does not have, or a repository that does not exist. Each
 * answer names the closest image the lab has.
 */
import { distance as editDistance } from 'fastest-levenshtein';
import { parseImageRef, type ImageRef } from '../images/reference.ts';
import type { CatalogIndexImage, HubTags } from './format.ts';

export interface CatalogNames {
  images: readonly CatalogIndexImage[];
  /** Docker Hub's official tags; without them a name the lab lacks cannot be told real or not. */
  hub: HubTags | undefined;
}

export type NameAnswer =
  | {
      kind: 'lab';
      /** The familiar name asked for (`python:latest`). */
      asked: string;
      image: CatalogIndexImage;
      /** Set when the tag moves on Docker Hub: what it named there at the snapshot. */
      moving: { hubVersion: string | null } | undefined;
    }
  | {
      /** Real on Docker Hub (or a registry the lab cannot ask), not in this offline lab. */
      kind: 'not-in-lab';
      asked: string;
      /** None for a name in another namespace the lab knows nothing like (`someone/app`). */
      closest: string | undefined;
      /** `hub`: Docker Hub lists it; `elsewhere`: another namespace or registry; `digest`. */
      why: 'hub' | 'elsewhere' | 'digest';
    }
  | { kind: 'no-such-tag'; asked: string; ref: ImageRef; closest: string | undefined }
  | { kind: 'no-such-repository'; asked: string; ref: ImageRef; closest: string | undefined };

/** Images of repositories the lab lacks, by what they are for; the rest get DEFAULT_CLOSEST. */
const RELATED: Record<string, string> = {
  ubuntu: 'debian:trixie-slim',
  alpine: 'debian:trixie-slim',
  fedora: 'debian:trixie-slim',
  centos: 'debian:trixie-slim',
  rockylinux: 'debian:trixie-slim',
  almalinux: 'debian:trixie-slim',
  amazonlinux: 'debian:trixie-slim',
  archlinux: 'debian:trixie-slim',
  openjdk: 'eclipse-temurin:21-jdk',
  amazoncorretto: 'eclipse-temurin:21-jdk',
  'ibm-semeru-runtimes': 'eclipse-temurin:21-jdk',
  maven: 'eclipse-temurin:21-jdk',
  gradle: 'eclipse-temurin:21-jdk',
  tomcat: 'eclipse-temurin:21-jre',
  mysql: 'postgres:17',
  mariadb: 'postgres:17',
  mongo: 'postgres:17',
  memcached: 'redis:8.0',
  valkey: 'redis:8.0',
  caddy: 'nginx:1.26',
  traefik: 'nginx:1.26',
  haproxy: 'nginx:1.26',
  pypy: 'python:3.14',
  rust: 'buildpack-deps:trixie',
  gcc: 'buildpack-deps:trixie',
  wordpress: 'php:8.4-apache',
  composer: 'php:8.4-cli',
};
const DEFAULT_CLOSEST = 'debian:trixie-slim';

/** Distribution code names, so `3.9-buster` has the shape of `3.14-bookworm`. */
const CODENAMES =
  /\b(?:jessie|stretch|buster|bullseye|bookworm|trixie|forky|duke|xenial|bionic|focal|jammy|noble|oracular|plucky|questing|resolute)\b/g;
const DEBIAN_RELEASES: Record<string, string> = {
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

/** A tag's shape: digits as `0`, code names as `@` (`3.9-slim-buster` -> `0.0-slim-@`). */
export function tagShape(tag: string): string {
  return tag.replace(CODENAMES, '@').replace(/\d+/g, '0');
}

function familiarOf(ref: ImageRef): string {
  return `${ref.repository}:${ref.tag ?? 'latest'}`;
}

function tagOf(name: string): string {
  return name.slice(name.lastIndexOf(':') + 1);
}

function repoOf(name: string): string {
  return name.slice(0, name.lastIndexOf(':'));
}

/** The catalog image a familiar name (`repo:tag`) names, if any. */
function labImage(names: CatalogNames, familiar: string): CatalogIndexImage | undefined {
  return names.images.find((i) => i.ref === familiar || i.aliases.includes(familiar));
}

/** `3.12-alpine` -> [3, 12]; `lts` -> undefined. Debian code names count as their release. */
function versionIn(tag: string, repo: string): number[] | undefined {
  const named = repo === 'debian' ? tag.replace(CODENAMES, (c) => DEBIAN_RELEASES[c] ?? c) : tag;
  const m = /^v?(\d+(?:\.\d+)*)/.exec(named);
  return m?.[1] ? m[1].split('.').map(Number) : undefined;
}

/**
 * How far version `b` is from the wanted `a`, counting only the parts `a` names: `3.12` is as
 * far from 3.13.5 as from 3.11.2 (the caller prefers the newer one on a tie).
 */
function versionDistance(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < 3; i++)
    d = d * 1000 + (i < a.length ? Math.abs((a[i] ?? 0) - (b[i] ?? 0)) : 0);
  return d;
}

const words = (tag: string) =>
  new Set(tag.split(/[-_.]/).filter((w) => w !== '' && !/^\d/.test(w)));

/**
 * The lab image closest to `repo:tag`: an `-alpine` tag as its `-slim` twin, else the same
 * variant (slim or full) at the nearest version (the newer one on a tie), sharing most words
 * (`jdk`, `apache`); a repository the lab lacks gets an image made for the same job.
 *
 * @example closestImage(names, 'python', '3.12-alpine') // 'python:3.13-slim'
 */
export function closestImage(names: CatalogNames, repo: string, tag: string): string {
  const own = names.images.filter((i) => repoOf(i.ref) === repo);
  if (own.length === 0) {
    const related = RELATED[repo];
    return related !== undefined && labImage(names, related) ? related : DEFAULT_CLOSEST;
  }
  const slimmed = tag
    .replace(/alpine[\d.]*/, 'slim')
    .replace(/-slim-slim/, '-slim')
    .replace(/^slim-slim/, 'slim');
  const twin = labImage(names, `${repo}:${slimmed}`);
  if (twin && slimmed !== tag) return twin.ref;
  const wantSlim = /slim|alpine/.test(tag);
  const variant = own.filter((i) => /slim/.test(tagOf(i.ref)) === wantSlim);
  const pool = variant.length > 0 ? variant : own;
  const want = versionIn(tag, repo);
  const wanted = words(tag);
  const score = (i: CatalogIndexImage): number => {
    const have = i.version ? i.version.split('.').map(Number) : [];
    const v = want
      ? versionDistance(want, have) * 10 - (have[0] ?? 0) * 1e-3 - (have[1] ?? 0) * 1e-6
      : 0;
    const shared = [...words(tagOf(i.ref))].filter((w) => wanted.has(w)).length;
    // No version asked: the image Docker Hub's latest (or slim) would be.
    const latest = !want && i.aliases.some((a) => tagOf(a) === (wantSlim ? 'slim' : 'latest'));
    return v - shared * 0.5 - (latest ? 1 : 0);
  };
  return [...pool].sort((a, b) => score(a) - score(b) || (a.ref < b.ref ? -1 : 1))[0]!.ref;
}

/** The nearest of `options` to `word` if it is close enough to be a typo of it. */
function nearest(word: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word, o);
    if (d < bestD || (d === bestD && best !== undefined && o < best)) [best, bestD] = [o, d];
  }
  // Two edits from five letters on: a swap of two letters (ngnix) is two edits for Levenshtein.
  return best !== undefined && bestD <= Math.max(1, Math.round(word.length / 3)) ? best : undefined;
}

/** Whether Docker Hub has (or had) `repo:tag`: listed, or shaped like a listed tag. */
function hubHasTag(tags: readonly string[], tag: string): boolean {
  if (tags.includes(tag)) return true;
  const shape = tagShape(tag);
  return tags.some((t) => tagShape(t) === shape);
}

/**
 * What the lab makes of an image name. Throws the reference parser's EngineError for a name
 * that is not a valid reference.
 *
 * @example answerFor('python', names) // { kind: 'lab', image: python:3.14, moving: {...} }
 */
export function answerFor(name: string, names: CatalogNames): NameAnswer {
  const ref = parseImageRef(name);
  const asked = familiarOf(ref);
  if (ref.digest !== undefined)
    return {
      kind: 'not-in-lab',
      asked: `${ref.repository}@${ref.digest}`,
      closest: closestImage(names, ref.repository, ref.tag ?? 'latest'),
      why: 'digest',
    };
  const tag = ref.tag ?? 'latest';
  const image = labImage(names, asked);
  if (image) {
    const moving = image.moving && tag in image.moving ? image.moving[tag] : undefined;
    return {
      kind: 'lab',
      asked,
      image,
      moving: moving !== undefined ? { hubVersion: moving } : undefined,
    };
  }
  const repo = ref.repository;
  const official = ref.domain === 'docker.io' && !repo.includes('/');
  if (!official) {
    // Another namespace or registry: the lab cannot ask it whether the image exists.
    const base = repo.slice(repo.lastIndexOf('/') + 1);
    const known = names.images.some((i) => repoOf(i.ref) === base) || base in RELATED;
    return {
      kind: 'not-in-lab',
      asked,
      closest: known ? closestImage(names, base, tag) : undefined,
      why: 'elsewhere',
    };
  }
  const hub = names.hub;
  const labRepos = new Set(names.images.map((i) => repoOf(i.ref)));
  const hubTags = hub?.repos[repo];
  if (hubTags || (!hub && labRepos.has(repo))) {
    if (!hubTags || hubHasTag(hubTags, tag))
      return { kind: 'not-in-lab', asked, closest: closestImage(names, repo, tag), why: 'hub' };
    const labTags = names.images
      .filter((i) => repoOf(i.ref) === repo)
      .flatMap((i) => [i.ref, ...i.aliases].map(tagOf));
    const typo = nearest(tag, labTags);
    return {
      kind: 'no-such-tag',
      asked,
      ref,
      closest: typo
        ? (labImage(names, `${repo}:${typo}`)?.ref ?? `${repo}:${typo}`)
        : labRepos.has(repo)
          ? closestImage(names, repo, tag)
          : undefined,
    };
  }
  const typo = nearest(repo, labRepos);
  let closest: string | undefined;
  if (typo)
    closest = labImage(names, `${typo}:${tag}`) ? `${typo}:${tag}` : closestImage(names, typo, tag);
  return { kind: 'no-such-repository', asked, ref, closest };
}
