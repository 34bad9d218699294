import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useContext, useEffect, useRef, useState } from 'react';
import { LiveRegion } from '../LiveRegion.tsx';
import { useLabStoreApi } from '../../store/index.ts';
import { strings } from '../strings.ts';
import { shellPrompt } from './containerShell.ts';
import { TerminalMetricsContext } from './dock.ts';
import { dockerCompleter, LineEditor } from './lineEditor.ts';
import { tabLeaves } from './tabFocus.ts';
import { buildLogPieces } from './buildLog.ts';
import type { BuilderKind } from '../../engine/build/events.ts';

const HOST_PROMPT = '\x1b[1;34mlab\x1b[0m:\x1b[1;36m~/app\x1b[0m$ ';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

/** Per store, the last echoed entry a terminal view has shown (views come and go; the store stays). */
const echoed = new WeakMap<object, number>();
const echoedUpTo = (store: object) => echoed.get(store) ?? 0;

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/**
 * Output for the terminal: LF to CRLF; a failed command's stderr in red (stderr also carries
 * progress, a build's log, which is not an error: of a build, only its error lines are red).
 */
function show(
  term: Terminal,
  r: {
    stdout: string;
    stderr: string;
    exitCode?: number | undefined;
    chunks?: { text: string; error: boolean }[];
    buildLog?: BuilderKind | undefined;
  },
): void {
  // A command that worked printed its progress (a pull, a build) before its result; one that
  // failed ends with its error.
  const failed = r.exitCode !== undefined && r.exitCode !== 0;
  const out = { text: r.stdout, error: false };
  const err = { text: r.stderr, error: failed };
  const pieces =
    r.chunks ??
    (r.buildLog
      ? buildLogPieces(failed ? r.stdout + r.stderr : r.stderr + r.stdout, failed, r.buildLog)
      : failed
        ? [out, err]
        : [err, out]);
  for (const p of pieces) {
    if (p.text) term.write(p.error ? `${RED}${crlf(p.text)}${RESET}` : crlf(p.text));
  }
}

/**
 * xterm.js speaking the docker CLI: history, Tab completion of commands, image and container
 * names; `docker run -it IMAGE sh` and `docker exec -it CONTAINER sh` open the container's shell.
 */
export default function XtermView() {
  const host = useRef<HTMLDivElement>(null);
  const store = useLabStoreApi();
  const report = useContext(TerminalMetricsContext);
  const [said, setSaid] = useState('');

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const term = new Terminal({
      fontFamily: cssVar('--font-mono', 'monospace'),
      fontSize: Math.round(rem * 0.875),
      cursorBlink: true,
      drawBoldTextInBrightColors: false,
      scrollback: 5000,
      theme: {
        background: cssVar('--editor-bg', '#ffffff'),
        foreground: cssVar('--fg', '#1b1f24'),
        cursor: cssVar('--accent', '#0969da'),
        selectionBackground: cssVar('--selection-bg', '#b6d7ff'),
        // ANSI colours with the page's contrast (the defaults are too pale on white).
        blue: cssVar('--accent', '#0b62c4'),
        cyan: cssVar('--syntax-string', '#0a6b3d'),
        red: cssVar('--error', '#c4271c'),
        green: cssVar('--syntax-string', '#0a6b3d'),
        yellow: cssVar('--warning', '#9a5b00'),
      },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    term.textarea?.setAttribute('aria-label', strings.terminal.inputLabel);
    // Tab completes here, so Escape then Tab (or Ctrl+M, as in the editor) lets it move focus on.
    term.attachCustomKeyEventHandler(tabLeaves((message) => setSaid(message)));
    const refit = () => {
      try {
        fit.fit();
      } catch {
        /* not laid out yet */
      }
      const row = el.querySelector<HTMLElement>('.xterm-rows > div');
      const cellHeight = row?.offsetHeight ?? 0;
      if (cellHeight > 0) report({ cellHeight, cols: term.cols, rows: term.rows });
    };
    refit();
    const ro = new ResizeObserver(refit);
    ro.observe(el);

    let busy = false;
    const names = () => {
      const v = store.getState().engineView;
      return {
        images: v.images.flatMap((i) => i.names),
        containers: v.containers.map((c) => c.name),
      };
    };
    const hostEditor = new LineEditor(HOST_PROMPT, dockerCompleter(names));
    const shellEditor = new LineEditor('', () => []);
    hostEditor.setHistory(store.getState().terminal.map((e) => e.input));
    const shell = () => store.getState().shell;
    const editor = () => (shell() ? shellEditor : hostEditor);
    const prompt = () => {
      const sh = shell();
      return sh ? shellPrompt(sh) : HOST_PROMPT;
    };

    const handle = async (line: string) => {
      const s = store.getState();
      // In a container's shell (`docker run -it IMAGE sh`): the engine runs each line there,
      // following `cd` and `export`, until `exit`.
      if (s.shell) {
        if (line.trim() !== '') show(term, await s.runShellLine(line));
        return;
      }
      if (line.trim() === 'clear') {
        term.clear();
        return;
      }
      if (line.trim() === 'help') {
        term.write(strings.terminal.help.replace(/\n/g, '\r\n'));
        return;
      }
      show(term, await s.runCommand(line));
    };

    const welcome = () => term.write(strings.terminal.welcome.replace(/\n/g, '\r\n') + HOST_PROMPT);
    welcome();

    // Commands run elsewhere (a lesson's "Run these commands", its solution, the Build button)
    // show here as if typed: the prompt, the line, its output. Entries an earlier view showed are
    // history; an echo that came before any view (a Build clicked while xterm.js still loads) is
    // still to show.
    const printed = new Set(
      store
        .getState()
        .terminal.filter((e) => !e.echo || e.id <= echoedUpTo(store))
        .map((e) => e.id),
    );
    let epoch = store.getState().terminalEpoch;
    const showEchoes = () => {
      const s = store.getState();
      if (s.terminalEpoch !== epoch) {
        // A fresh start (a lesson opens): a clean screen (the store has left any shell).
        epoch = s.terminalEpoch;
        printed.clear();
        for (const e of s.terminal) printed.add(e.id);
        term.reset();
        welcome();
        hostEditor.setHistory([]);
        return;
      }
      if (busy) return; // after the typed command's own output
      const ready = s.terminal.filter(
        (e) => e.echo && e.exitCode !== undefined && !printed.has(e.id),
      );
      if (ready.length === 0) return;
      term.write('\r\x1b[K');
      for (const e of ready) {
        printed.add(e.id);
        echoed.set(store, Math.max(echoedUpTo(store), e.id));
        term.write(`${HOST_PROMPT}${e.input}\r\n`);
        show(term, e);
      }
      // What the learner just asked for (the Build button, a lesson's commands) comes into view.
      term.write(shell() ? prompt() : hostEditor.redraw(), () => term.scrollToBottom());
    };
    const unsubscribe = store.subscribe(showEchoes);
    showEchoes();
    // Keys typed while a command runs wait here, as a terminal's type-ahead does; a pasted
    // block of lines runs one line after another. Ctrl+C cancels the build and drops them.
    let pending = '';
    const feed = (data: string) => {
      if (busy) {
        if (data.includes('\x03')) {
          store.getState().cancelBuild();
          pending = '';
        } else pending += data;
        return;
      }
      // Ctrl+D on an empty line in a container's shell: the shell ends, as sh does at EOF.
      if (data === '\x04' && shell() && editor().line === '') {
        busy = true;
        term.write('\r\n');
        void store
          .getState()
          .leaveShell()
          .finally(() => {
            busy = false;
            term.write(prompt());
            next();
          });
        return;
      }
      const end = data.search(/[\r\n]/);
      const cut = end < 0 ? data.length : end + (data.startsWith('\r\n', end) ? 2 : 1);
      pending = data.slice(cut) + pending;
      for (const out of editor().input(data.slice(0, cut))) {
        if (out.clear) {
          term.clear();
          term.write(editor().redraw());
        }
        if (out.write) term.write(out.write);
        if (out.submit !== undefined) {
          busy = true;
          void handle(out.submit).finally(() => {
            busy = false;
            term.write(prompt());
            showEchoes();
            next();
          });
          return;
        }
      }
      next();
    };
    const next = () => {
      if (busy || pending === '') return;
      const rest = pending;
      pending = '';
      feed(rest);
    };
    const sub = term.onData(feed);
    return () => {
      unsubscribe();
      sub.dispose();
      ro.disconnect();
      term.dispose();
    };
  }, [store, report]);

  return (
    <>
      <div ref={host} className="xterm-host" data-testid="terminal.screen" />
      <LiveRegion message={said} />
    </>
  );
}
