/**
 * Image references as Docker reads them (distribution/reference): `name[:tag][@digest]`,
 * lower-case path components, an optional registry host, `latest` as the default tag, and
 * Docker Hub's `library/` for one-word official names.
 */
import { EngineError } from '../common/diagnostics.ts';

export interface ImageRef {
  /** Registry host, `docker.io` by default. */
  domain: string;
  /** Repository path as Docker shows it (`app`, `myuser/app`, `localhost:5000/app`). */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\d+)?$/;

function invalid(ref: string, why?: string): never {
  throw new EngineError(
    'invalid-reference',
    why ? `invalid reference format: ${why}` : 'invalid reference format',
    undefined,
    { ref },
  );
}

/**
 * Parse an image reference; throws `invalid reference format` as docker does.
 * @example parseImageRef('python:3.11-slim') // { repository: 'python', tag: '3.11-slim', ... }
 */
export function parseImageRef(ref: string): ImageRef {
  if (ref === '' || ref.length > 255) invalid(ref);
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) invalid(ref);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) invalid(ref);
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    if (!DOMAIN.test(first)) invalid(ref);
    domain = first;
    parts.shift();
  }
  if (parts.length === 0) invalid(ref);
  for (const part of parts) {
    if (!COMPONENT.test(part)) {
      // distribution/reference names the path it read: `library/App` for a Docker Hub name.
      const path =
        domain === 'docker.io' && parts.length === 1 ? `library/${rest}` : parts.join('/');
      if (COMPONENT.test(part.toLowerCase()))
        invalid(ref, `repository name (${path}) must be lowercase`);
      invalid(ref);
    }
  }
  const path = parts.join('/');
  const repository = domain === 'docker.io' ? path.replace(/^library\//, '') : `${domain}/${path}`;
  return { domain, repository, tag, digest };
}

/** `repository:tag` with `latest` filled in, the key tags are stored under. */
export function familiarName(ref: ImageRef): string {
  return `${ref.repository}:${ref.tag ?? 'latest'}`;
}

/** The name a registry knows (`docker.io/library/python:3.11-slim`), for pull output. */
export function fullName(ref: ImageRef): string {
  const path =
    ref.domain === 'docker.io' && !ref.repository.includes('/')
      ? `library/${ref.repository}`
      : ref.repository.replace(new RegExp(`^${ref.domain.replace(/[.]/g, '\\.')}/`), '');
  return `${ref.domain}/${path}:${ref.tag ?? 'latest'}`;
}

/** Whether a string looks like an image ID or an ID prefix rather than a name. */
export function looksLikeId(s: string): boolean {
  return /^(sha256:)?[0-9a-f]{4,64}$/.test(s);
}

/** Whether docker would accept `ref` as an image name (no throw). */
export function isValidImageRef(ref: string): boolean {
  try {
    parseImageRef(ref);
    return true;
  } catch {
    return false;
  }
}
