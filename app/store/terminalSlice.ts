import type { StateCreator } from 'zustand';
import type { BuilderKind } from '../engine/build/events.ts';
import { hostFileCommand } from '../engine/cli/hostFiles.ts';
import type { InteractiveShell } from '../engine/session/interactive.ts';
import type { BuildView } from '../engine/session/types.ts';
import { CancelledError } from './engineClient.ts';
import { loadedImages, shellWord } from './loadLine.ts';
import type { LabState } from './state.ts';
import { contextOf, workspaceOf } from './workspaceSlice.ts';
import type { ReadProgress } from '../engine/session/brought.ts';

export interface TerminalEntry {
  id: number;
  input: string;
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  /** A line of several commands: the output in the order it was printed. */
  chunks?: { text: string; error: boolean }[];
  /** Typed in a container's shell (its name), not at the lab's prompt. */
  container?: string;
  /**
   * The output is one `docker build`'s log, by this builder: the terminal prints it in its
   * normal colours and only a failed build's error lines in red.
   */
  buildLog?: BuilderKind;
  /**
   * Not typed at the terminal's prompt (a lesson's "Run these commands", its solution): the
   * terminal prints the command line and its output itself, as if it had been typed.
   */
  echo?: boolean;
}

/** The builder a build ran with (its first event says). */
export function builderOf(view: BuildView): BuilderKind {
  const start = view.events[0];
  return start?.type === 'build-start' ? start.builder : 'buildkit';
}

export interface TerminalSlice {
  terminal: TerminalEntry[];
  /** Counts fresh starts of the terminal (a lesson opening): the screen clears when it moves. */
  terminalEpoch: number;
  /** Files a command wrote (docker save -o, docker cp): name, size and bytes, for download. */
  outputs: { path: string; size: number; data: Uint8Array }[];
  /**
   * Runs one command line; resolves when it has finished. `echo`: the line was not typed at the
   * prompt, so the terminal shows it and its output (see TerminalEntry.echo).
   */
  runCommand: (line: string, opts?: { echo?: boolean }) => Promise<TerminalEntry>;
  /** Adds commands that already ran elsewhere (a lesson's solution), echoed. */
  echoEntries: (entries: Omit<TerminalEntry, 'id' | 'echo'>[]) => void;
  /**
   * The container shell the terminal is attached to (`docker run -it IMAGE sh`, `docker exec
   * -it CONTAINER sh`): lines go to `runShellLine` until it exits.
   */
  shell: InteractiveShell | undefined;
  /** Runs a line in the attached shell; `exit` there ends it (and a `run -it` container). */
  runShellLine: (line: string) => Promise<TerminalEntry>;
  /** Leaves the shell without `exit` (Ctrl+D). */
  leaveShell: () => Promise<void>;
  clearTerminal: () => void;
  /** A clean screen, no entries and no container shell (a lesson starts). */
  restartTerminal: () => void;
  /**
   * Bring an image from the learner's computer: the file goes to the engine as it is, and
   * `docker load -i NAME` runs in the terminal, so the learner sees the command and its output.
   */
  loadImageFile: (file: File) => Promise<TerminalEntry>;
  /** The file a running `docker load` reads, and how far it got (bytes). */
  loading: ReadProgress | undefined;
  /**
   * Stops the running load: the engine restarts from its last saved state, so the lab is as
   * it was before (a load adds its images only once the whole archive has been read).
   */
  cancelLoad: () => void;
}

let nextId = 1;

export const createTerminalSlice: StateCreator<LabState, [], [], TerminalSlice> = (set, get) => ({
  terminal: [],
  terminalEpoch: 0,
  outputs: [],
  shell: undefined,
  runCommand: async (line, opts = {}) => {
    const { entry, finish } = addEntry(line, set, get, undefined, opts.echo);
    if (line.trim() === 'clear') {
      set({ terminal: [] });
      return { ...entry, exitCode: 0 };
    }
    const s = get();
    const source = { dockerfile: s.dockerfile, files: s.files };
    // `touch` and `chmod` act on the build context's files, here on the learner's machine.
    const host = hostFileCommand(line, contextOf(s.files));
    if (host) {
      get().setFiles(workspaceOf(host.files));
      return finish({ stdout: host.stdout, stderr: host.stderr, exitCode: host.exitCode });
    }
    const building = /(^|[;&|(]\s*)docker\s+(image\s+)?build\b/.test(line);
    if (building) set({ status: { kind: 'building', since: Date.now() } });
    try {
      const r = await s.engine().command(line, contextOf(s.files), s.dockerfile);
      if (r.build) get().addBuild(r.build, 'terminal', source);
      set({
        engineView: r.engine,
        ...(r.shell ? { shell: r.shell } : {}),
        outputs: [
          ...get().outputs.filter((o) => !r.written.some((w) => w.path === o.path)),
          ...r.written.map((w) => ({ path: w.path, size: w.data.length, data: w.data })),
        ],
      });
      return finish({
        stdout: r.stdout,
        stderr: r.stderr,
        exitCode: r.exitCode,
        ...(r.chunks ? { chunks: r.chunks } : {}),
        ...(r.build && !r.chunks ? { buildLog: builderOf(r.build) } : {}),
      });
    } catch (e) {
      return finish({
        stderr:
          e instanceof CancelledError
            ? '^C (cancelled)\n'
            : `${e instanceof Error ? e.message : String(e)}\n`,
        exitCode: 130,
      });
    } finally {
      if (building) set({ status: { kind: 'idle' } });
    }
  },
  runShellLine: async (line) => {
    const shell = get().shell;
    const { finish } = addEntry(line, set, get, shell?.name);
    if (!shell) return finish({ stderr: 'Not in a container shell.\n', exitCode: 1 });
    try {
      const r = await get().engine().shellLine(shell, line);
      set({ engineView: r.engine, shell: r.shell });
      return finish({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    } catch (e) {
      return finish({
        stderr:
          e instanceof CancelledError
            ? '^C (cancelled)\n'
            : `${e instanceof Error ? e.message : String(e)}\n`,
        exitCode: 130,
      });
    }
  },
  leaveShell: async () => {
    const shell = get().shell;
    if (!shell) return;
    set({ shell: undefined });
    try {
      set({ engineView: await get().engine().shellClose(shell) });
    } catch {
      // The engine restarted (cancelled): its containers are as they were saved.
    }
  },
  echoEntries: (entries) =>
    set({
      terminal: [
        ...get().terminal,
        ...entries.map((e) => ({ ...e, id: nextId++, echo: true })),
      ].slice(-200),
    }),
  clearTerminal: () => set({ terminal: [] }),
  restartTerminal: () =>
    set({ terminal: [], shell: undefined, terminalEpoch: get().terminalEpoch + 1 }),
  loading: undefined,
  loadImageFile: async (file) => {
    const client = get().engine();
    set({ loading: { name: file.name, read: 0, total: file.size } });
    client.onProgress = (p) => set({ loading: p });
    try {
      await client.bring(file.name, file);
      const done = await get().runCommand(`docker load -i ${shellWord(file.name)}`, {
        echo: true,
      });
      // Kept in the browser, so the image comes back after a reload.
      if (done.exitCode === 0) void get().keepArchive(file, loadedImages(done.stdout));
      return done;
    } finally {
      client.onProgress = undefined;
      set({ loading: undefined });
    }
  },
  cancelLoad: () => {
    if (get().loading) get().engine().cancel();
  },
});

/** A new entry in the transcript, and how to fill it in when the command has finished. */
function addEntry(
  line: string,
  set: Parameters<StateCreator<LabState, [], [], TerminalSlice>>[0],
  get: () => LabState,
  container?: string,
  echo?: boolean,
) {
  const entry: TerminalEntry = {
    id: nextId++,
    input: line,
    stdout: '',
    stderr: '',
    exitCode: undefined,
    ...(container !== undefined ? { container } : {}),
    ...(echo ? { echo: true } : {}),
  };
  set({ terminal: [...get().terminal, entry].slice(-200) });
  const finish = (patch: Partial<TerminalEntry>) => {
    const done = { ...entry, ...patch };
    set({ terminal: get().terminal.map((e) => (e.id === entry.id ? done : e)) });
    return done;
  };
  return { entry, finish };
}
