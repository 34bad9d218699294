/** "… was removed. Undo": a status line after a change the learner can take back. */
export function UndoNote({
  text,
  undoLabel,
  onUndo,
}: {
  text: string;
  undoLabel: string;
  onUndo: () => void;
}) {
  return (
    <span className="undo-note" role="status">
      {text}{' '}
      <button type="button" className="button" onClick={onUndo}>
        {undoLabel}
      </button>
    </span>
  );
}
