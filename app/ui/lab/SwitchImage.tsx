import type { SourceRange } from '../../engine/common/diagnostics.ts';
import { useLabStoreApi } from '../../store/index.ts';
import { useEditorBridge } from '../editor/bridge.ts';
import { strings } from '../strings.ts';

/**
 * The one-click way out of a FROM the offline lab cannot use: writes the closest image it has
 * where the name was (one undoable edit in the editor, else in the lab's text) and builds again.
 */
export function SwitchImage({ to, range }: { to: string; range: SourceRange }) {
  const store = useLabStoreApi();
  const bridge = useEditorBridge();
  const onClick = () => {
    const text = store.getState().dockerfile;
    const { offset: from } = range.start;
    const { offset: end } = range.end;
    if (end > text.length || from > end) return;
    const change = { from, to: end, insert: to };
    if (!bridge.edit({ label: to, changes: [change] }))
      store.getState().setDockerfile(text.slice(0, from) + to + text.slice(end));
    void store.getState().build();
  };
  return (
    <button
      type="button"
      className="button button-primary step-failure-switch"
      data-testid="layers.switch-image"
      onClick={onClick}
    >
      {strings.layers.switchImage(to)}
    </button>
  );
}
