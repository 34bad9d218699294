import { useDockerfileDiagnostics } from '../store/diagnostics.ts';
import { useEditorBridge, useEditorCursor } from './editor/bridge.ts';
import { diagnosticTitle } from './editor/diagnosticTitle.ts';
import { LiveRegion } from './LiveRegion.tsx';
import { strings } from './strings.ts';

const glyph = { error: '✕', warning: '!', info: 'i' } as const;

/** Under the editor: the problems the parser found (each one a way to its line) and the cursor. */
export function EditorStatus() {
  const diagnostics = useDockerfileDiagnostics();
  const bridge = useEditorBridge();
  const cursor = useEditorCursor();
  // Layerlab's advice comes as notes: counted apart, so a working Dockerfile has no "problems".
  const notes = diagnostics.filter((d) => d.severity === 'info').length;
  const count = diagnostics.length - notes;

  return (
    <div className="editor-status">
      <div className="editor-status-bar">
        <span className={count ? 'problem-count has-problems' : 'problem-count'}>
          {count ? strings.editor.problemCount(count) : strings.editor.noProblems}
          {notes ? ` · ${strings.editor.noteCount(notes)}` : null}
        </span>
        <span className="cursor-position" data-testid="editor.cursor">
          {strings.editor.cursor(cursor.line, cursor.column)}
        </span>
      </div>
      {diagnostics.length > 0 && (
        <ul className="problem-list" aria-label={strings.editor.problemsLabel}>
          {diagnostics.map((d, i) => {
            const title = diagnosticTitle(d);
            const fix = d.fix;
            return (
              <li key={i} className="problem-item">
                <button
                  type="button"
                  className={`problem problem-${d.severity}${d.advice ? ' problem-advice' : ''}`}
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
                    {title ? <strong className="problem-rule">{title}: </strong> : null}
                    {d.message}
                    {d.hint ? <span className="problem-hint"> {d.hint}</span> : null}
                  </span>
                </button>
                {fix ? (
                  <button
                    type="button"
                    className="problem-fix"
                    title={strings.editor.fixTitle}
                    onClick={() => bridge.fix(fix)}
                  >
                    {strings.editor.fix(fix.label)}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <LiveRegion message={strings.announce.problems(count)} settleMs={1000} />
    </div>
  );
}
