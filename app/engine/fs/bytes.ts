/**
 * Pieces of bytes gathered while streaming, joined into one array.
 *
 * @example
 * concatBytes([a, b]).length === a.length + b.length; // true
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
