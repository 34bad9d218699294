import { memo } from 'react';
import { INSTRUCTIONS, type InstructionInfo } from '../engine/dockerfile/reference.ts';
import { useDockerfileParse } from '../store/index.ts';
import { useEditorBridge } from './editor/bridge.ts';
import { argumentsOf } from './instructionText.ts';
import { strings } from './strings.ts';

type Kind = InstructionInfo['layer'] | 'unknown';

interface ItemProps {
  /** Its number as a build step (1-based), the same as the layer list's; undefined before FROM. */
  step: number | undefined;
  line: number;
  keyword: string;
  rest: string;
  kind: Kind;
  /** Goes to the line; undefined where no Dockerfile is on screen (an embed of layers alone). */
  onSelect: ((line: number) => void) | undefined;
}

// Props are plain values, so an unchanged instruction skips rendering while the learner types.
const InstructionItem = memo(function InstructionItem({
  step,
  line,
  keyword,
  rest,
  kind,
  onSelect,
}: ItemProps) {
  const Item = onSelect ? 'button' : 'span';
  return (
    <li>
      <Item
        {...(onSelect
          ? {
              type: 'button' as const,
              onClick: () => onSelect(line),
              title: strings.instructions.goToLine(line),
            }
          : {})}
        className="instruction"
      >
        <span className="instruction-line">
          <span className="visually-hidden">
            {step === undefined ? strings.instructions.notAStep : strings.instructions.step}{' '}
          </span>
          {step ?? ''}
        </span>
        <span className="instruction-keyword">{keyword}</span>
        <span className="instruction-rest">{rest}</span>
        <span className={`badge badge-${kind}`} title={strings.instructions.kindTitle[kind]}>
          {strings.instructions.kind[kind]}
        </span>
      </Item>
    </li>
  );
});

/** The parsed instructions, one per item; choosing one puts the editor's cursor on its line. */
export function InstructionList() {
  const { instructions } = useDockerfileParse();
  const bridge = useEditorBridge();

  if (instructions.length === 0) {
    return <p className="empty">{strings.instructions.empty}</p>;
  }
  let steps = 0;
  return (
    <ol className="instruction-list">
      {instructions.map((instruction, index) => (
        <InstructionItem
          // By position: typing above an instruction must not remount everything below it.
          key={index}
          step={instruction.stage < 0 ? undefined : ++steps}
          line={instruction.range.start.line}
          keyword={instruction.keyword}
          rest={argumentsOf(instruction.source)}
          kind={INSTRUCTIONS.get(instruction.keyword)?.layer ?? 'unknown'}
          onSelect={bridge.hasEditor ? bridge.revealLine : undefined}
        />
      ))}
    </ol>
  );
}
