import type { StateCreator } from 'zustand';
import type { LabState } from './state.ts';

/** A build-context file as the learner edits it. */
export interface WorkspaceFile {
  path: string;
  content: string;
  /** Permission bits (`chmod` in the terminal, a lesson's executable script); 0o644 when absent. */
  mode?: number;
}

/** Build-context files (text or bytes, any mode) as the workspace keeps them. */
export const workspaceOf = (
  files: readonly { path: string; content: string | Uint8Array; mode?: number }[],
): WorkspaceFile[] =>
  files.map((f) => ({
    path: f.path,
    content: typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content),
    ...(f.mode !== undefined && f.mode !== 0o644 ? { mode: f.mode } : {}),
  }));

/** The files as a build context: path, content and permission bits. */
export const contextOf = (files: readonly WorkspaceFile[]) =>
  files.map((f) => ({
    path: f.path,
    content: f.content,
    ...(f.mode !== undefined ? { mode: f.mode } : {}),
  }));

export interface WorkspaceSlice {
  /** The build context (besides the Dockerfile, which is `dockerfile`). */
  files: WorkspaceFile[];
  /** The file open in the editor: `Dockerfile` or a context file's path. */
  openFile: string;
  /** Adds a file; returns a sentence saying why not, when it cannot. */
  addFile: (path: string, content?: string) => string | undefined;
  renameFile: (from: string, to: string) => string | undefined;
  deleteFile: (path: string) => void;
  setFileContent: (path: string, content: string) => void;
  /** Replaces the files as a command changed them (`chmod`, `touch`), keeping the open tab. */
  setFiles: (files: WorkspaceFile[]) => void;
  setOpenFile: (path: string) => void;
  /** Replaces the Dockerfile and the context (a starter project, a lesson, a shared link). */
  loadWorkspace: (dockerfile: string, files: WorkspaceFile[]) => void;
}

export const STARTER_FILES: WorkspaceFile[] = [
  { path: 'requirements.txt', content: 'flask==3.0.0\n' },
  {
    path: 'app.py',
    content:
      'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/")\ndef hello():\n    return "Hello from a container!"\n\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8000)\n',
  },
  { path: '.dockerignore', content: '.git\n__pycache__\n*.pyc\n' },
];

/** Why a path cannot name a context file, in a sentence; undefined when it can. */
export function checkFilePath(
  path: string,
  existing: readonly WorkspaceFile[],
): string | undefined {
  const p = path.trim();
  if (p === '') return 'Give the file a name.';
  if (p.startsWith('/'))
    return 'Context paths are relative to the context folder: drop the leading /.';
  if (p.split('/').some((part) => part === '..')) {
    return '".." would leave the build context; Docker can only see files inside it.';
  }
  if (p.split('/').some((part) => part === '' || part === '.'))
    return 'That path has an empty part.';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(p)) return 'File names cannot contain control characters here.';
  if (p === 'Dockerfile') return 'The Dockerfile has its own tab.';
  if (existing.some((f) => f.path === p)) return `There is already a file called ${p}.`;
  if (existing.some((f) => f.path.startsWith(p + '/'))) return `${p} is a folder of other files.`;
  if (existing.some((f) => p.startsWith(f.path + '/'))) {
    return `${existing.find((f) => p.startsWith(f.path + '/'))!.path} is a file, not a folder.`;
  }
  return undefined;
}

export const createWorkspaceSlice: StateCreator<LabState, [], [], WorkspaceSlice> = (set, get) => ({
  files: STARTER_FILES,
  openFile: 'Dockerfile',
  addFile: (path, content = '') => {
    const problem = checkFilePath(path, get().files);
    if (problem) return problem;
    const p = path.trim();
    set({ files: [...get().files, { path: p, content }], openFile: p });
    return undefined;
  },
  renameFile: (from, to) => {
    const others = get().files.filter((f) => f.path !== from);
    const problem = checkFilePath(to, others);
    if (problem) return problem;
    const p = to.trim();
    set({
      files: get().files.map((f) => (f.path === from ? { ...f, path: p } : f)),
      openFile: get().openFile === from ? p : get().openFile,
    });
    return undefined;
  },
  deleteFile: (path) =>
    set({
      files: get().files.filter((f) => f.path !== path),
      openFile: get().openFile === path ? 'Dockerfile' : get().openFile,
    }),
  setFileContent: (path, content) =>
    set({ files: get().files.map((f) => (f.path === path ? { ...f, content } : f)) }),
  setFiles: (files) =>
    set({
      files,
      openFile: files.some((f) => f.path === get().openFile) ? get().openFile : 'Dockerfile',
    }),
  setOpenFile: (path) => set({ openFile: path }),
  loadWorkspace: (dockerfile, files) => {
    set({ dockerfile, files, openFile: 'Dockerfile' });
    // A starter or a lesson's lab: its images load while the learner reads it.
    get().warmUp();
  },
});
