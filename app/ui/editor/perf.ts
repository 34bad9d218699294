import { setDiagnosticsEffect } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/**
 * Measurements for the keystroke benchmark (e2e/bench), on only with `?perf=1`: without the
 * flag nothing is recorded and no global is set.
 */
export interface KeystrokeSample {
  /** From the keydown event to diagnostics updated in the editor, in ms. */
  keystrokeToDiagnostics: number;
  /** Parsing and turning the result into editor diagnostics, in ms. */
  parseAndLint: number;
}

export interface LayerlabPerf {
  samples: KeystrokeSample[];
  clear: () => void;
}

declare global {
  interface Window {
    __layerlabPerf?: LayerlabPerf;
  }
}

export const perfEnabled =
  typeof location !== 'undefined' && new URLSearchParams(location.search).get('perf') === '1';

let keydownAt: number | null = null;
let lastLintMs = 0;

if (perfEnabled) {
  const samples: KeystrokeSample[] = [];
  window.__layerlabPerf = { samples, clear: () => void (samples.length = 0) };
}

/** Runs `fn`, recording its duration as the parse+lint part of the current keystroke. */
export function measureLint<T>(fn: () => T): T {
  if (!perfEnabled) return fn();
  const start = performance.now();
  try {
    return fn();
  } finally {
    const end = performance.now();
    lastLintMs = end - start;
    performance.measure('layerlab:parse+lint', { start, end });
  }
}

/** Marks each keydown and records a sample when the diagnostics it caused reach the editor. */
export function perfProbe(): Extension {
  if (!perfEnabled) return [];
  return [
    EditorView.domEventHandlers({
      keydown(event) {
        // Same time origin as performance.now(): the moment the browser received the key.
        keydownAt = event.timeStamp;
        return false;
      },
    }),
    EditorView.updateListener.of((update) => {
      if (keydownAt === null) return;
      const applied = update.transactions.some((tr) =>
        tr.effects.some((e) => e.is(setDiagnosticsEffect)),
      );
      if (!applied) return;
      const end = performance.now();
      performance.measure('layerlab:keystroke-to-diagnostics', { start: keydownAt, end });
      window.__layerlabPerf?.samples.push({
        keystrokeToDiagnostics: end - keydownAt,
        parseAndLint: lastLintMs,
      });
      keydownAt = null;
    }),
  ];
}
