/**
 * Source positions and diagnostics shared by every part of the engine.
 * Lines and columns are 1-based (as editors show them); offsets are 0-based UTF-16 indexes.
 */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable machine code, e.g. `unknown-instruction`, `missing-from`. */
  code: string;
  severity: Severity;
  /** One sentence a learner understands: what is wrong. */
  message: string;
  /** What to do about it, when there is something to say. */
  hint?: string;
  /** What Docker itself prints for the same problem, when it has its own words for it. */
  docker?: string;
  /**
   * `build`: Docker reads the file without complaint and fails only when the build reaches
   * this (an EXPOSE value that is not a port); the build reports it, with Docker's own output.
   */
  when?: 'build';
  range: SourceRange;
  /** One of BuildKit's build checks: its name (also in `code`) and documentation page. */
  rule?: { name: string; url: string };
  /** Layerlab's own advice: good practice that Docker does not check. */
  advice?: boolean;
  /** An edit that fixes it, when the fix is mechanical. */
  fix?: DiagnosticFix;
}

export interface DiagnosticFix {
  label: string;
  /** Offsets into the text the diagnostic was made from. */
  changes: { from: number; to: number; insert: string }[];
}

export { EngineError, type EngineErrorCode } from './errors.ts';
