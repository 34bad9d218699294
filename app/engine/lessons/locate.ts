/**
 * Where a field of a lesson file's JSON is: the line of `goals[2].check.imageTagged` in the
 * front matter (or in a predict block), so an error can say `file:line: field: reason`.
 * jsonc-parser (the JSON reader of VS Code's editor) keeps each value's offset; a field that
 * is missing points at the nearest field around it that is there.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

/** `goals[2].check["a b"]` as path segments: ['goals', 2, 'check', 'a b']. */
export function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of field.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
  }
  return out;
}

/** The node a field names: the property (for its key's line) or the list item. */
function nodeAt(root: Node, path: (string | number)[]): Node | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = findNodeAtLocation(root, path.slice(0, n));
    if (found) return found.parent?.type === 'property' ? found.parent : found;
  }
  return undefined;
}

/**
 * The 1-based line of `field` in `json`, which starts at line `firstLine` of the file; the
 * first line of the JSON when the field cannot be found (or the JSON cannot be read).
 * @example lineOfField('{\n "id": 1\n}', 2, 'id') // 3
 */
export function lineOfField(json: string, firstLine: number, field: string): number {
  const root = parseTree(json);
  const node = root && field ? nodeAt(root, fieldPath(field)) : undefined;
  const offset = node?.offset ?? json.search(/\S/);
  return firstLine + lineBreaks(json.slice(0, Math.max(0, offset)));
}

const lineBreaks = (text: string): number => text.split('\n').length - 1;

/** The line of a character offset (JSON.parse's "position N") in text starting at `firstLine`. */
export const lineOfOffset = (text: string, firstLine: number, offset: number): number =>
  firstLine + lineBreaks(text.slice(0, offset));
