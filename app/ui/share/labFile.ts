/**
 * A lab as a file: `{ "layerlab": "lab", "version": 1, "lab": { ... } }`, pretty-printed so it
 * reads well in a diff. Reading one checks everything, like a link, and says what is wrong.
 */
import { validateLab, type DecodeResult, type SharedLab } from '../../share/codec.ts';

export const LAB_FILE_VERSION = 1;
/** A lab file larger than this is not a lab someone typed. */
export const MAX_LAB_FILE_BYTES = 2_000_000;

export function labToFileText(lab: SharedLab): string {
  return JSON.stringify({ layerlab: 'lab', version: LAB_FILE_VERSION, lab }, null, 2) + '\n';
}

/** A file name from the image tag: `app:latest` -> `app-latest.layerlab.json`. */
export function labFileName(lab: SharedLab): string {
  const base = lab.tag.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'lab';
  return `${base}.layerlab.json`;
}

const fail = (message: string): DecodeResult => ({ ok: false, message });

export function labFromFileText(text: string): DecodeResult {
  if (text.length > MAX_LAB_FILE_BYTES) {
    return fail('This file is too large to be a Layerlab lab (labs are under 2 MB).');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('This file is not a Layerlab lab: it is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('This file is not a Layerlab lab.');
  }
  const o = value as Record<string, unknown>;
  if (o.layerlab !== 'lab') return fail('This file is not a Layerlab lab.');
  if (o.version !== LAB_FILE_VERSION) {
    return fail('This lab file was made by another version of Layerlab and cannot be opened here.');
  }
  const checked = validateLab(o.lab);
  // The checks are shared with links; here they are about a file.
  return checked.ok
    ? checked
    : fail(checked.message.replace(/^This link/, 'This file').replace(/\blink\b/g, 'file'));
}
