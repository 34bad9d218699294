import { hoverTooltip } from '@codemirror/view';
import { INSTRUCTIONS } from '../../engine/dockerfile/reference.ts';
import { instructionInfoDom } from './info.ts';
import { keywordsOnLine } from './instructionAt.ts';

/** Hovering an instruction keyword shows what it does and its syntax. */
export const instructionHover = hoverTooltip((view, pos) => {
  const span = keywordsOnLine(view.state, pos).find((s) => pos >= s.from && pos <= s.to);
  if (!span) return null;
  const info = INSTRUCTIONS.get(span.word.toUpperCase());
  if (!info) return null;
  return {
    pos: span.from,
    end: span.to,
    above: true,
    create: () => ({ dom: instructionInfoDom(info) }),
  };
});
