import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { completionKeymap } from '@codemirror/autocomplete';
import { lintKeymap } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { strings } from '../strings.ts';
import type { Cursor } from './bridge.ts';
import { dockerfileCompletion } from './completion.ts';
import { diagnosticGutter } from './diagnosticGutter.ts';
import { instructionHover } from './hover.ts';
import { dockerfileLanguage } from './language.ts';
import { dockerfileLinter } from './lint.ts';
import { perfProbe } from './perf.ts';
import { stepLinesField } from './stepLines.ts';
import { dockerfileTheme } from './theme.ts';

export interface EditorCallbacks {
  /** The whole text after each change. */
  onChange: (text: string) => void;
  onCursor: (cursor: Cursor) => void;
}

/** Everything the Dockerfile editor is made of, in one list. */
export function dockerfileExtensions({ onChange, onCursor }: EditorCallbacks): Extension[] {
  return [
    perfProbe(),
    lineNumbers(),
    diagnosticGutter,
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    stepLinesField,
    EditorView.lineWrapping,
    dockerfileLanguage,
    dockerfileTheme,
    dockerfileLinter,
    dockerfileCompletion,
    instructionHover,
    // Tab is left to the browser: keyboard users can always leave the editor.
    keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
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
