import { MotionConfig } from 'motion/react';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { selectDockerfile, selectSaveProblem, useLabStore } from '../store/index.ts';
import { EditorBridge, EditorBridgeContext } from './editor/bridge.ts';
import { editorModule } from './editor/load.ts';
import { EditorStatus } from './EditorStatus.tsx';
import { InstructionList } from './InstructionList.tsx';
import { Panel } from './Panel.tsx';
import { PanelErrorBoundary } from './PanelErrorBoundary.tsx';
import { strings } from './strings.ts';

// CodeMirror is most of the page's JavaScript: it loads in its own chunk, in parallel with the
// first paint, which shows the text as it will look until the editor takes over.
// `editorModule` is a thenable, not a Promise: it resolves at once when the chunk is loaded.
const DockerfileEditor = lazy(editorModule as () => Promise<{ default: ComponentType }>);

function EditorPlaceholder() {
  const text = useLabStore(selectDockerfile);
  return (
    <pre className="editor-placeholder" aria-busy="true">
      {text}
    </pre>
  );
}

function SaveWarning() {
  const problem = useLabStore(selectSaveProblem);
  if (!problem) return null;
  return (
    <p className="save-warning" role="status" data-testid="app.save-warning">
      <span aria-hidden="true">! </span>
      {strings.save[problem]}
    </p>
  );
}

/**
 * One lab: header, then the panels. Needs a `LabStoreProvider` above it; everything else
 * (the editor handle, motion settings) it sets up itself, so several labs can share a page.
 */
export function App() {
  const [bridge] = useState(() => new EditorBridge());
  return (
    <MotionConfig reducedMotion="user">
      <EditorBridgeContext.Provider value={bridge}>
        <div className="app">
          <header className="app-header">
            <div className="app-title">
              <h1>{strings.productName}</h1>
              <p className="tagline">{strings.tagline}</p>
            </div>
            <SaveWarning />
          </header>
          <main className="lab">
            <Panel title={strings.editor.heading} testId="panel.editor" className="panel-editor">
              <div className="editor-column">
                <Suspense fallback={<EditorPlaceholder />}>
                  <DockerfileEditor />
                </Suspense>
                {/* Its own boundary: a crash there must not take the editor (and the text) away. */}
                <PanelErrorBoundary panel={strings.editor.problemsLabel}>
                  <EditorStatus />
                </PanelErrorBoundary>
              </div>
            </Panel>
            <Panel
              title={strings.instructions.heading}
              testId="panel.instructions"
              className="panel-instructions"
            >
              <InstructionList />
            </Panel>
          </main>
        </div>
      </EditorBridgeContext.Provider>
    </MotionConfig>
  );
}
