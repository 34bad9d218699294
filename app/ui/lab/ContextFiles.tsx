import { useId, useState } from 'react';
import { type WorkspaceFile, useLabStore } from '../../store/index.ts';
import { UndoNote } from './UndoNote.tsx';
import { strings } from '../strings.ts';

const t = strings.files;

/** Tabs over the Dockerfile and the build-context files, with add, rename and delete (undoable). */
export function FileTabs() {
  const files = useLabStore((s) => s.files);
  const open = useLabStore((s) => s.openFile);
  const setOpen = useLabStore((s) => s.setOpenFile);
  const addFile = useLabStore((s) => s.addFile);
  const renameFile = useLabStore((s) => s.renameFile);
  const deleteFile = useLabStore((s) => s.deleteFile);
  const [naming, setNaming] = useState<{ from: string | undefined; value: string } | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [deleted, setDeleted] = useState<WorkspaceFile | undefined>();
  const inputId = useId();
  const problemId = useId();

  const submit = () => {
    if (!naming) return;
    const why =
      naming.from === undefined ? addFile(naming.value) : renameFile(naming.from, naming.value);
    if (why) setProblem(why);
    else {
      setNaming(undefined);
      setProblem(undefined);
    }
  };
  return (
    <div className="file-tabs">
      <div className="tabs-row">
        <div role="tablist" aria-label={t.tabsLabel} className="tabs">
          {['Dockerfile', ...files.map((f) => f.path)].map((path) => (
            <button
              key={path}
              type="button"
              role="tab"
              aria-selected={open === path}
              title={path}
              className={`tab${open === path ? ' on' : ''}${path.length <= 8 ? ' short' : ''}`}
              onClick={() => setOpen(path)}
              onDoubleClick={() => path !== 'Dockerfile' && setNaming({ from: path, value: path })}
            >
              {path}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="tab tab-add"
          aria-label={t.add}
          title={t.add}
          onClick={() => setNaming({ from: undefined, value: '' })}
        >
          <span aria-hidden="true">+</span>
          <span className="tab-add-label" aria-hidden="true">
            {' '}
            {t.add}
          </span>
        </button>
      </div>
      {naming && (
        <form
          className="file-name-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor={inputId}>
            {naming.from === undefined ? t.newName : t.rename(naming.from)}
          </label>
          <input
            id={inputId}
            autoFocus
            value={naming.value}
            spellCheck={false}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(e) => {
              setNaming({ ...naming, value: e.target.value });
              setProblem(undefined);
            }}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(undefined)}
          />
          <button type="submit" className="button">
            {t.ok}
          </button>
          <button type="button" className="button" onClick={() => setNaming(undefined)}>
            {t.cancel}
          </button>
          {problem && (
            <p id={problemId} className="field-problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
      {open !== 'Dockerfile' && !naming && (
        <div className="file-actions">
          <button
            type="button"
            className="button"
            onClick={() => setNaming({ from: open, value: open })}
          >
            {t.renameButton}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDeleted(files.find((f) => f.path === open));
              deleteFile(open);
            }}
          >
            {t.delete}
          </button>
        </div>
      )}
      {deleted && (
        <UndoNote
          text={t.deleted(deleted.path)}
          undoLabel={t.undo}
          onUndo={() => {
            addFile(deleted.path, deleted.content);
            setDeleted(undefined);
          }}
        />
      )}
    </div>
  );
}

/** A build-context file's text. */
export function ContextFileEditor({ path }: { path: string }) {
  const file = useLabStore((s) => s.files.find((f) => f.path === path));
  const setContent = useLabStore((s) => s.setFileContent);
  if (!file) return null;
  return (
    <textarea
      className="context-editor"
      aria-label={t.editorLabel(path)}
      value={file.content}
      spellCheck={false}
      onChange={(e) => setContent(path, e.target.value)}
      data-testid="files.editor"
    />
  );
}
