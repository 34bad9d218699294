/**
 * Moving through the union picture by keyboard: rows are the merged view and the slabs (each
 * led by the slab itself), items in a row go left to right. Up and Down keep to the nearest
 * column. Pure, for tests.
 */
import type { Item } from './boxes.ts';

export const NAV_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

function nearest(row: readonly Item[], x: number): Item | undefined {
  let best: Item | undefined;
  for (const item of row) {
    if (!best || Math.abs(item.x - x) < Math.abs(best.x - x)) best = item;
  }
  return best;
}

/**
 * The item focus moves to from `current` on `key`, or undefined when it stays.
 *
 * @example
 * moveFocus(picture.rows, 'slab:3', 'ArrowRight'); // the first tile on layer 4's slab
 */
export function moveFocus(
  rows: readonly (readonly Item[])[],
  current: string | undefined,
  key: string,
): string | undefined {
  if (rows.length === 0) return undefined;
  let r = rows.findIndex((row) => row.some((i) => i.id === current));
  if (r < 0) return rows[0]![0]?.id;
  const row = rows[r]!;
  const c = row.findIndex((i) => i.id === current);
  const x = row[c]!.x;
  let target: Item | undefined;
  switch (key) {
    case 'ArrowRight':
      target = row[c + 1];
      break;
    case 'ArrowLeft':
      target = row[c - 1];
      break;
    case 'Home':
      target = row[0];
      break;
    case 'End':
      target = row[row.length - 1];
      break;
    case 'ArrowDown':
    case 'ArrowUp':
      r += key === 'ArrowDown' ? 1 : -1;
      target = rows[r] ? nearest(rows[r]!, x) : undefined;
      break;
    case 'PageUp':
      target = nearest(rows[0]!, x);
      break;
    case 'PageDown':
      target = nearest(rows[rows.length - 1]!, x);
      break;
  }
  return target && target.id !== current ? target.id : undefined;
}
