import { Compartment, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  lineNumbers,
} from '@codemirror/view';
import { strings } from '../strings.ts';
import type { Cursor } from './bridge.ts';
import { stepLinesField } from './stepLines.ts';
import { editorTheme } from './theme.ts';

export interface EditorCallbacks {
  /** The whole text after each change. */
  onChange: (text: string) => void;
  onCursor: (cursor: Cursor) => void;
}

/**
 * Where the editor's later extensions go (extras.ts: highlighting, history and keys,
 * diagnostics and their gutter, completion, hover): empty when the editor mounts, filled once
 * their chunk has loaded. The editor takes input before (CodeMirror reads typing, Enter and
 * Backspace from the page without a keymap), and the first screen loads CodeMirror's view alone.
 */
export const editorExtras = new Compartment();

/** What the Dockerfile editor is made of when it mounts, in one list. */
export function dockerfileExtensions({ onChange, onCursor }: EditorCallbacks): Extension[] {
  return [
    lineNumbers(),
    // Where the diagnostic gutter has always been (next to the line numbers); the keymap in it
    // holds completion's and lint's keys before the default ones.
    editorExtras.of([]),
    highlightActiveLineGutter(),
    drawSelection(),
    highlightActiveLine(),
    stepLinesField,
    EditorView.lineWrapping,
    editorTheme,
    EditorView.contentAttributes.of({
      'aria-label': strings.editor.label,
      // Said outright so accessibility checkers see the scrolling editor as keyboard-reachable.
      tabindex: '0',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
      if (update.docChanged || update.selectionSet) {
        const head = update.state.selection.main.head;
        const line = update.state.doc.lineAt(head);
        onCursor({ line: line.number, column: head - line.from + 1 });
      }
    }),
  ];
}
