/** Diagnostics as text for a terminal: `Dockerfile:3:1: error: ...`, then the line and a caret. */
import type { Diagnostic } from '../common/diagnostics.ts';

export function formatDiagnostic(file: string, text: string, d: Diagnostic): string {
  const { line, column, offset } = d.range.start;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', lineStart);
  if (lineEnd === -1) lineEnd = text.length;
  const source = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const width = Math.max(
    1,
    Math.min(d.range.end.offset, lineEnd) - Math.max(offset, lineStart) || 1,
  );
  const out = [`${file}:${line}:${column}: ${d.severity}: ${d.message}`];
  if (source.trim() !== '') {
    out.push(`  ${line} | ${source}`);
    out.push(
      `  ${' '.repeat(String(line).length)} | ${' '.repeat(column - 1)}${'^'.repeat(width)}`,
    );
  }
  if (d.hint) out.push(`  hint: ${d.hint}`);
  return out.join('\n');
}
