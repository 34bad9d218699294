import type { BuildEvent, BuilderKind } from '../../engine/build/events.ts';
import { strings } from '../strings.ts';
import { failureLines } from './failureLines.ts';
import { SwitchImage } from './SwitchImage.tsx';

const t = strings.layers;

/**
 * Why a step failed, on its card: the program's own last lines (apt's "E: Unable to locate
 * package curl"), then Docker's sentence in the chosen builder's words, then what to do.
 */
export function StepFailure({
  error,
  output,
  builder,
}: {
  error: Extract<BuildEvent, { type: 'error' }>;
  output: string;
  builder: BuilderKind | undefined;
}) {
  const lines = failureLines(output);
  const message = (builder === 'classic' && error.classicMessage) || error.message;
  return (
    <div className="step-failure" data-testid="layers.failure">
      {lines.length > 0 && (
        <>
          <span className="visually-hidden">{t.programSaid}</span>
          <pre className="step-failure-output" data-testid="layers.failure-output">
            {lines.join('\n')}
          </pre>
        </>
      )}
      {error.hint && <p className="step-failure-hint">{error.hint}</p>}
      {error.switchTo && error.imageRange && (
        <SwitchImage to={error.switchTo} range={error.imageRange} />
      )}
      <p className="step-failure-message">
        <span className="step-failure-who">{t.dockerSaid}</span> {message}
      </p>
    </div>
  );
}
