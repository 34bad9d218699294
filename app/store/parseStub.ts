// TEMPORARY local stand-in until the engine parser lands; not to be committed.
import type { Diagnostic, SourceRange } from '../engine/common/diagnostics.ts';
import { INSTRUCTIONS, suggestInstruction } from '../engine/dockerfile/reference.ts';
export interface Instruction {
  keyword: string;
  range: SourceRange;
  source: string;
}
export interface ParseResult {
  instructions: Instruction[];
  diagnostics: Diagnostic[];
}
export function parseDockerfile(text: string): ParseResult {
  const instructions: Instruction[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let cont: Instruction | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    if (cont) {
      cont.source += '\n' + line;
      cont.range.end = { line: i + 1, column: line.length + 1, offset: start + line.length };
      if (!/\\\s*$/.test(line)) cont = null;
      continue;
    }
    if (/^\s*(#|$)/.test(line)) continue;
    const m = /^(\s*)(\S+)/.exec(line)!;
    const kw = m[2]!.toUpperCase();
    const range = {
      start: { line: i + 1, column: m[1]!.length + 1, offset: start + m[1]!.length },
      end: { line: i + 1, column: line.length + 1, offset: start + line.length },
    };
    if (!INSTRUCTIONS.has(kw)) {
      const s = suggestInstruction(kw);
      diagnostics.push({
        code: 'unknown-instruction',
        severity: 'error',
        message: `Unknown instruction ${m[2]}.`,
        ...(s ? { hint: `Did you mean ${s}?` } : {}),
        range: {
          start: range.start,
          end: {
            line: i + 1,
            column: range.start.column + m[2]!.length,
            offset: range.start.offset + m[2]!.length,
          },
        },
      });
      continue;
    }
    const ins = { keyword: kw, range, source: line };
    instructions.push(ins);
    if (/\\\s*$/.test(line)) cont = ins;
  }
  return { instructions, diagnostics };
}
