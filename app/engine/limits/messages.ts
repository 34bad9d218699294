/**
 * The sentences a learner reads when a build or a shell hits one of the simulator's limits,
 * shared by the shell and the builder so both say the same thing.
 */
import { readableSize } from '../common/units.ts';

/**
 * The size budget's sentence, with the file being written when it was hit. Without a known
 * limit (a full disk rather than the simulator's budget) it says no space was left.
 *
 * @example
 * sizeLimitMessage(2e9, '/big');
 * // 'this step wrote more data than the simulator allows (limit 2 GB, writing /big)'
 */
export function sizeLimitMessage(limit: number | undefined, path?: string): string {
  const writing = path !== undefined ? ` writing ${path}` : '';
  const parts =
    limit !== undefined
      ? [`limit ${readableSize(limit)}`, ...(path !== undefined ? [`writing ${path}`] : [])]
      : [`no space left${writing}`];
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `this step wrote more data than the simulator allows${detail}`;
}
