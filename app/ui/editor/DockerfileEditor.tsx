import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useLayoutEffect, useRef } from 'react';
import { useLabStoreApi } from '../../store/index.ts';
import { useEditorBridge } from './bridge.ts';
import { dockerfileExtensions, editorExtras } from './setup.ts';
import { stepLinesOf } from '../lab/stepLines.ts';
import { showStepLines } from './stepLines.ts';

/**
 * The CodeMirror editor, kept in step with the store both ways: typing writes the store; a
 * change made elsewhere (reset, a lesson) replaces the editor's text.
 */
export function DockerfileEditor() {
  const store = useLabStoreApi();
  const bridge = useEditorBridge();
  const hostRef = useRef<HTMLDivElement>(null);

  // A layout effect: the editor exists in the commit that removes the placeholder, so nothing
  // typed falls between the two and no frame shows neither. It mounts with what typing needs
  // only; diagnostics, completion and hover (extras.ts) follow in a chunk of their own.
  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // The text the editor last wrote to the store: a store change equal to it came from here.
    let written = store.getState().dockerfile;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: written,
        extensions: dockerfileExtensions({
          onChange: (text) => {
            written = text;
            store.getState().setDockerfile(text);
          },
          onCursor: (cursor) => bridge.setCursor(cursor),
        }),
      }),
    });
    bridge.attach(view);
    let live = true;
    void import('./extras.ts').then((m) => {
      if (!live) return;
      view.dispatch({ effects: editorExtras.reconfigure(m.editorExtras()) });
      // Tests and benchmarks that need diagnostics wait for this.
      host.dataset.extras = 'loaded';
    });
    let marked = stepLinesOf(store.getState());
    showStepLines(view, marked);
    const unsubscribe = store.subscribe((state) => {
      if (state.dockerfile !== written) {
        written = state.dockerfile;
        view.dispatch({
          changes: { from: 0, to: view.state.doc.length, insert: state.dockerfile },
        });
      }
      // The step the lab shows, marked in the editor (presenter mode follows it by eye).
      const lines = stepLinesOf(state);
      if (lines?.from !== marked?.from || lines?.to !== marked?.to) {
        marked = lines;
        showStepLines(view, lines);
      }
    });
    return () => {
      live = false;
      unsubscribe();
      bridge.detach(view);
      view.destroy();
    };
  }, [store, bridge]);

  return <div ref={hostRef} className="editor-host" data-testid="editor.host" />;
}
