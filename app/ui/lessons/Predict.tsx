/**
 * A predict-then-reveal question: the learner picks an answer before building; once answered,
 * the choice is final and the explanation shows (the build then shows who was right).
 */
import { useId, useState } from 'react';
import type { PredictQuestion } from '../../engine/lessons/types.ts';
import { strings } from '../strings.ts';
import { InlineMarkdown, Markdown } from './Markdown.tsx';

export interface PredictProps {
  question: PredictQuestion;
  /** The answer given before, if any. */
  answered: number | undefined;
  onAnswer: (choice: number) => void;
}

export function Predict({ question, answered, onAnswer }: PredictProps) {
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const name = useId();
  const done = answered !== undefined;
  const right = answered === question.answer;
  return (
    <fieldset className="lesson-predict">
      <legend>
        <span className="lesson-predict-tag">{strings.lessons.predict}</span>{' '}
        <InlineMarkdown source={question.question} />
      </legend>
      {!done && <p className="lesson-muted">{strings.lessons.predictHelp}</p>}
      <div className="lesson-choices">
        {question.choices.map((c, i) => (
          <label
            key={i}
            className={
              done && i === question.answer
                ? 'lesson-choice right'
                : done && i === answered
                  ? 'lesson-choice wrong'
                  : 'lesson-choice'
            }
          >
            <input
              type="radio"
              name={name}
              value={i}
              disabled={done}
              checked={done ? answered === i : picked === i}
              onChange={() => setPicked(i)}
            />{' '}
            <InlineMarkdown source={c} />
          </label>
        ))}
      </div>
      {!done ? (
        <button
          type="button"
          className="button"
          disabled={picked === undefined}
          onClick={() => picked !== undefined && onAnswer(picked)}
        >
          {strings.lessons.checkAnswer}
        </button>
      ) : (
        <div className="lesson-reveal" role="status">
          <p className={right ? 'lesson-right' : 'lesson-wrong'}>
            <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
            {right
              ? strings.lessons.right
              : strings.lessons.wrong(question.choices[question.answer] ?? '')}
          </p>
          <Markdown source={question.explain} />
        </div>
      )}
    </fieldset>
  );
}
