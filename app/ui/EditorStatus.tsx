import { useDockerfileParse } from '../store/index.ts';
import { useEditorBridge, useEditorCursor } from './editor/bridge.ts';
import { LiveRegion } from './LiveRegion.tsx';
import { strings } from './strings.ts';

const glyph = { error: '✕', warning: '!', info: 'i' } as const;

/** Under the editor: the problems the parser found (each one a way to its line) and the cursor. */
export function EditorStatus() {
  const { diagnostics } = useDockerfileParse();
  const bridge = useEditorBridge();
  const cursor = useEditorCursor();
  const count = diagnostics.length;

  return (
    <div className="editor-status">
      <div className="editor-status-bar">
        <span className={count ? 'problem-count has-problems' : 'problem-count'}>
          {count ? strings.editor.problemCount(count) : strings.editor.noProblems}
        </span>
        <span className="cursor-position" data-testid="editor.cursor">
          {strings.editor.cursor(cursor.line, cursor.column)}
        </span>
      </div>
      {count > 0 && (
        <ul className="problem-list" aria-label={strings.editor.problemsLabel}>
          {diagnostics.map((d, i) => (
            <li key={i}>
              <button
                type="button"
                className={`problem problem-${d.severity}`}
                onClick={() => bridge.revealLine(d.range.start.line)}
              >
                <span className="problem-glyph" aria-hidden="true">
                  {glyph[d.severity]}
                </span>
                <span className="problem-where">
                  {strings.editor.problemAt(d.range.start.line)}
                </span>
                <span className="visually-hidden">{strings.editor.severity[d.severity]}: </span>
                <span className="problem-message">
                  {d.message}
                  {d.hint ? <span className="problem-hint"> {d.hint}</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <LiveRegion message={strings.announce.problems(count)} settleMs={1000} />
    </div>
  );
}
