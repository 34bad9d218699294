/**
 * The lesson schema, in code: the front matter's fields and every goal check's arguments,
 * made of the validators in validate.ts. Every error names its field path.
 */
import type { BuilderKind, StepOutcome } from '../build/events.ts';
import { IMAGE_STORES } from '../images/stores.ts';
import { STORE_LINE } from './run.ts';
import type {
  Check,
  CheckArgs,
  CheckName,
  Count,
  Golf,
  LessonBuildSettings,
  LessonFile,
  LessonSolution,
  LessonStart,
  Myth,
  PredictQuestion,
} from './types.ts';
import {
  closest,
  count,
  isRecord,
  join,
  kindOf,
  lines,
  list,
  nonEmpty,
  num,
  obj,
  oneOf,
  opt,
  record,
  req,
  str,
  type FromShape,
  type Shape,
  type V,
} from './validate.ts';

export type { FieldError, V } from './validate.ts';

/** A file: text (or lines), or `{ content, mode: "755" }`. */
const lessonFile: V<LessonFile> = (v, field, errors) => {
  if (typeof v === 'string' || Array.isArray(v)) {
    const content = lines(v, field, errors);
    return content === undefined ? undefined : { content };
  }
  const f = obj({ content: req(lines), mode: opt(str) })(v, field, errors);
  if (!f) return undefined;
  if (f.mode === undefined) return { content: f.content };
  if (!/^[0-7]{3,4}$/.test(f.mode)) {
    errors.push({
      field: `${field}.mode`,
      reason: `expected octal permission bits like "755", found '${f.mode}'`,
    });
    return undefined;
  }
  return { content: f.content, mode: parseInt(f.mode, 8) };
};

const files = record(lessonFile);
/** A command line; `@…` lines are lesson directives, of which only `@store <store>` exists. */
const command: V<string> = (v, field, errors) => {
  const line = nonEmpty(v, field, errors);
  if (line === undefined || !line.trim().startsWith('@') || STORE_LINE.test(line.trim()))
    return line;
  errors.push({
    field,
    reason: `unknown directive '${line.trim()}': the only one is '@store containerd' or '@store overlay2' (the Image store switch)`,
  });
  return undefined;
};
const commands = list(command);

const OUTCOMES: readonly StepOutcome[] = [
  'base',
  'cached',
  'built',
  'metadata',
  'skipped',
  'failed',
  'canceled',
];
const BUILDERS: readonly BuilderKind[] = ['buildkit', 'classic'];

/** Count fields, of which at least one must be given. */
const countShape = { count: opt(count), atLeast: opt(count), atMost: opt(count) };
const withCount =
  <S extends Shape>(shape: S): V<FromShape<S & typeof countShape>> =>
  (v, field, errors) => {
    const r = obj({ ...shape, ...countShape })(v, field, errors);
    if (!r) return undefined;
    const c = r as Count;
    if (c.count === undefined && c.atLeast === undefined && c.atMost === undefined) {
      errors.push({ field, reason: 'needs one of count, atLeast, atMost' });
      return undefined;
    }
    return r;
  };

const refs: V<string[]> = (v, field, errors) => {
  const r = list(nonEmpty)(v, field, errors);
  if (r && r.length < 2) {
    errors.push({ field, reason: `expected at least 2 image names, found ${r.length}` });
    return undefined;
  }
  return r;
};

export const CHECKS: { [K in CheckName]: V<CheckArgs[K]> } = {
  imageTagged: nonEmpty,
  imageNotTagged: nonEmpty,
  sameImage: refs,
  danglingImages: withCount({}),
  intermediateImages: withCount({}),
  imageUnder: obj({ ref: req(nonEmpty), bytes: req(num) }),
  imageSmallerThan: obj({ ref: req(nonEmpty), than: req(nonEmpty) }),
  historyLayers: withCount({ ref: req(nonEmpty) }),
  fileInImage: obj({ ref: req(nonEmpty), path: req(nonEmpty), contains: opt(str) }),
  fileNotInImage: obj({ ref: req(nonEmpty), path: req(nonEmpty) }),
  wastedUnder: obj({ ref: req(nonEmpty), bytes: req(num) }),
  sharedLayers: withCount({ refs: req(refs) }),
  imageEnv: obj({ ref: req(nonEmpty), name: req(nonEmpty), value: opt(str) }),
  containerExists: obj({ name: req(nonEmpty), image: opt(nonEmpty) }),
  containersFromImage: withCount({ image: req(nonEmpty) }),
  containerHasInUpper: obj({
    name: req(nonEmpty),
    path: req(nonEmpty),
    change: opt(oneOf(['A', 'C', 'D'] as const)),
  }),
  containerLacksInUpper: obj({ name: req(nonEmpty), path: req(nonEmpty) }),
  builtStep: obj({ ref: req(nonEmpty), match: req(nonEmpty), outcome: req(oneOf(OUTCOMES)) }),
  builtCached: withCount({ ref: req(nonEmpty) }),
  builtRebuilt: withCount({ ref: req(nonEmpty) }),
  imageBuilder: obj({ ref: req(nonEmpty), builder: req(oneOf(BUILDERS)) }),
  editRebuilds: obj({ ref: req(nonEmpty), file: req(nonEmpty), atMost: req(count) }),
  imageConfig: (v, field, errors) => {
    const r = obj({
      ref: req(nonEmpty),
      key: req(nonEmpty),
      contains: opt(str),
      equals: opt(anything),
    })(v, field, errors);
    if (r && r.contains === undefined && r.equals === undefined) {
      errors.push({ field, reason: 'needs contains or equals' });
      return undefined;
    }
    return r;
  },
  layerEntry: obj({
    ref: req(nonEmpty),
    path: req(nonEmpty),
    kind: req(oneOf(['whiteout', 'opaque'] as const)),
  }),
  containersFromIntermediate: withCount({}),
  buildCacheEntries: withCount({}),
  lastBuildCachedAtLeast: count,
  lastBuildRebuiltAtMost: count,
  lastBuildStep: obj({ match: req(nonEmpty), outcome: req(oneOf(OUTCOMES)) }),
  lastBuildBuilder: oneOf(BUILDERS),
  commandRan: nonEmpty,
  outputContains: obj({ command: req(nonEmpty), text: req(nonEmpty) }),
  editRebuildsAtMost: obj({ file: req(nonEmpty), steps: req(count) }),
  pushed: nonEmpty,
  pushedDigests: withCount({ ref: req(nonEmpty) }),
  digestPinned: obj({ ref: req(nonEmpty) }),
  storeImage: obj({ store: req(oneOf(IMAGE_STORES)), ref: req(nonEmpty) }),
};

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

/** `{ "imageTagged": "app:1" }`: exactly one key, a known check, valid arguments. */
export const check: V<Check> = (v, field, errors) => {
  if (!isRecord(v)) {
    errors.push({
      field,
      reason: `expected an object like { "imageTagged": "app:1" }, found ${kindOf(v)}`,
    });
    return undefined;
  }
  const keys = Object.keys(v);
  if (keys.length !== 1) {
    errors.push({
      field,
      reason: `expected exactly one check, found ${keys.length === 0 ? 'none' : keys.join(', ')}`,
    });
    return undefined;
  }
  const name = keys[0]!;
  if (!Object.hasOwn(CHECKS, name)) {
    const near = closest(name, CHECK_NAMES);
    errors.push({
      field,
      reason: `unknown check '${name}'${near ? ` (did you mean ${near}?)` : ''}`,
    });
    return undefined;
  }
  const args = (CHECKS[name as CheckName] as V<unknown>)(v[name], join(field, name), errors);
  return args === undefined ? undefined : ({ name, args } as Check);
};

/** A goal as the file writes it: `hiddenUntilAnswered` counts steps from 1. */
export const goal = obj({
  text: req(nonEmpty),
  check: req(check),
  hiddenUntilAnswered: opt(count),
});

const bool: V<boolean> = (v, field, errors) => {
  if (typeof v === 'boolean') return v;
  errors.push({ field, reason: `expected true or false, found ${kindOf(v)}` });
  return undefined;
};

const anything: V<unknown> = (v) => v;

export const start: V<LessonStart> = (v, field, errors) => {
  const r = obj({
    dockerfile: req(lines),
    files: opt(files),
    commands: opt(commands),
    daemon: opt(obj({ experimental: opt(bool) })),
    store: opt(oneOf(IMAGE_STORES)),
  })(v, field, errors);
  return (
    r && {
      dockerfile: r.dockerfile,
      files: r.files ?? {},
      commands: r.commands ?? [],
      daemon: { experimental: r.daemon?.experimental ?? false },
      ...(r.store ? { store: r.store } : {}),
    }
  );
};

/** The Build button's settings; each field is optional (the rest comes from the solution). */
export const buildSettings: V<Partial<LessonBuildSettings>> = (v, field, errors) => {
  const r = obj({
    tag: opt(nonEmpty),
    builder: opt(oneOf(BUILDERS)),
    noCache: opt(bool),
    buildArgs: opt(record(str)),
  })(v, field, errors);
  if (!r) return undefined;
  const out: Partial<LessonBuildSettings> = {};
  if (r.tag !== undefined) out.tag = r.tag;
  if (r.builder !== undefined) out.builder = r.builder;
  if (r.noCache !== undefined) out.noCache = r.noCache;
  if (r.buildArgs !== undefined) out.buildArgs = r.buildArgs;
  return out;
};

export const solution: V<LessonSolution> = (v, field, errors) => {
  const r = obj({ dockerfile: opt(lines), files: opt(files), commands: req(commands) })(
    v,
    field,
    errors,
  );
  if (!r) return undefined;
  return {
    commands: r.commands,
    ...(r.dockerfile !== undefined ? { dockerfile: r.dockerfile } : {}),
    ...(r.files !== undefined ? { files: r.files } : {}),
  };
};

export const predict: V<PredictQuestion> = (v, field, errors) => {
  const r = obj({
    question: req(nonEmpty),
    choices: req(list(nonEmpty)),
    answer: req(count),
    explain: req(nonEmpty),
  })(v, field, errors);
  if (!r) return undefined;
  if (r.choices.length < 2) {
    errors.push({ field: `${field}.choices`, reason: 'needs at least 2 choices' });
    return undefined;
  }
  if (r.answer >= r.choices.length) {
    errors.push({
      field: `${field}.answer`,
      reason: `is ${r.answer}, but there are only ${r.choices.length} choices (counted from 0)`,
    });
    return undefined;
  }
  return r;
};

export const myth: V<Myth> = (v, field, errors) => {
  const r = obj({ myth: req(nonEmpty), fact: req(nonEmpty), commands: opt(commands) })(
    v,
    field,
    errors,
  );
  return r && { myth: r.myth, fact: r.fact, commands: r.commands ?? [] };
};

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id: V<string> = (v, field, errors) => {
  const s = str(v, field, errors);
  if (s !== undefined && !ID.test(s)) {
    errors.push({ field, reason: `'${s}' is not a lesson id: use lowercase words joined by -` });
    return undefined;
  }
  return s;
};

/** The front matter of a lesson file. */
export const frontMatter = obj({
  id: req(id),
  title: req(nonEmpty),
  summary: req(nonEmpty),
  start: req(start),
  goals: req(list(goal)),
  hints: req(list(nonEmpty)),
  solution: req(solution),
  build: opt(buildSettings),
  review: opt(bool),
  golf: opt<Golf>(obj({ ref: req(nonEmpty) })),
});
