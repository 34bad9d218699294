import { useEffect, useId, useState } from 'react';
import { useLabStore, useLabStoreApi, STARTERS, type WorkspaceFile } from '../../store/index.ts';
import { UndoNote } from './UndoNote.tsx';
import { strings } from '../strings.ts';

const t = strings.starters;
const NOTE_MS = 20_000;

/** Loads a starter project; the work it replaces comes back with Undo. */
export function StarterPicker() {
  const loadWorkspace = useLabStore((s) => s.loadWorkspace);
  const store = useLabStoreApi();
  const id = useId();
  const [undo, setUndo] = useState<{ name: string; dockerfile: string; files: WorkspaceFile[] }>();
  // The note says what just happened: it goes at the next edit or build, or after a while.
  useEffect(() => {
    if (!undo) return;
    const at = store.getState();
    const was = { dockerfile: at.dockerfile, files: at.files, builds: at.builds.length };
    const unsubscribe = store.subscribe((s) => {
      if (
        s.dockerfile !== was.dockerfile ||
        s.files !== was.files ||
        s.builds.length !== was.builds ||
        s.status.kind === 'building'
      )
        setUndo(undefined);
    });
    const timer = setTimeout(() => setUndo(undefined), NOTE_MS);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [undo, store]);
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
