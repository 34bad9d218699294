/**
 * The lesson schema, in code: small validators that turn parsed front matter into typed data
 * or say which field is wrong and why. No dependency; every error names its field path.
 */
import type { BuilderKind, StepOutcome } from '../build/events.ts';
import type {
  Check,
  CheckArgs,
  CheckName,
  Count,
  Goal,
  Golf,
  LessonFile,
  LessonSolution,
  LessonStart,
  PredictQuestion,
} from './types.ts';

export interface FieldError {
  field: string;
  reason: string;
}

/** Reads `value` at `field`; on a problem pushes an error and returns undefined. */
export type V<T> = (value: unknown, field: string, errors: FieldError[]) => T | undefined;

const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v;

const join = (field: string, key: string): string => (field ? `${field}.${key}` : key);

export const str: V<string> = (v, field, errors) => {
  if (typeof v === 'string') return v;
  errors.push({ field, reason: `expected text, found ${kindOf(v)}` });
  return undefined;
};

export const nonEmpty: V<string> = (v, field, errors) => {
  const s = str(v, field, errors);
  if (s !== undefined && s.trim() === '') {
    errors.push({ field, reason: 'must not be empty' });
    return undefined;
  }
  return s;
};

/** Text, or a list of lines joined with newlines (a trailing newline added). */
export const lines: V<string> = (v, field, errors) => {
  if (Array.isArray(v)) {
    const parts = list(str)(v, field, errors);
    return parts && `${parts.join('\n')}\n`;
  }
  return str(v, field, errors);
};

export const num: V<number> = (v, field, errors) => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  errors.push({ field, reason: `expected a number, found ${kindOf(v)}` });
  return undefined;
};

export const count: V<number> = (v, field, errors) => {
  const n = num(v, field, errors);
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
    errors.push({ field, reason: `expected a whole number of 0 or more, found ${n}` });
    return undefined;
  }
  return n;
};

export const oneOf =
  <T extends string>(options: readonly T[]): V<T> =>
  (v, field, errors) => {
    const s = str(v, field, errors);
    if (s === undefined) return undefined;
    if ((options as readonly string[]).includes(s)) return s as T;
    errors.push({ field, reason: `expected one of ${options.join(', ')}, found '${s}'` });
    return undefined;
  };

export const list =
  <T>(item: V<T>): V<T[]> =>
  (v, field, errors) => {
    if (!Array.isArray(v)) {
      errors.push({ field, reason: `expected a list, found ${kindOf(v)}` });
      return undefined;
    }
    const out: T[] = [];
    let bad = false;
    v.forEach((x, i) => {
      const r = item(x, `${field}[${i}]`, errors);
      if (r === undefined) bad = true;
      else out.push(r);
    });
    return bad ? undefined : out;
  };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const record =
  <T>(item: V<T>): V<Record<string, T>> =>
  (v, field, errors) => {
    if (!isRecord(v)) {
      errors.push({ field, reason: `expected an object, found ${kindOf(v)}` });
      return undefined;
    }
    const out: Record<string, T> = {};
    let bad = false;
    for (const [k, x] of Object.entries(v)) {
      const key = /^[A-Za-z_]\w*$/.test(k) ? join(field, k) : `${field}[${JSON.stringify(k)}]`;
      const r = item(x, key, errors);
      if (r === undefined) bad = true;
      else out[k] = r;
    }
    return bad ? undefined : out;
  };

type Shape = Record<string, { v: V<unknown>; optional?: boolean }>;
type FromShape<S extends Shape> = {
  [K in keyof S as S[K]['optional'] extends true ? never : K]: S[K]['v'] extends V<infer T>
    ? T
    : never;
} & {
  [K in keyof S as S[K]['optional'] extends true ? K : never]?: S[K]['v'] extends V<infer T>
    ? T
    : never;
};

export const req = <T>(v: V<T>) => ({ v: v as V<unknown> & V<T> });
export const opt = <T>(v: V<T>) => ({ v: v as V<unknown> & V<T>, optional: true as const });

/** An object with exactly these fields: a missing or an unknown field is an error. */
export const obj =
  <S extends Shape>(shape: S): V<FromShape<S>> =>
  (v, field, errors) => {
    if (!isRecord(v)) {
      errors.push({ field, reason: `expected an object, found ${kindOf(v)}` });
      return undefined;
    }
    const out: Record<string, unknown> = {};
    let bad = false;
    for (const key of Object.keys(v)) {
      if (!(key in shape)) {
        const near = closest(key, Object.keys(shape));
        errors.push({
          field: join(field, key),
          reason: `unknown field '${key}'${near ? ` (did you mean ${near}?)` : ''}`,
        });
        bad = true;
      }
    }
    for (const [key, spec] of Object.entries(shape)) {
      if (!(key in v) || v[key] === undefined) {
        if (!spec.optional) {
          errors.push({ field: join(field, key), reason: 'is required' });
          bad = true;
        }
        continue;
      }
      const r = spec.v(v[key], join(field, key), errors);
      if (r === undefined) bad = true;
      else out[key] = r;
    }
    return bad ? undefined : (out as FromShape<S>);
  };

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(
        row[j]! + 1,
        row[j - 1]! + 1,
        prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(word, o);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

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
const commands = list(nonEmpty);

const OUTCOMES: readonly StepOutcome[] = [
  'base',
  'cached',
  'built',
  'metadata',
  'skipped',
  'failed',
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
  lastBuildCachedAtLeast: count,
  lastBuildRebuiltAtMost: count,
  lastBuildStep: obj({ match: req(nonEmpty), outcome: req(oneOf(OUTCOMES)) }),
  lastBuildBuilder: oneOf(BUILDERS),
  commandRan: nonEmpty,
  outputContains: obj({ command: req(nonEmpty), text: req(nonEmpty) }),
  editRebuildsAtMost: obj({ file: req(nonEmpty), steps: req(count) }),
  pushed: nonEmpty,
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

export const goal: V<Goal> = obj({ text: req(nonEmpty), check: req(check) });

export const start: V<LessonStart> = (v, field, errors) => {
  const r = obj({ dockerfile: req(lines), files: opt(files), commands: opt(commands) })(
    v,
    field,
    errors,
  );
  return r && { dockerfile: r.dockerfile, files: r.files ?? {}, commands: r.commands ?? [] };
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
  golf: opt<Golf>(obj({ ref: req(nonEmpty) })),
});
