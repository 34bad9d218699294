import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { INSTRUCTIONS } from '../../engine/dockerfile/reference.ts';
import { strings } from '../strings.ts';
import { instructionInfoDom } from './info.ts';
import { keywordContext } from './instructionAt.ts';

const options: readonly Completion[] = [...INSTRUCTIONS.values()].map((info) => ({
  label: info.name,
  type: 'keyword',
  detail: strings.instructions.kind[info.layer],
  info: () => instructionInfoDom(info),
  apply: `${info.name} `,
}));

/** Offers the instructions where one may start: the first word of a line, or after ONBUILD. */
export function instructionCompletions(context: CompletionContext): CompletionResult | null {
  const at = keywordContext(context.state, context.pos);
  if (!at) return null;
  if (at.typed === '' && !context.explicit) return null;
  return { from: at.from, options, validFor: /^[A-Za-z]*$/ };
}

export const dockerfileCompletion = autocompletion({
  override: [instructionCompletions],
  icons: false,
});
