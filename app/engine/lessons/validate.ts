/**
 * Small validators that turn parsed JSON into typed data or say which field is wrong and why.
 * No dependency; every error names its field path (`goals[2].check.imageTagged`).
 */

export interface FieldError {
  field: string;
  reason: string;
  /** The 1-based line of the file the field is on, when known. */
  line?: number;
}

/** Reads `value` at `field`; on a problem pushes an error and returns undefined. */
export type V<T> = (value: unknown, field: string, errors: FieldError[]) => T | undefined;

export const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v;

export const join = (field: string, key: string): string => (field ? `${field}.${key}` : key);

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

export const isRecord = (v: unknown): v is Record<string, unknown> =>
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

export type Shape = Record<string, { v: V<unknown>; optional?: boolean }>;
export type FromShape<S extends Shape> = {
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
