/**
 * An image config read from a save (the JSON whose sha256 is the image ID): its runtime
 * config, history and `rootfs.diff_ids`, checked against the layers actually read.
 */
import { sha256Digest, type HealthConfig, type RunConfig } from '../../fs/index.ts';
import type { HistoryLine } from '../store.ts';
import { LoadError } from './errors.ts';
import type { LoadedDocument } from './files.ts';

export interface ImageParts {
  config: RunConfig;
  history: HistoryLine[];
  diffIds: string[];
  /** The config's `created`, RFC 3339. */
  created: string | undefined;
  architecture: string;
  os: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
const keys = (v: unknown): string[] | undefined => (isObject(v) ? Object.keys(v) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The runtime config as the engine keeps it (port and volume sets as lists). */
export function runConfigOf(c: Json): RunConfig {
  const nonEmpty = <T extends { length: number }>(v: T | undefined) => (v?.length ? v : undefined);
  const labels = isObject(c.Labels)
    ? Object.fromEntries(
        Object.entries(c.Labels).filter((e): e is [string, string] => typeof e[1] === 'string'),
      )
    : {};
  const fields: RunConfig = {
    User: str(c.User),
    ExposedPorts: nonEmpty(keys(c.ExposedPorts)),
    Env: nonEmpty(strings(c.Env)),
    Entrypoint: nonEmpty(strings(c.Entrypoint)),
    Cmd: nonEmpty(strings(c.Cmd)),
    Volumes: nonEmpty(keys(c.Volumes)),
    WorkingDir: str(c.WorkingDir),
    Labels: Object.keys(labels).length ? labels : undefined,
    StopSignal: str(c.StopSignal),
    ArgsEscaped: c.ArgsEscaped === true ? true : undefined,
    Healthcheck: isObject(c.Healthcheck) ? (c.Healthcheck as HealthConfig) : undefined,
    OnBuild: nonEmpty(strings(c.OnBuild)),
    Shell: nonEmpty(strings(c.Shell)),
    Image: str(c.Image),
  } as RunConfig;
  // Fields the config does not set are left out, as the builder leaves them out.
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as RunConfig;
}

/**
 * Reads a config and checks its diffIDs against the layers read (Docker 28.5's overlay2 store
 * words a mismatch as `invalid diffID for layer N: expected "…", got "…"`).
 *
 * @example
 * imageParts(configJson, [{ diffId: 'sha256:…' }], 'blobs/sha256/…').history.length
 */
export function imageParts(
  configJson: string,
  layers: readonly { diffId: string }[],
  path: string,
): ImageParts {
  let parsed: unknown;
  try {
    parsed = JSON.parse(configJson);
  } catch {
    throw new LoadError('load-bad-json', `The image config ${path} is not valid JSON.`);
  }
  const rootfs = isObject(parsed) && isObject(parsed.rootfs) ? parsed.rootfs : undefined;
  const diffIds = strings(rootfs?.diff_ids);
  if (!isObject(parsed) || !diffIds)
    throw new LoadError(
      'load-bad-config',
      `The file ${path} is not an image config: it has no rootfs.diff_ids.`,
    );
  if (diffIds.length !== layers.length)
    throw new LoadError(
      'load-layer-count',
      `The image config lists ${diffIds.length} layers, but the manifest gives ${layers.length}.`,
    );
  layers.forEach((l, i) => {
    const expected = diffIds[i]!;
    if (l.diffId !== expected)
      throw new LoadError(
        'load-diffid',
        `Layer ${i + 1} does not match the image config: its tar hashes to ${l.diffId}, but the config's rootfs.diff_ids says ${expected}. The layer was changed after docker save wrote it.`,
        { overlay2: `invalid diffID for layer ${i}: expected "${expected}", got "${l.diffId}"` },
      );
  });
  const history = Array.isArray(parsed.history)
    ? parsed.history.filter(isObject).map((h): HistoryLine => {
        const line: { -readonly [K in keyof HistoryLine]: HistoryLine[K] } = {};
        if (typeof h.created === 'string') line.created = h.created;
        if (typeof h.created_by === 'string') line.created_by = h.created_by;
        if (typeof h.comment === 'string' && h.comment) line.comment = h.comment;
        if (h.empty_layer === true) line.empty_layer = true;
        return line;
      })
    : [];
  return {
    config: runConfigOf(isObject(parsed.config) ? parsed.config : {}),
    history,
    diffIds,
    created: str(parsed.created),
    architecture: str(parsed.architecture) ?? 'amd64',
    os: str(parsed.os) ?? 'linux',
  };
}

/**
 * The ID the containerd store gives an image loaded from `manifest.json` alone (the legacy
 * layout): containerd's importer writes a Docker schema 2 manifest over the config and the
 * layer blobs as the archive holds them (containerd core/images/archive/importer.go), compact
 * JSON in the struct's field order; the image is named by that manifest's digest.
 */
export function containerdManifestDigest(image: {
  configJson: string;
  configDigest: string;
  layers: readonly { blob: { digest: string; size: number; mediaType: string } }[];
}): LoadedDocument {
  const dockerLayer = (t: string) =>
    t.endsWith('+gzip')
      ? 'application/vnd.docker.image.rootfs.diff.tar.gzip'
      : t.endsWith('+zstd')
        ? 'application/vnd.oci.image.layer.v1.tar+zstd'
        : 'application/vnd.docker.image.rootfs.diff.tar';
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      digest: image.configDigest,
      size: new TextEncoder().encode(image.configJson).length,
    },
    layers: image.layers.map((l) => ({
      mediaType: dockerLayer(l.blob.mediaType),
      digest: l.blob.digest,
      size: l.blob.size,
    })),
  };
  const json = JSON.stringify(manifest);
  return {
    json,
    descriptor: {
      mediaType: manifest.mediaType,
      digest: sha256Digest(json),
      size: new TextEncoder().encode(json).length,
    },
  };
}
