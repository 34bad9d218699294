/**
 * A myth from the explainers, busted on screen: what people say, struck through and labelled,
 * what is true, and a button that shows it in the lab's terminal.
 */
import { useId } from 'react';
import type { Myth } from '../../engine/lessons/types.ts';
import { strings } from '../strings.ts';
import { InlineMarkdown, Markdown } from './Markdown.tsx';
import { usePlayCommands } from './usePlayCommands.ts';

export function MythCard({ myth }: { myth: Myth }) {
  const { play, running } = usePlayCommands(myth.commands);
  const titleId = useId();
  return (
    <aside className="lesson-myth" aria-labelledby={titleId} data-testid="lesson.myth">
      <p id={titleId} className="lesson-myth-title">
        {strings.lessons.mythLabel}
      </p>
      <p className="lesson-myth-claim">
        <span className="lesson-myth-tag">{strings.lessons.myth}:</span>{' '}
        <s>
          <InlineMarkdown source={myth.myth} />
        </s>
      </p>
      <div className="lesson-myth-fact">
        <span className="lesson-myth-tag">{strings.lessons.busted}:</span>
        <Markdown source={myth.fact} />
      </div>
      {myth.commands.length > 0 && (
        <>
          <pre className="lesson-code">
            <code>{myth.commands.join('\n')}</code>
          </pre>
          <button type="button" className="button" disabled={running} onClick={() => void play()}>
            {strings.lessons.showMe}
          </button>
        </>
      )}
    </aside>
  );
}
