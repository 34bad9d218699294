import type { GoJson } from './json.ts';
import { GoObject, goJson, goMap, goStruct } from './json.ts';
import { sha256Digest } from './digest.ts';
import { FIXED_CREATED } from './types.ts';

/** HEALTHCHECK settings; durations in nanoseconds as Go's time.Duration. */
export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime part of an image config (what `docker inspect` shows under Config). */
export interface RunConfig {
  User?: string;
  /** Port specs such as `8080/tcp`. */
  ExposedPorts?: readonly string[];
  Env?: readonly string[];
  Entrypoint?: readonly string[];
  Cmd?: readonly string[];
  Volumes?: readonly string[];
  WorkingDir?: string;
  Labels?: Readonly<Record<string, string>>;
  StopSignal?: string;
  ArgsEscaped?: boolean;
  Healthcheck?: HealthConfig;
  OnBuild?: readonly string[];
  Shell?: readonly string[];
  /** Classic builder only: the parent image ID. */
  Image?: string;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfigInput {
  architecture?: string;
  os?: string;
  variant?: string;
  /** RFC 3339 time; fixed ({@link FIXED_CREATED}) by default so image IDs are reproducible. */
  created?: string;
  author?: string;
  config: RunConfig;
  diffIds: readonly string[];
  history: readonly HistoryEntry[];
  /** Whose struct order the `config` object follows; BuildKit's by default. */
  flavor?: 'buildkit' | 'classic';
  /** More top-level fields (classic `container_config`, `docker_version`...). */
  extra?: Readonly<Record<string, GoJson>>;
}

const set = (keys: readonly string[] | undefined): GoObject | undefined =>
  keys && keys.length > 0 ? goMap(keys.map((k) => [k, new GoObject([])] as const)) : undefined;
const setOrNull = (keys: readonly string[] | undefined): GoObject | null => set(keys) ?? null;
const list = (xs: readonly string[] | undefined): GoJson | undefined =>
  xs && xs.length > 0 ? xs : undefined;
const nonEmpty = (s: string | undefined): string | undefined => (s ? s : undefined);

function health(h: HealthConfig | undefined): GoObject | undefined {
  if (!h) return undefined;
  const nz = (n: number | undefined): number | undefined => (n ? n : undefined);
  return goStruct({
    Test: list(h.Test),
    Interval: nz(h.Interval),
    Timeout: nz(h.Timeout),
    StartPeriod: nz(h.StartPeriod),
    StartInterval: nz(h.StartInterval),
    Retries: nz(h.Retries),
  });
}

const labels = (l: RunConfig['Labels']): GoObject | undefined =>
  l && Object.keys(l).length > 0 ? goMap(Object.entries(l)) : undefined;

/** BuildKit's ImageConfig: image-spec's fields, then Healthcheck, ArgsEscaped, OnBuild, Shell. */
function buildkitConfig(c: RunConfig): GoObject {
  return goStruct({
    User: nonEmpty(c.User),
    ExposedPorts: set(c.ExposedPorts),
    Env: list(c.Env),
    Entrypoint: list(c.Entrypoint),
    Cmd: list(c.Cmd),
    Volumes: set(c.Volumes),
    WorkingDir: nonEmpty(c.WorkingDir),
    Labels: labels(c.Labels),
    StopSignal: nonEmpty(c.StopSignal),
    Healthcheck: health(c.Healthcheck),
    ArgsEscaped: c.ArgsEscaped ? true : undefined,
    // No omitempty on OnBuild: BuildKit configs carry "OnBuild":null.
    OnBuild: c.OnBuild ?? null,
    Shell: list(c.Shell),
  });
}

/** moby's container.Config, every field without omitempty present. */
function classicConfig(c: RunConfig): GoObject {
  return goStruct({
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ExposedPorts: set(c.ExposedPorts),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: c.Env ?? null,
    Cmd: c.Cmd ?? null,
    Healthcheck: health(c.Healthcheck),
    ArgsEscaped: c.ArgsEscaped ? true : undefined,
    Image: c.Image ?? '',
    Volumes: setOrNull(c.Volumes),
    WorkingDir: c.WorkingDir ?? '',
    Entrypoint: c.Entrypoint ?? null,
    OnBuild: c.OnBuild ?? null,
    Labels: labels(c.Labels) ?? null,
    StopSignal: nonEmpty(c.StopSignal),
    Shell: list(c.Shell),
  });
}

/**
 * The image config JSON, byte for byte as Docker writes it: top-level keys sorted (moby and
 * BuildKit both re-marshal through a map), `config` in the builder's struct order, history
 * entries in image-spec order, Go's string escaping.
 *
 * @example
 * const json = imageConfigJson({
 *   config: { Env: ['PATH=/usr/bin'], Cmd: ['sh'] },
 *   diffIds: [diffId(base)],
 *   history: [{ created_by: '/bin/sh' }],
 * });
 */
export function imageConfigJson(input: ImageConfigInput): string {
  const history = input.history.map((h) =>
    goStruct({
      created: h.created,
      created_by: h.created_by,
      author: h.author,
      comment: h.comment,
      empty_layer: h.empty_layer ? true : undefined,
    }),
  );
  const top: [string, GoJson][] = [
    ['architecture', input.architecture ?? 'amd64'],
    [
      'config',
      input.flavor === 'classic' ? classicConfig(input.config) : buildkitConfig(input.config),
    ],
    ['created', input.created ?? FIXED_CREATED],
    ['history', history],
    ['os', input.os ?? 'linux'],
    ['rootfs', goStruct({ type: 'layers', diff_ids: input.diffIds })],
  ];
  if (input.author) top.push(['author', input.author]);
  if (input.variant) top.push(['variant', input.variant]);
  for (const [k, v] of Object.entries(input.extra ?? {})) top.push([k, v]);
  return goJson(goMap(top));
}

/**
 * Image ID: `sha256:` + sha256 of the config JSON bytes.
 *
 * @example
 * imageId(imageConfigJson(input)); // 'sha256:...'
 */
export function imageId(configJson: string): string {
  return sha256Digest(configJson);
}

/**
 * An RFC 3339 time as Go prints it (nanoseconds, trailing zeros dropped).
 *
 * @example
 * goTime(0); // '1970-01-01T00:00:00Z'
 * goTime(1, 500_000_000); // '1970-01-01T00:00:01.5Z'
 */
export function goTime(seconds: number, nanos = 0): string {
  const base = new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19);
  const frac = nanos ? '.' + String(nanos).padStart(9, '0').replace(/0+$/, '') : '';
  return `${base}${frac}Z`;
}
