/**
 * The lab's own line after Docker's error for a name Docker Hub does not have: the nearest name
 * the catalog has ("There is no image called "pyhton" on Docker Hub. Did you mean python?").
 * Docker's words stay as they are; a real image the offline lab lacks already names the closest
 * one in its message.
 */
import type { EngineError } from '../common/diagnostics.ts';

export function labHint(e: EngineError): string | undefined {
  const { hint, switchTo } = e.data as { hint?: string; switchTo?: string };
  if (e.code === 'image-not-in-lab' || switchTo === undefined) return undefined;
  return hint;
}
