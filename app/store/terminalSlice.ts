import type { StateCreator } from 'zustand';
import { CancelledError } from './engineClient.ts';
import type { LabState } from './state.ts';

export interface TerminalEntry {
  id: number;
  input: string;
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  /** A line of several commands: the output in the order it was printed. */
  chunks?: { text: string; error: boolean }[];
}

export interface TerminalSlice {
  terminal: TerminalEntry[];
  /** Files a command wrote (docker save -o, docker cp): name and size, for download. */
  outputs: { path: string; size: number }[];
  /** Runs one command line; resolves when it has finished. */
  runCommand: (line: string) => Promise<TerminalEntry>;
  clearTerminal: () => void;
}

let nextId = 1;

export const createTerminalSlice: StateCreator<LabState, [], [], TerminalSlice> = (set, get) => ({
  terminal: [],
  outputs: [],
  runCommand: async (line) => {
    const entry: TerminalEntry = {
      id: nextId++,
      input: line,
      stdout: '',
      stderr: '',
      exitCode: undefined,
    };
    set({ terminal: [...get().terminal, entry].slice(-200) });
    const finish = (patch: Partial<TerminalEntry>) => {
      const done = { ...entry, ...patch };
      set({ terminal: get().terminal.map((e) => (e.id === entry.id ? done : e)) });
      return done;
    };
    if (line.trim() === 'clear') {
      set({ terminal: [] });
      return { ...entry, exitCode: 0 };
    }
    const s = get();
    const building = /(^|[;&|(]\s*)docker\s+(image\s+)?build\b/.test(line);
    if (building) set({ status: { kind: 'building', since: Date.now() } });
    try {
      const r = await s.engine().command(
        line,
        s.files.map((f) => ({ path: f.path, content: f.content })),
        s.dockerfile,
      );
      if (r.build) get().addBuild(r.build, 'terminal');
      set({
        engineView: r.engine,
        outputs: [
          ...get().outputs.filter((o) => !r.written.some((w) => w.path === o.path)),
          ...r.written.map((w) => ({ path: w.path, size: w.data.length })),
        ],
      });
      return finish({
        stdout: r.stdout,
        stderr: r.stderr,
        exitCode: r.exitCode,
        ...(r.chunks ? { chunks: r.chunks } : {}),
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
  clearTerminal: () => set({ terminal: [] }),
});
