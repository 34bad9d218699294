/**
 * The editor's extensions that typing does not need at once: highlighting, undo history, the
 * keymaps, diagnostics (the linter and its gutter), completion and hover. Their own chunk
 * (with CodeMirror's language and command packages), loaded after the editor has mounted and
 * put into its `editorExtras` compartment (setup.ts).
 */
import { completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { lintKeymap } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { dockerfileCompletion } from './completion.ts';
import { diagnosticGutter } from './diagnosticGutter.ts';
import { instructionHover } from './hover.ts';
import { dockerfileHighlighting } from './language.ts';
import { dockerfileLinter } from './lint.ts';
import { perfProbe } from './perf.ts';

export function editorExtras(): Extension[] {
  return [
    perfProbe(),
    diagnosticGutter,
    history(),
    dockerfileHighlighting,
    dockerfileLinter,
    dockerfileCompletion,
    instructionHover,
    // Tab is left to the browser: keyboard users can always leave the editor.
    keymap.of([...completionKeymap, ...lintKeymap, ...historyKeymap, ...defaultKeymap]),
  ];
}
