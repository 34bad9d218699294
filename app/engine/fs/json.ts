/**
 * JSON as Go's encoding/json writes it: compact, `<`, `>`, `&`, U+2028 and U+2029 escaped,
 * control characters as `\u00XX` except `\n`, `\r`, `\t`, lone surrogates as U+FFFD. Image IDs
 * are hashes of these bytes, so the escaping matters as much as the key order.
 */
import { compareNames } from './path.ts';

export type GoJson = null | boolean | number | string | readonly GoJson[] | GoObject;

/**
 * An object whose keys are written in the given order (Go struct order, or sorted for a
 * map); `undefined` values are left out, as `omitempty` does. A list of pairs rather than a
 * plain object, because JavaScript reorders integer-like keys.
 */
export class GoObject {
  constructor(readonly entries: readonly (readonly [string, GoJson | undefined])[]) {}
}

/** @example goStruct({ User: 'app', Env: undefined }); // written as {"User":"app"} */
export function goStruct(fields: Readonly<Record<string, GoJson | undefined>>): GoObject {
  return new GoObject(Object.entries(fields));
}

/**
 * @example
 * goJson({ Cmd: ['sh', '-c', 'a && b'] }); // '{"Cmd":["sh","-c","a \\u0026\\u0026 b"]}'
 */
export function goJson(value: GoJson): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return goString(value);
  if (!(value instanceof GoObject))
    return '[' + (value as readonly GoJson[]).map(goJson).join(',') + ']';
  const parts: string[] = [];
  for (const [k, v] of value.entries) {
    if (v !== undefined) parts.push(goString(k) + ':' + goJson(v));
  }
  return '{' + parts.join(',') + '}';
}

const hex = (c: number): string => '\\u' + c.toString(16).padStart(4, '0');

/**
 * One string as encoding/json writes it.
 *
 * @example
 * goString('a<b'); // '"a\\u003cb"'
 */
export function goString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029)
      out += hex(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
      } else out += '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\ufffd';
    else out += s[i]!;
  }
  return out + '"';
}

/**
 * A Go map: keys sorted in byte order, as encoding/json writes maps.
 *
 * @example
 * goJson(goMap([['b', 1], ['a', 2]])); // '{"a":2,"b":1}'
 */
export function goMap(entries: Iterable<readonly [string, GoJson]>): GoObject {
  return new GoObject([...entries].sort(([a], [b]) => compareNames(a, b)));
}
