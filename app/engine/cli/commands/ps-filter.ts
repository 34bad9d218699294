/**
 * Which containers `docker ps` lists, as dockerd decides (moby daemon/list.go): newest first;
 * `--filter` values of one key are alternatives and different keys must all match (`label`
 * values must all match); `name` and `id` are regular expressions (`id` also a unique prefix);
 * `status` lists stopped containers without `-a`; `ancestor` is an image and the images the
 * legacy builder made on it (BuildKit links none); `before`/`since` cut the list at a
 * container; `-n`/`-l` keep the newest, whatever their state. A bad key or value is refused in
 * dockerd's words (docker/cli refuses a filter without `=` before asking).
 */
import { EngineError } from '../../common/diagnostics.ts';
import type { Container } from '../../containers/container.ts';
import type { Engine } from '../../daemon/engine.ts';

/** Every key dockerd accepts (moby daemon/list.go acceptedPsFilterTags). */
const ACCEPTED = [
  'ancestor',
  'before',
  'expose',
  'exited',
  'health',
  'id',
  'isolation',
  'is-task',
  'label',
  'name',
  'network',
  'publish',
  'since',
  'status',
  'volume',
];
/** The keys the lab models; the others name things its containers do not have. */
const MODELLED = ['ancestor', 'before', 'exited', 'id', 'label', 'name', 'since', 'status'];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];

export interface ListOptions {
  all: boolean;
  /** `-n N` (`-l` is 1); 0 or less: no limit. */
  limit: number;
  /** `--filter` values as typed (`name=web`). */
  filters: readonly string[];
}

/** A regular expression as Go's regexp.MatchString reads it; one that does not compile matches nothing. */
function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

/**
 * docker/cli's FilterOpt: `key=value`, the key lower-cased, both trimmed.
 * @example parseFilters(['Name= web ']) // Map { 'name' => ['web'] }
 */
export function parseFilters(values: readonly string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0)
      throw new EngineError(
        'bad-flag',
        `invalid argument "${v}" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee 'docker ps --help'.`,
      );
    const key = v.slice(0, eq).trim().toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), v.slice(eq + 1).trim()]);
  }
  return byKey;
}

/** The images `ancestor=ref` stands for: the image and those whose legacy-builder parents reach it. */
function descendants(engine: Engine, ref: string): string[] {
  const root = engine.images.find(ref);
  if (!root) return [];
  const out = [root.id];
  for (let i = 0; i < out.length; i++)
    for (const child of engine.images.children(out[i]!))
      if (!out.includes(child.id)) out.push(child.id);
  return out;
}

/** dockerd's idOrNameFilter: a full ID or a name, else `No such container`. */
function byIdOrName(list: readonly Container[], value: string): Container {
  const name = value.replace(/^\//, '');
  const found = list.find((c) => c.id === value || c.name === name);
  if (!found)
    throw new EngineError(
      'no-such-container',
      `Error response from daemon: No such container: ${value}`,
    );
  return found;
}

function refuse(message: string): never {
  throw new EngineError('bad-filter', `Error response from daemon: ${message}`);
}

/** The keys and values dockerd refuses, in its words (moby foldFilter). */
function validate(byKey: Map<string, string[]>): void {
  for (const key of byKey.keys()) if (!ACCEPTED.includes(key)) refuse(`invalid filter '${key}'`);
  for (const key of byKey.keys())
    if (!MODELLED.includes(key))
      refuse(
        `the lab's containers have no ${key} to filter by (it filters by ${MODELLED.join(', ')})`,
      );
  for (const x of byKey.get('exited') ?? [])
    if (!/^[+-]?\d+$/.test(x))
      refuse(`invalid filter 'exited=${x}': strconv.Atoi: parsing "${x}": invalid syntax`);
  for (const s of byKey.get('status') ?? [])
    if (!STATES.includes(s))
      refuse(
        `invalid filter 'status=${s}': invalid value for state (${s}): must be one of ${STATES.join(', ')}`,
      );
}

/**
 * The containers `docker ps` shows, newest first; throws an `EngineError` with dockerd's (or
 * docker/cli's) words for a bad filter.
 * @example listContainers(engine, { all: false, limit: 1, filters: ['status=exited'] })
 */
export function listContainers(engine: Engine, opts: ListOptions): Container[] {
  const byKey = parseFilters(opts.filters);
  validate(byKey);
  const values = (key: string) => byKey.get(key) ?? [];
  // Newest first; those created in the same second in the order they were made.
  const sorted = engine.containers
    .all()
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.created - a.c.created || b.order - a.order)
    .map(({ c }) => c);
  let before = values('before').reduce<Container | undefined>(
    (_, v) => byIdOrName(sorted, v),
    undefined,
  );
  const since = values('since').reduce<Container | undefined>(
    (_, v) => byIdOrName(sorted, v),
    undefined,
  );
  const ancestors = byKey.has('ancestor')
    ? new Set(values('ancestor').flatMap((ref) => descendants(engine, ref)))
    : undefined;
  // A status filter lists stopped containers too; so does a limit.
  const all = opts.all || byKey.has('status') || opts.limit > 0;
  const anyOf = (key: string, test: (v: string) => boolean) =>
    !byKey.has(key) || values(key).some(test);
  const idPrefix = (v: string) => sorted.filter((c) => c.id.startsWith(v)).length === 1;
  const shown: Container[] = [];
  for (const c of sorted) {
    if (before) {
      if (c.id === before.id) before = undefined;
      continue;
    }
    if (since && c.id === since.id) break;
    if (opts.limit > 0 && shown.length === opts.limit) break;
    const labels: Readonly<Record<string, string>> =
      engine.images.get(c.image)?.config.Labels ?? {};
    const keep =
      (all || c.state === 'running') &&
      anyOf('name', (v) => matches(v, `/${c.name}`) || matches(v, c.name)) &&
      anyOf('id', (v) => idPrefix(v) && c.id.startsWith(v) && matches(v, c.id)) &&
      values('label').every((v) => {
        const [k, want] = v.split(/=(.*)/s);
        return k! in labels && (want === undefined || labels[k!] === want);
      }) &&
      anyOf('exited', (v) => c.state === 'exited' && c.exitCode === Number(v)) &&
      anyOf('status', (v) => c.state === v) &&
      (!ancestors || ancestors.has(c.image));
    if (keep) shown.push(c);
  }
  return shown;
}
