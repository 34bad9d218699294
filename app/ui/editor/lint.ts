import {
  linter,
  setDiagnostics,
  setDiagnosticsEffect,
  type Diagnostic as EditorDiagnostic,
} from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { ViewPlugin, type EditorView } from '@codemirror/view';
import type { Diagnostic } from '../../engine/common/diagnostics.ts';
import { dockerfileDiagnosticsCached, onCatalogNames } from '../../store/diagnostics.ts';
import { strings } from '../strings.ts';
import { applyFix } from './bridge.ts';
import { diagnosticTitle } from './diagnosticTitle.ts';
import { measureLint } from './perf.ts';

/** Rule name (or "Layerlab advice") first, Docker's words, then the teaching words beneath. */
function messageDom(diagnostic: Diagnostic): HTMLElement {
  const root = document.createElement('div');
  root.className = 'll-diagnostic';
  const title = diagnosticTitle(diagnostic);
  if (title) {
    const head = document.createElement('div');
    head.className = 'll-diagnostic-rule';
    const name = document.createElement('strong');
    name.textContent = title;
    head.append(name);
    if (diagnostic.rule?.url) {
      const link = document.createElement('a');
      link.href = diagnostic.rule.url;
      link.target = '_blank';
      link.rel = 'noreferrer';
      link.textContent = strings.editor.ruleDocs;
      head.append(' ', link);
    }
    root.append(head);
  }
  const message = document.createElement('div');
  message.textContent = diagnostic.message;
  root.append(message);
  if (diagnostic.hint) {
    const hint = document.createElement('div');
    hint.className = 'll-diagnostic-hint';
    hint.textContent = diagnostic.hint;
    root.append(hint);
  }
  return root;
}

/** Our parser's diagnostic as the editor's: offsets clamped to the document, hint kept. */
export function toEditorDiagnostic(diagnostic: Diagnostic, doc: Text): EditorDiagnostic {
  const from = Math.max(0, Math.min(diagnostic.range.start.offset, doc.length));
  const to = Math.max(from, Math.min(diagnostic.range.end.offset, doc.length));
  const title = diagnosticTitle(diagnostic);
  const words = diagnostic.hint ? `${diagnostic.message} ${diagnostic.hint}` : diagnostic.message;
  const fix = diagnostic.fix;
  return {
    from,
    to,
    severity: diagnostic.severity,
    message: title ? `${title}: ${words}` : words,
    renderMessage: () => messageDom(diagnostic),
    ...(fix
      ? { actions: [{ name: fix.label, apply: (view: EditorView) => applyFix(view, fix) }] }
      : {}),
  };
}

function diagnosticsFor(doc: Text): readonly EditorDiagnostic[] {
  return measureLint(() => {
    try {
      return dockerfileDiagnosticsCached(doc.toString()).map((d) => toEditorDiagnostic(d, doc));
    } catch (error) {
      // This runs inside the edit's transaction: a parser bug must cost the squiggles, never
      // the keystroke. The panels show the failure through their error boundaries.
      console.error('Dockerfile diagnostics failed', error);
      return [];
    }
  });
}

/**
 * Diagnostics from our parser and BuildKit's checks, in the same transaction as the edit that caused them: the
 * parse takes well under a millisecond, so waiting for an idle moment (CodeMirror's usual lint
 * timer) would only add latency and a frame where squiggles point at stale text.
 */
export const dockerfileLinter: Extension = [
  // No source of its own: the squiggles, tooltips and keymap of @codemirror/lint, fed below.
  linter(null),
  EditorState.transactionExtender.of((tr) =>
    tr.docChanged ? { effects: setDiagnosticsEffect.of(diagnosticsFor(tr.newDoc)) } : null,
  ),
  // The first text arrives without a transaction: lint it once the view exists. The catalog's
  // names arrive later (what images the lab has): lint again then.
  ViewPlugin.define((view) => {
    const relint = () => {
      if (view.dom.isConnected) {
        view.dispatch(setDiagnostics(view.state, diagnosticsFor(view.state.doc)));
      }
    };
    queueMicrotask(relint);
    const stop = onCatalogNames(() => queueMicrotask(relint));
    return { destroy: stop };
  }),
];
