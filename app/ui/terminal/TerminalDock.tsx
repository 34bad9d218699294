import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Panel } from '../Panel.tsx';
import { strings } from '../strings.ts';
import {
  clampHeight,
  dockHeight,
  readDock,
  TerminalMetricsContext,
  writeDock,
  type DockSize,
  type TerminalMetrics,
} from './dock.ts';
import { TerminalPanel } from './TerminalPanel.tsx';
import './dock.css';

const t = strings.terminal;
const STEP_PX = 32;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The terminal's text input (xterm's textarea), to give it focus. */
const terminalInput = (dock: HTMLElement | null) =>
  dock?.querySelector<HTMLTextAreaElement>(`textarea[aria-label="${t.inputLabel}"]`) ?? null;

/**
 * The terminal under the lab's panels, across their full width: it rests small and grows to
 * 20 rows while in use; a handle above it resizes it (drag, or arrow keys), and Maximise (or
 * Ctrl+`) gives it the whole lab.
 */
export function TerminalDock() {
  const dock = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<DockSize>(() => readDock(storage()));
  const [inUse, setInUse] = useState(false);
  const [maximised, setMaximised] = useState(false);
  const [room, setRoom] = useState(0);
  const [metrics, setMetrics] = useState<TerminalMetrics & { chrome: number }>();

  // The room is the lab's height: the panels and the dock share it.
  useLayoutEffect(() => {
    const lab = dock.current?.parentElement;
    if (!lab) return;
    const measure = () => setRoom(lab.clientHeight);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(lab);
    return () => ro.disconnect();
  }, []);

  const report = useCallback((m: TerminalMetrics) => {
    const el = dock.current;
    const screen = el?.querySelector<HTMLElement>('[data-testid="terminal.screen"]');
    // Everything in the dock but the room for rows: heading, handle, padding. Stable across
    // heights, so growing to 20 rows lands in one step.
    let chrome = 0;
    if (el && screen) {
      const cs = getComputedStyle(screen);
      const inner =
        screen.clientHeight -
        parseFloat(cs.paddingTop || '0') -
        parseFloat(cs.paddingBottom || '0');
      chrome = el.offsetHeight - inner;
    }
    setMetrics((old) =>
      old &&
      old.cols === m.cols &&
      old.rows === m.rows &&
      old.cellHeight === m.cellHeight &&
      Math.abs(old.chrome - chrome) < 1
        ? old
        : { ...m, chrome },
    );
  }, []);

  const height = dockHeight({
    size,
    room,
    inUse,
    cellHeight: metrics?.cellHeight,
    chrome: metrics?.chrome ?? 0,
  });

  const resize = (next: number) => {
    const h = clampHeight(next, room);
    const s: DockSize = inUse ? { ...size, active: h } : { ...size, rest: h };
    setSize(s);
    writeDock(storage(), s);
  };

  const toggleMaximised = useCallback((focus: boolean) => {
    setMaximised((m) => !m);
    if (focus) requestAnimationFrame(() => terminalInput(dock.current)?.focus());
  }, []);

  // Ctrl+` (as in code editors) maximises the terminal, or gives the lab back, from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.metaKey && e.code === 'Backquote') {
        e.preventDefault();
        toggleMaximised(true);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [toggleMaximised]);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (maximised) return;
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startH = height;
    const move = (ev: PointerEvent) => resize(startH + (startY - ev.clientY));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onHandleKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const by: Record<string, number> = {
      ArrowUp: STEP_PX,
      ArrowDown: -STEP_PX,
      PageUp: STEP_PX * 4,
      PageDown: -STEP_PX * 4,
      Home: -room,
      End: room,
    };
    const d = by[e.key];
    if (d === undefined || maximised) return;
    e.preventDefault();
    resize(height + d);
  };

  return (
    <div
      ref={dock}
      className={`terminal-dock${maximised ? ' maximised' : ''}${inUse ? ' in-use' : ''}`}
      style={maximised ? undefined : { height }}
      data-testid="terminal.dock"
      data-cols={metrics?.cols}
      data-rows={metrics?.rows}
      onFocus={() => setInUse(true)}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        // Leaving the window keeps it in use; moving focus elsewhere in the page does not.
        if (next === null && !document.hasFocus()) return;
        if (!next || !e.currentTarget.contains(next)) setInUse(false);
      }}
    >
      <div
        className="terminal-handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={t.resize}
        aria-valuemin={0}
        aria-valuemax={room}
        aria-valuenow={maximised ? room : height}
        aria-valuetext={t.rowsNow(metrics?.rows ?? 0, metrics?.cols ?? 0)}
        tabIndex={maximised ? -1 : 0}
        onPointerDown={onPointerDown}
        onKeyDown={onHandleKey}
      />
      <Panel
        title={t.heading}
        testId="panel.terminal"
        className="panel-terminal"
        aside={
          <button
            type="button"
            className="button terminal-maximise"
            aria-pressed={maximised}
            aria-keyshortcuts="Control+`"
            title={t.maximiseTitle}
            onClick={() => toggleMaximised(false)}
          >
            {maximised ? t.restore : t.maximise}
          </button>
        }
      >
        <TerminalMetricsContext.Provider value={report}>
          <TerminalPanel />
        </TerminalMetricsContext.Provider>
      </Panel>
    </div>
  );
}
