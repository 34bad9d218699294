import type { InstructionInfo } from '../../engine/dockerfile/reference.ts';
import { strings } from '../strings.ts';

/**
 * The explanation of an instruction (summary, then its syntax lines) as DOM, for completion
 * info and hover. Text only: built with textContent, never parsed as HTML.
 */
export function instructionInfoDom(info: InstructionInfo): HTMLElement {
  const root = document.createElement('div');
  root.className = 'll-instruction-info';
  const title = document.createElement('div');
  title.className = 'll-instruction-info-title';
  title.textContent = info.name;
  const kind = document.createElement('span');
  kind.className = `ll-kind ll-kind-${info.layer}`;
  kind.textContent = strings.instructions.kind[info.layer];
  title.append(kind);
  const summary = document.createElement('p');
  summary.textContent = info.summary;
  const syntaxLabel = document.createElement('div');
  syntaxLabel.className = 'll-instruction-info-label';
  syntaxLabel.textContent = strings.editor.syntax;
  const syntax = document.createElement('pre');
  syntax.textContent = info.syntax.join('\n');
  root.append(title, summary, syntaxLabel, syntax);
  return root;
}
