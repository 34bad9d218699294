import { useId, useState } from 'react';
import { useLabStore, useLabStoreApi, STARTERS, type WorkspaceFile } from '../../store/index.ts';
import { UndoNote } from './UndoNote.tsx';
import { strings } from '../strings.ts';

const t = strings.starters;

/** Loads a starter project; the work it replaces comes back with Undo. */
export function StarterPicker() {
  const loadWorkspace = useLabStore((s) => s.loadWorkspace);
  const store = useLabStoreApi();
  const id = useId();
  const [undo, setUndo] = useState<{ name: string; dockerfile: string; files: WorkspaceFile[] }>();
  return (
    <div className="starter-picker">
      <label className="field" htmlFor={id}>
        <span className="visually-hidden">{t.label}</span>
        <select
          id={id}
          value=""
          onChange={(e) => {
            const s = STARTERS.find((x) => x.id === e.target.value);
            if (!s) return;
            const { dockerfile, files } = store.getState();
            setUndo({ name: s.name, dockerfile, files });
            loadWorkspace(s.dockerfile, s.files);
          }}
        >
          <option value="">{t.choose}</option>
          {STARTERS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {undo && (
        <UndoNote
          text={t.loaded(undo.name)}
          undoLabel={t.undo}
          onUndo={() => {
            loadWorkspace(undo.dockerfile, undo.files);
            setUndo(undefined);
          }}
        />
      )}
    </div>
  );
}
