import { setDiagnosticsEffect, type Diagnostic } from '@codemirror/lint';
import { RangeSet, StateField, type Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { gutter, GutterMarker } from '@codemirror/view';
import { strings } from '../strings.ts';

type Severity = 'error' | 'warning' | 'info' | 'hint';
const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
// A shape per severity, so colour is never the only signal.
const glyph: Record<Severity, string> = { error: '✕', warning: '!', info: 'i', hint: 'i' };

/** One marker per line with problems: the worst severity, every message in its title. */
class DiagnosticMarker extends GutterMarker {
  constructor(
    readonly line: number,
    readonly severity: Severity,
    readonly messages: string,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return (
      other instanceof DiagnosticMarker &&
      other.line === this.line &&
      other.severity === this.severity &&
      other.messages === this.messages
    );
  }
  override toDOM(): Node {
    const el = document.createElement('span');
    el.className = `ll-gutter-marker ll-gutter-${this.severity}`;
    el.dataset.testid = 'editor.diagnostic';
    el.dataset.line = String(this.line);
    el.dataset.severity = this.severity;
    el.title = this.messages;
    el.textContent = glyph[this.severity];
    return el;
  }
}

function markersFor(diagnostics: readonly Diagnostic[], doc: Text): RangeSet<GutterMarker> {
  const byLine = new Map<number, { from: number; severity: Severity; messages: string[] }>();
  for (const d of diagnostics) {
    const line = doc.lineAt(Math.min(d.from, doc.length));
    const entry = byLine.get(line.number);
    const text = `${strings.editor.severity[d.severity === 'hint' ? 'info' : d.severity]}: ${d.message}`;
    if (!entry) {
      byLine.set(line.number, { from: line.from, severity: d.severity, messages: [text] });
    } else {
      entry.messages.push(text);
      if (rank[d.severity] > rank[entry.severity]) entry.severity = d.severity;
    }
  }
  const ranges = [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, e]) =>
      new DiagnosticMarker(line, e.severity, e.messages.join('\n')).range(e.from),
    );
  return RangeSet.of(ranges);
}

const diagnosticMarkers = StateField.define<RangeSet<GutterMarker>>({
  create: () => RangeSet.empty,
  update(markers, tr) {
    for (const effect of tr.effects) {
      // The effect's positions already refer to the new document.
      if (effect.is(setDiagnosticsEffect)) return markersFor(effect.value, tr.newDoc);
    }
    return tr.docChanged ? markers.map(tr.changes) : markers;
  },
});

/** A gutter showing which lines have problems, ahead of the line numbers. */
export const diagnosticGutter = [
  diagnosticMarkers,
  gutter({
    class: 'll-diagnostic-gutter',
    markers: (view: EditorView) => view.state.field(diagnosticMarkers),
  }),
];
