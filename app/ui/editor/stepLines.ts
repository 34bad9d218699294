/**
 * The lines of the build step the lab is showing (lab/stepLines.ts), marked in the editor, so a
 * class following a build sees where it is in the Dockerfile.
 */
import { RangeSetBuilder, StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { StepLines } from '../lab/stepLines.ts';

export const setStepLines = StateEffect.define<StepLines | undefined>();

const line = Decoration.line({
  class: 'll-step-line',
  attributes: { 'data-testid': 'editor.step-line' },
});

function decorate(state: EditorState, lines: StepLines): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const last = Math.min(lines.to, state.doc.lines);
  for (let n = Math.max(1, lines.from); n <= last; n++)
    b.add(state.doc.line(n).from, state.doc.line(n).from, line);
  return b.finish();
}

/** The marked lines, replaced by `setStepLines`; they follow edits until the next one. */
export const stepLinesField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects)
      if (e.is(setStepLines)) next = e.value ? decorate(tr.state, e.value) : Decoration.none;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Marks `lines` in `view` (scrolled into view when they change), or clears the mark. */
export function showStepLines(view: EditorView, lines: StepLines | undefined): void {
  const effects: StateEffect<unknown>[] = [setStepLines.of(lines)];
  if (lines && lines.from <= view.state.doc.lines)
    effects.push(EditorView.scrollIntoView(view.state.doc.line(lines.from).from, { y: 'nearest' }));
  view.dispatch({ effects });
}
