import type { EditorState } from '@codemirror/state';

export interface KeywordSpan {
  from: number;
  to: number;
  /** As typed (any case). */
  word: string;
}

/** Whether the line before `lineNumber` continues onto it (ends with the escape character). */
function continuesFromPrevious(state: EditorState, lineNumber: number): boolean {
  if (lineNumber <= 1) return false;
  const prev = state.doc.line(lineNumber - 1).text;
  return /\\\s*$/.test(prev) && !/^\s*#/.test(prev);
}

/**
 * The instruction keywords on the line holding `pos`: the first word, and the word after
 * ONBUILD. None on a comment line or a line that continues the previous instruction.
 */
export function keywordsOnLine(state: EditorState, pos: number): KeywordSpan[] {
  const line = state.doc.lineAt(pos);
  if (continuesFromPrevious(state, line.number)) return [];
  const match = /^(\s*)([A-Za-z]+)(?:(\s+)([A-Za-z]+))?/.exec(line.text);
  if (!match) return [];
  const [, indent = '', first = '', gap = '', second] = match;
  const spans: KeywordSpan[] = [];
  const firstFrom = line.from + indent.length;
  spans.push({ from: firstFrom, to: firstFrom + first.length, word: first });
  if (second && first.toUpperCase() === 'ONBUILD') {
    const secondFrom = firstFrom + first.length + gap.length;
    spans.push({ from: secondFrom, to: secondFrom + second.length, word: second });
  }
  return spans;
}

/** The text before `pos` on its line, and whether an instruction keyword may start there. */
export function keywordContext(
  state: EditorState,
  pos: number,
): { from: number; typed: string } | null {
  const line = state.doc.lineAt(pos);
  if (continuesFromPrevious(state, line.number)) return null;
  const before = line.text.slice(0, pos - line.from);
  const match = /^\s*(?:ONBUILD\s+)?([A-Za-z]*)$/i.exec(before);
  if (!match) return null;
  const typed = match[1] ?? '';
  return { from: pos - typed.length, typed };
}
