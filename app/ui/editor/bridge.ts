import type { EditorView } from '@codemirror/view';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { DiagnosticFix } from '../../engine/common/diagnostics.ts';

/** Applies a diagnostic's mechanical fix as one undoable edit. */
export function applyFix(view: EditorView, fix: DiagnosticFix): void {
  const length = view.state.doc.length;
  const changes = fix.changes.filter((c) => c.from <= length && c.to <= length);
  if (changes.length === 0) return;
  view.dispatch({ changes, userEvent: 'input.fix', scrollIntoView: true });
  view.focus();
}

/** Typing carries on in the editor: focus, with the caret at `offset`. */
function carryOn(view: EditorView, offset: number): void {
  view.dispatch({ selection: { anchor: Math.min(offset, view.state.doc.length) } });
  view.focus();
}

export interface Cursor {
  line: number;
  column: number;
}

/**
 * The lab's handle on its editor: panels move the cursor through it ("go to line 3") and read
 * where the cursor is. Transient UI, so it lives here rather than in the store.
 */
export class EditorBridge {
  /**
   * Whether this lab shows its Dockerfile at all (an embed may not): "line N" links are offered
   * only where there is a line to go to.
   */
  readonly hasEditor: boolean;
  private view: EditorView | null = null;
  /** A read-only Dockerfile (an embed's) that can show a line, when there is no editor view. */
  private fallback: ((line: number) => void) | null = null;
  private cursor: Cursor = { line: 1, column: 1 };
  private readonly listeners = new Set<() => void>();

  /** Where the placeholder's caret was when the editor replaced it while it had focus. */
  private handoff: number | undefined;

  constructor(opts: { hasEditor?: boolean } = {}) {
    this.hasEditor = opts.hasEditor ?? true;
  }

  /** A read-only view of the Dockerfile shows lines for "line N" links (until it goes). */
  showLinesWith(reveal: ((line: number) => void) | null) {
    this.fallback = reveal;
  }

  attach(view: EditorView) {
    this.view = view;
    const at = this.handoff;
    this.handoff = undefined;
    // The learner was typing in the placeholder: the editor carries on where the caret was.
    if (at !== undefined) carryOn(view, at);
  }

  /** The placeholder, while it shows: puts the caret in it at an offset. */
  private placeholder: ((offset: number) => void) | null = null;

  /** The placeholder shows (until the function returned is called). */
  showPlaceholder(focusAt: (offset: number) => void): () => void {
    this.placeholder = focusAt;
    return () => {
      if (this.placeholder === focusAt) this.placeholder = null;
    };
  }

  /**
   * The learner was typing before the app showed (the page's early text area): the editor, or
   * the placeholder until it loads, takes the focus at `offset`.
   */
  continueTyping(offset: number) {
    if (this.view) {
      carryOn(this.view, offset);
    } else if (this.placeholder) {
      this.placeholder(offset);
    } else {
      this.handoff = offset;
    }
  }

  /** The placeholder goes while focused: the editor takes the focus at `offset`. */
  handOver(offset: number) {
    if (this.view) return;
    this.handoff = offset;
  }
  detach(view: EditorView) {
    if (this.view === view) this.view = null;
  }

  /** Puts the cursor at the start of `line`, scrolls it into view and focuses the editor. */
  revealLine = (line: number) => {
    const view = this.view;
    if (!view) {
      this.fallback?.(line);
      return;
    }
    const target = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
    view.dispatch({
      selection: { anchor: target.from },
      scrollIntoView: true,
      userEvent: 'select',
    });
    view.focus();
  };

  /** Applies a quick fix made for the editor's current text. */
  fix = (fix: DiagnosticFix) => {
    if (this.view) applyFix(this.view, fix);
  };

  /**
   * Makes an edit in the editor, as one undoable change without moving the focus there;
   * false when no editor is open (the caller then edits the lab's text itself).
   */
  edit = (fix: DiagnosticFix): boolean => {
    const view = this.view;
    if (!view) return false;
    const length = view.state.doc.length;
    const changes = fix.changes.filter((c) => c.from <= length && c.to <= length);
    view.dispatch({ changes, userEvent: 'input.fix' });
    return true;
  };

  setCursor(cursor: Cursor) {
    if (cursor.line === this.cursor.line && cursor.column === this.cursor.column) return;
    this.cursor = cursor;
    for (const listener of this.listeners) listener();
  }
  getCursor = (): Cursor => this.cursor;
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export const EditorBridgeContext = createContext<EditorBridge | null>(null);

export function useEditorBridge(): EditorBridge {
  const bridge = useContext(EditorBridgeContext);
  if (!bridge) throw new Error('useEditorBridge must be used inside <EditorBridgeContext>.');
  return bridge;
}

/** The editor's cursor position, re-rendering when it moves. */
export function useEditorCursor(): Cursor {
  const bridge = useEditorBridge();
  return useSyncExternalStore(bridge.subscribe, bridge.getCursor);
}
