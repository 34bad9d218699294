/**
 * Positions in the Dockerfile text, and the map from a logical line (continuations joined) back
 * to the source, so every word the parser finds keeps the range it came from.
 */
import type { Position, SourceRange } from '../common/diagnostics.ts';

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1]!;
  }

  position(offset: number): Position {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1, offset: o };
  }

  range(start: number, end: number): SourceRange {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** A whole line, without its line break. */
  lineRange(line: number): SourceRange {
    const start = this.lineStart(line);
    let end = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
    if (end > start && this.text[end - 1] === '\r') end--;
    return this.range(start, end);
  }
}

/** A logical line: physical lines joined, with where each piece came from. */
export class JoinedLine {
  text = '';
  /** Pieces: offset in `text` where a piece starts, and the source offset it maps to. */
  private readonly at: number[] = [];
  private readonly src: number[] = [];

  append(piece: string, sourceOffset: number): void {
    if (piece.length === 0) return;
    this.at.push(this.text.length);
    this.src.push(sourceOffset);
    this.text += piece;
  }

  /** The source offset of a character of `text` (or of its end). */
  sourceOffset(index: number): number {
    if (this.at.length === 0) return 0;
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.src[lo]! + (index - this.at[lo]!);
  }

  /** Source offsets of `[start, end)` in `text`; the end maps to just after its last character. */
  sourceSpan(start: number, end: number): [number, number] {
    const s = this.sourceOffset(start);
    const e = end > start ? this.sourceOffset(end - 1) + 1 : s;
    return [s, e];
  }
}
